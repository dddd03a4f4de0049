import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  InvalidOperationError,
  TextOperation,
  diffOperation,
  isWellFormed,
  splitsSurrogatePair,
} from '../src/text-operation.js';
import { forAll, randomOperation, randomString } from '../test-support/random.js';

const RUNS = 3000;

/** @param {Array<number | string>} json */
const op = (json) => TextOperation.fromJSON(json);

/** Asserts the canonical form of an operation's components. @param {TextOperation} o */
function assertCanonical(o) {
  for (let i = 0; i < o.ops.length; i++) {
    const c = o.ops[i];
    assert.ok(c !== 0 && c !== '', `empty component in ${o}`);
    if (i > 0) {
      const p = o.ops[i - 1];
      const kind = (x) => (typeof x === 'string' ? 'insert' : x > 0 ? 'retain' : 'delete');
      assert.notEqual(kind(p), kind(c), `adjacent components of one kind in ${o}`);
      assert.ok(!(kind(p) === 'delete' && kind(c) === 'insert'), `insert after delete in ${o}`);
    }
  }
}

describe('TextOperation basics', () => {
  it('applies the protocol example', () => {
    assert.equal(op([1, 'X', -1, 1]).apply('abc'), 'aXc');
  });

  it('builds the canonical form', () => {
    const o = new TextOperation().retain(0).retain(2).retain(1).delete(1).insert('a').delete(-2).insert('').insert('b');
    assert.deepEqual(o.toJSON(), [3, 'ab', -3]);
    assert.equal(o.baseLength, 6);
    assert.equal(o.targetLength, 5);
    assert.deepEqual(op([0, 2, 1, -1, 'x', '', -1]).toJSON(), [3, 'x', -2]);
  });

  it('refuses malformed JSON', () => {
    assert.throws(() => TextOperation.fromJSON('abc'), InvalidOperationError);
    assert.throws(() => TextOperation.fromJSON([1.5]), InvalidOperationError);
    assert.throws(() => TextOperation.fromJSON([null]), InvalidOperationError);
    assert.throws(() => TextOperation.fromJSON([{ retain: 1 }]), InvalidOperationError);
  });

  it('refuses an operation of the wrong length', () => {
    assert.throws(() => op([2]).apply('abc'), InvalidOperationError);
    assert.throws(() => op([4]).apply('abc'), InvalidOperationError);
  });

  it('knows a no-op', () => {
    assert.ok(op([5]).isNoop());
    assert.ok(op([]).isNoop());
    assert.ok(!op([1, 'a']).isNoop());
  });

  it('puts the first argument first at a tie, and the pending operation first in transformCommitted', () => {
    const committed = op([1, 'C', 1]);
    const pending = op([1, 'P', 1]);
    const [c2, p2] = TextOperation.transform(committed, pending);
    assert.equal(p2.apply(committed.apply('ab')), 'aCPb');
    assert.equal(c2.apply(pending.apply('ab')), 'aCPb');
    // The server commits the pending operation later, and the later-committed text goes first.
    const t = TextOperation.transformCommitted(committed, pending);
    assert.equal(t.pending.apply(committed.apply('ab')), 'aPCb');
    assert.equal(t.committed.apply(pending.apply('ab')), 'aPCb');
  });

  it('maps indices forward and back', () => {
    const o = op([2, 'XY', -2, 1]); // "abcde" -> "abXYe"
    assert.equal(o.transformIndex(0), 0);
    assert.equal(o.transformIndex(2), 4);
    assert.equal(o.transformIndex(2, -1), 2);
    assert.equal(o.transformIndex(3), 4);
    assert.equal(o.transformIndex(4), 4);
    assert.equal(o.transformIndex(5), 5);
    assert.equal(o.untransformIndex(3), 2);
    assert.equal(o.untransformIndex(4), 4);
    assert.equal(o.untransformIndex(4, -1), 2);
    assert.equal(o.untransformIndex(5), 5);
  });
});

