// Seeded randomness for the property tests. Each case gets its own seed; a failing case names its
// seed, and `TEST_SEED=<seed> npm test` runs the cases again starting from it.

import { TextOperation } from '../src/text-operation.js';

/**
 * A small, fast, seeded generator (mulberry32).
 * @param {number} seed
 */
export function createRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    seed,
    next,
    /** An integer in [0, n). @param {number} n */
    int: (n) => Math.floor(next() * n),
    /** @param {number} p */
    chance: (p) => next() < p,
    /** @template T @param {T[]} items @returns {T} */
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

/** @typedef {ReturnType<typeof createRandom>} Random */

const baseSeed = process.env.TEST_SEED
  ? Number(process.env.TEST_SEED) >>> 0
  : (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) >>> 0;

/**
 * Runs `check` for `runs` seeded cases; a failure reports the seed that reproduces it.
 * @param {number} runs
 * @param {(random: Random) => void} check
 */
export function forAll(runs, check) {
  for (let i = 0; i < runs; i++) {
    const seed = (baseSeed + i) >>> 0;
    try {
      check(createRandom(seed));
    } catch (error) {
      const message = `Failed for seed ${seed} (rerun with TEST_SEED=${seed}): ${error.message}`;
      const wrapped = new Error(message, { cause: error });
      throw wrapped;
    }
  }
}

// Characters of one and two UTF-16 code units: Latin, accented, Arabic, Chinese, emoji, a
// mathematical letter, and line breaks.
const alphabet = ['a', 'b', 'c', ' ', 'é', 'ß', 'ع', '文', '\n', '😀', '𝔸', '👍🏽', '\u{10FFFF}'];

/**
 * A random well-formed string of up to `max` characters (not code units).
 * @param {Random} random
 * @param {number} max
 */
export function randomString(random, max = 8) {
  const n = random.int(max + 1);
  let s = '';
  for (let i = 0; i < n; i++) s += random.pick(alphabet);
  return s;
}

/**
 * The lengths in code units of the characters of `text` (1 or 2 each).
 * @param {string} text
 */
function characterLengths(text) {
  return Array.from(text, (ch) => ch.length);
}

/**
 * A random operation on `doc` whose boundaries never split a surrogate pair.
 * @param {Random} random
 * @param {string} doc
 */
export function randomOperation(random, doc) {
  const op = new TextOperation();
  const chars = characterLengths(doc);
  let i = 0;
  while (i < chars.length) {
    const take = 1 + random.int(Math.min(4, chars.length - i));
    let units = 0;
    for (let k = 0; k < take; k++) units += chars[i + k];
    i += take;
    const roll = random.next();
    if (roll < 0.2) {
      op.insert(randomString(random, 4));
      op.retain(units);
    } else if (roll < 0.45) {
      op.delete(units);
    } else {
      op.retain(units);
    }
  }
  if (random.chance(0.3)) op.insert(randomString(random, 4));
  return op;
}