describe('surrogate pairs', () => {
  const doc = 'a😀b'; // a, high, low, b

  it('detects split points and lone surrogates', () => {
    assert.ok(splitsSurrogatePair(doc, 2));
    assert.ok(!splitsSurrogatePair(doc, 1));
    assert.ok(!splitsSurrogatePair(doc, 3));
    assert.ok(isWellFormed(doc));
    assert.ok(!isWellFormed('\ud83d'));
    assert.ok(!isWellFormed('\ude00x'));
  });

  it('refuses to retain, delete or insert inside a pair', () => {
    assert.throws(() => op([2, 'x', 2]).apply(doc), /surrogate pair/);
    assert.throws(() => op([2, -2]).apply(doc), /surrogate pair/);
    assert.throws(() => op([1, -1, 2]).apply(doc), /surrogate pair/);
    assert.equal(op([1, -2, 1]).apply(doc), 'ab');
    assert.equal(op([3, '👍', 1]).apply(doc), 'a😀👍b');
  });

  it('refuses to insert a lone surrogate', () => {
    assert.throws(() => op([1, '\ud83d', 3]).apply(doc), /lone surrogate/);
  });

  it('never lets random valid operations split a pair', () => {
    forAll(RUNS, (random) => {
      const d = randomString(random, 10);
      const a = randomOperation(random, d);
      const result = a.apply(d);
      assert.ok(isWellFormed(result));
    });
  });

  it('refuses random operations with a boundary inside a pair', () => {
    forAll(RUNS, (random) => {
      const d = randomString(random, 6) + '😀' + randomString(random, 6);
      const inside = d.indexOf('😀') + 1;
      const o = new TextOperation().retain(inside);
      const rest = d.length - inside;
      if (random.chance(0.5)) o.insert(randomString(random, 3) || 'x').retain(rest);
      else o.delete(rest);
      assert.throws(() => o.apply(d), InvalidOperationError);
    });
  });
});

describe('TextOperation laws (seeded random cases)', () => {
  it('apply gives the target length; JSON round-trips; the form is canonical', () => {
    forAll(RUNS, (random) => {
      const doc = randomString(random, 12);
      const a = randomOperation(random, doc);
      assert.equal(a.baseLength, doc.length);
      assert.equal(a.apply(doc).length, a.targetLength);
      assertCanonical(a);
      const b = TextOperation.fromJSON(JSON.parse(JSON.stringify(a)));
      assert.ok(a.equals(b));
    });
  });

  it('compose(a, b) has the effect of a then b', () => {
    forAll(RUNS, (random) => {
      const doc = randomString(random, 12);
      const a = randomOperation(random, doc);
      const afterA = a.apply(doc);
      const b = randomOperation(random, afterA);
      const ab = a.compose(b);
      assertCanonical(ab);
      assert.equal(ab.apply(doc), b.apply(afterA));
    });
  });

  it('compose is associative', () => {
    forAll(RUNS, (random) => {
      const d0 = randomString(random, 10);
      const a = randomOperation(random, d0);
      const d1 = a.apply(d0);
      const b = randomOperation(random, d1);
      const c = randomOperation(random, b.apply(d1));
      assert.ok(a.compose(b).compose(c).equals(a.compose(b.compose(c))));
    });
  });

  it('transform converges (TP1) and keeps the first argument first at ties', () => {
    forAll(RUNS, (random) => {
      const doc = randomString(random, 8);
      const a = randomOperation(random, doc);
      const b = randomOperation(random, doc);
      const [a2, b2] = TextOperation.transform(a, b);
      assertCanonical(a2);
      assertCanonical(b2);
      const viaA = b2.apply(a.apply(doc));
      const viaB = a2.apply(b.apply(doc));
      assert.equal(viaA, viaB);
      // Composed paths are the same operation.
      assert.ok(a.compose(b2).equals(b.compose(a2)));
    });
  });

  it('puts the first operation\'s insert first when both insert at one position', () => {
    forAll(RUNS, (random) => {
      const doc = randomString(random, 8);
      const at = Array.from(doc).slice(0, random.int(Array.from(doc).length + 1)).join('').length;
      const x = randomString(random, 3) + 'X';
      const y = randomString(random, 3) + 'Y';
      const a = new TextOperation().retain(at).insert(x).retain(doc.length - at);
      const b = new TextOperation().retain(at).insert(y).retain(doc.length - at);
      const [, b2] = TextOperation.transform(a, b);
      assert.equal(b2.apply(a.apply(doc)), doc.slice(0, at) + x + y + doc.slice(at));
    });
  });

  it('sequences of concurrent operations converge when transformed pairwise', () => {
    // What the server and a client do: each side's operations are transformed, one by one,
    // over each of the other side's.
    /**
     * @param {TextOperation[]} as
     * @param {TextOperation[]} bs
     * @returns {[TextOperation[], TextOperation[]]}
     */
    const transformSequences = (as, bs) => {
      let bsNow = bs;
      const asOut = [];
      for (const a of as) {
        let aNow = a;
        const bsNext = [];
        for (const b of bsNow) {
          const [a2, b2] = TextOperation.transform(aNow, b);
          aNow = a2;
          bsNext.push(b2);
        }
        asOut.push(aNow);
        bsNow = bsNext;
      }
      return [asOut, bsNow];
    };
    const applyAll = (doc, ops) => ops.reduce((d, o) => o.apply(d), doc);
    forAll(RUNS, (random) => {
      const doc = randomString(random, 8);
      const as = [];
      const bs = [];
      for (let d = doc, n = 1 + random.int(3); n > 0; n--) {
        const o = randomOperation(random, d);
        as.push(o);
        d = o.apply(d);
      }
      for (let d = doc, n = 1 + random.int(3); n > 0; n--) {
        const o = randomOperation(random, d);
        bs.push(o);
        d = o.apply(d);
      }
      const [as2, bs2] = transformSequences(as, bs);
      assert.equal(applyAll(applyAll(doc, as), bs2), applyAll(applyAll(doc, bs), as2));
    });
  });

  it('invert undoes', () => {
    forAll(RUNS, (random) => {
      const doc = randomString(random, 12);
      const a = randomOperation(random, doc);
      const after = a.apply(doc);
      const inverse = a.invert(doc);
      assert.equal(inverse.apply(after), doc);
      assert.ok(inverse.invert(after).equals(a));
      assert.equal(a.compose(inverse).apply(doc), doc);
    });
  });

  it('transformIndex follows retained characters; untransformIndex maps them back', () => {
    forAll(RUNS, (random) => {
      const doc = randomString(random, 12);
      const a = randomOperation(random, doc);
      const after = a.apply(doc);
      // Which code units survive: walk the operation.
      let pos = 0;
      let target = 0;
      for (const c of a.ops) {
        if (typeof c === 'string') {
          target += c.length;
        } else if (c > 0) {
          for (let k = 0; k < c; k++) {
            assert.equal(a.transformIndex(pos + k), target + k);
            assert.equal(a.untransformIndex(target + k), pos + k);
            assert.equal(after[a.transformIndex(pos + k)], doc[pos + k]);
          }
          pos += c;
          target += c;
        } else {
          pos -= c;
        }
      }
      for (let i = 0; i <= doc.length; i++) {
        const j = a.transformIndex(i, random.chance(0.5) ? 1 : -1);
        assert.ok(j >= 0 && j <= after.length);
      }
      for (let j = 0; j <= after.length; j++) {
        const i = a.untransformIndex(j, random.chance(0.5) ? 1 : -1);
        assert.ok(i >= 0 && i <= doc.length);
      }
    });
  });

  it('diffOperation turns one text into the other without splitting pairs', () => {
    forAll(RUNS, (random) => {
      const before = randomString(random, 10);
      const after = random.chance(0.5) ? randomOperation(random, before).apply(before) : randomString(random, 10);
      const d = diffOperation(before, after);
      assert.equal(d.check(before), null);
      assert.equal(d.apply(before), after);
    });
    // Pairs that share a high surrogate.
    assert.equal(diffOperation('😀', '😁').apply('😀'), '😁');
    assert.deepEqual(diffOperation('😀', '😁').toJSON(), ['😁', -2]);
  });
});
