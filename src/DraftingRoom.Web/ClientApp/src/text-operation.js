// Operations on plain text, in the wire format of docs/collaboration-protocol.md.
//
// An operation is a list of components applied left to right over the whole document:
//   a positive integer n retains n UTF-16 code units,
//   a negative integer -n deletes n code units,
//   a string inserts itself.
// Positions are UTF-16 code units, exactly as JavaScript string indices count them.
//
// Canonical form (what every TextOperation holds, whatever it was built from): no empty
// components, no two adjacent components of the same kind, and an insert never directly follows
// a delete (at one position the insert comes first). Two operations with the same effect on the
// same document therefore serialise to the same JSON.
//
// Concurrent inserts at one position (the tie-break)
// --------------------------------------------------
// `TextOperation.transform(a, b)` takes two operations on the same document and returns
// `[a2, b2]` with `apply(apply(doc, a), b2) === apply(apply(doc, b), a2)`. When both insert at
// the same position, `a`'s text ends up before `b`'s: the FIRST argument wins ties (the ot.js
// convention).
//
// The protocol says the operation the server committed later goes first (as in ot.js): of two
// people typing at one place at once, the text of the one whose change reached the server second
// comes first. The server transforms an incoming operation over each operation committed since
// its base revision, with the incoming operation's inserts first. In this module's terms the
// server computes
//   incoming2 = transform(incoming, committed)[0]
// and the client, holding a pending operation the server has not committed yet (so will commit
// after) and receiving an operation the server has committed, computes
//   [pending2, committed2] = transform(pending, committed)
// so that both sides order the texts the same way: the later-committed, pending one first.
// `transformCommitted` below spells this out so call sites cannot get the argument order wrong.
//
// Surrogate pairs
// ---------------
// A character outside the Basic Multilingual Plane takes two code units. An operation whose
// component boundaries fall between the two halves of such a pair, or that inserts a lone
// surrogate, is refused with an InvalidOperationError when applied or checked against a document.

/** @typedef {number | string} Component */

/** Thrown for an operation that is malformed or does not fit the document it is applied to. */
export class InvalidOperationError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'InvalidOperationError';
  }
}

/** @param {Component} c */
const isRetain = (c) => typeof c === 'number' && c > 0;
/** @param {Component} c */
const isDelete = (c) => typeof c === 'number' && c < 0;
/** @param {Component} c */
const isInsert = (c) => typeof c === 'string';

/** @param {number} code */
const isHighSurrogate = (code) => code >= 0xd800 && code <= 0xdbff;
/** @param {number} code */
const isLowSurrogate = (code) => code >= 0xdc00 && code <= 0xdfff;

/**
 * True when `index` falls between the two code units of a surrogate pair in `text`.
 * @param {string} text
 * @param {number} index
 */
export function splitsSurrogatePair(text, index) {
  return (
    index > 0 &&
    index < text.length &&
    isHighSurrogate(text.charCodeAt(index - 1)) &&
    isLowSurrogate(text.charCodeAt(index))
  );
}

/**
 * True when `text` has no lone surrogate (every high surrogate is followed by a low one).
 * @param {string} text
 */
export function isWellFormed(text) {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHighSurrogate(code)) {
      if (i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
        i++;
      } else {
        return false;
      }
    } else if (isLowSurrogate(code)) {
      return false;
    }
  }
  return true;
}

export class TextOperation {
  constructor() {
    /** @type {Component[]} */
    this.ops = [];
    /** Length of the document this operation applies to. */
    this.baseLength = 0;
    /** Length of the document it produces. */
    this.targetLength = 0;
  }

  /**
   * Retains `n` code units.
   * @param {number} n
   * @returns {this}
   */
  retain(n) {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new InvalidOperationError(`retain expects a non-negative integer, got ${n}`);
    }
    if (n === 0) return this;
    this.baseLength += n;
    this.targetLength += n;
    const last = this.ops.length - 1;
    if (last >= 0 && isRetain(this.ops[last])) {
      this.ops[last] = /** @type {number} */ (this.ops[last]) + n;
    } else {
      this.ops.push(n);
    }
    return this;
  }

  /**
   * Inserts `text` at the current position.
   * @param {string} text
   * @returns {this}
   */
  insert(text) {
    if (typeof text !== 'string') {
      throw new InvalidOperationError(`insert expects a string, got ${typeof text}`);
    }
    if (text === '') return this;
    this.targetLength += text.length;
    const ops = this.ops;
    const last = ops.length - 1;
    if (last >= 0 && isInsert(ops[last])) {
      ops[last] += text;
    } else if (last >= 0 && isDelete(ops[last])) {
      // Keep inserts before deletes at the same position.
      if (last >= 1 && isInsert(ops[last - 1])) {
        ops[last - 1] += text;
      } else {
        ops.push(ops[last]);
        ops[last] = text;
      }
    } else {
      ops.push(text);
    }
    return this;
  }

  /**
   * Deletes `n` code units (a negative `n` is taken as its absolute value).
   * @param {number} n
   * @returns {this}
   */
  delete(n) {
    if (!Number.isSafeInteger(n)) {
      throw new InvalidOperationError(`delete expects an integer, got ${n}`);
    }
    if (n < 0) n = -n;
    if (n === 0) return this;
    this.baseLength += n;
    const last = this.ops.length - 1;
    if (last >= 0 && isDelete(this.ops[last])) {
      this.ops[last] = /** @type {number} */ (this.ops[last]) - n;
    } else {
      this.ops.push(-n);
    }
    return this;
  }

  /** True when applying this operation changes nothing. */
  isNoop() {
    return this.ops.length === 0 || (this.ops.length === 1 && isRetain(this.ops[0]));
  }

  /** @param {TextOperation} other */
  equals(other) {
    if (this.baseLength !== other.baseLength || this.targetLength !== other.targetLength) return false;
    if (this.ops.length !== other.ops.length) return false;
    return this.ops.every((c, i) => c === other.ops[i]);
  }

  /** The wire format: an array of integers and strings. */
  toJSON() {
    return this.ops.slice();
  }

  toString() {
    return JSON.stringify(this.ops);
  }

  /**
   * Reads the wire format, canonicalising it. Throws InvalidOperationError on anything else.
   * @param {unknown} json
   * @returns {TextOperation}
   */
  static fromJSON(json) {
    if (!Array.isArray(json)) {
      throw new InvalidOperationError('An operation must be an array.');
    }
    const op = new TextOperation();
    for (const c of json) {
      if (typeof c === 'string') {
        op.insert(c);
      } else if (typeof c === 'number' && Number.isSafeInteger(c)) {
        if (c > 0) op.retain(c);
        else if (c < 0) op.delete(c);
      } else {
        throw new InvalidOperationError(`Unknown operation component: ${JSON.stringify(c)}`);
      }
    }
    return op;
  }

  /**
   * Describes why this operation cannot be applied to `doc`, or returns null when it can.
   * @param {string} doc
   * @returns {string | null}
   */
  check(doc) {
    if (doc.length !== this.baseLength) {
      return `The operation's base length (${this.baseLength}) is not the document's length (${doc.length}).`;
    }
    let pos = 0;
    for (const c of this.ops) {
      if (splitsSurrogatePair(doc, pos)) {
        return `The operation splits a surrogate pair at ${pos}.`;
      }
      if (isInsert(c)) {
        if (!isWellFormed(/** @type {string} */ (c))) {
          return `The operation inserts a lone surrogate at ${pos}.`;
        }
      } else {
        pos += Math.abs(/** @type {number} */ (c));
      }
    }
    return null;
  }

  /**
   * Applies this operation to `doc`.
   * @param {string} doc
   * @returns {string}
   */
  apply(doc) {
    const problem = this.check(doc);
    if (problem) throw new InvalidOperationError(problem);
    const parts = [];
    let pos = 0;
    for (const c of this.ops) {
      if (isRetain(c)) {
        parts.push(doc.slice(pos, pos + /** @type {number} */ (c)));
        pos += /** @type {number} */ (c);
      } else if (isInsert(c)) {
        parts.push(c);
      } else {
        pos -= /** @type {number} */ (c);
      }
    }
    return parts.join('');
  }

  /**
   * The operation that undoes this one; `doc` is the document this operation applies to.
   * @param {string} doc
   * @returns {TextOperation}
   */
  invert(doc) {
    if (doc.length !== this.baseLength) {
      throw new InvalidOperationError('invert needs the document the operation applies to.');
    }
    const inverse = new TextOperation();
    let pos = 0;
    for (const c of this.ops) {
      if (isRetain(c)) {
        inverse.retain(/** @type {number} */ (c));
        pos += /** @type {number} */ (c);
      } else if (isInsert(c)) {
        inverse.delete(/** @type {string} */ (c).length);
      } else {
        inverse.insert(doc.slice(pos, pos - /** @type {number} */ (c)));
        pos -= /** @type {number} */ (c);
      }
    }
    return inverse;
  }

  /**
   * One operation with the effect of this one followed by `next`.
   * @param {TextOperation} next
   * @returns {TextOperation}
   */
  compose(next) {
    if (this.targetLength !== next.baseLength) {
      throw new InvalidOperationError(
        `Cannot compose: the first operation produces ${this.targetLength} code units, the second expects ${next.baseLength}.`,
      );
    }
    const result = new TextOperation();
    const ops1 = this.ops;
    const ops2 = next.ops;
    let i1 = 0;
    let i2 = 0;
    /** @type {Component | undefined} */ let c1 = ops1[i1++];
    /** @type {Component | undefined} */ let c2 = ops2[i2++];
    for (;;) {
      if (c1 === undefined && c2 === undefined) break;
      if (c1 !== undefined && isDelete(c1)) {
        result.delete(/** @type {number} */ (c1));
        c1 = ops1[i1++];
        continue;
      }
      if (c2 !== undefined && isInsert(c2)) {
        result.insert(/** @type {string} */ (c2));
        c2 = ops2[i2++];
        continue;
      }
      if (c1 === undefined || c2 === undefined) {
        throw new InvalidOperationError('Cannot compose: operation lengths do not match.');
      }
      if (isRetain(c1) && isRetain(c2)) {
        const n1 = /** @type {number} */ (c1);
        const n2 = /** @type {number} */ (c2);
        if (n1 > n2) {
          result.retain(n2);
          c1 = n1 - n2;
          c2 = ops2[i2++];
        } else if (n1 === n2) {
          result.retain(n1);
          c1 = ops1[i1++];
          c2 = ops2[i2++];
        } else {
          result.retain(n1);
          c2 = n2 - n1;
          c1 = ops1[i1++];
        }
      } else if (isInsert(c1) && isDelete(c2)) {
        const s1 = /** @type {string} */ (c1);
        const n2 = -(/** @type {number} */ (c2));
        if (s1.length > n2) {
          c1 = s1.slice(n2);
          c2 = ops2[i2++];
        } else if (s1.length === n2) {
          c1 = ops1[i1++];
          c2 = ops2[i2++];
        } else {
          c2 = -(n2 - s1.length);
          c1 = ops1[i1++];
        }
      } else if (isInsert(c1) && isRetain(c2)) {
        const s1 = /** @type {string} */ (c1);
        const n2 = /** @type {number} */ (c2);
        if (s1.length > n2) {
          result.insert(s1.slice(0, n2));
          c1 = s1.slice(n2);
          c2 = ops2[i2++];
        } else if (s1.length === n2) {
          result.insert(s1);
          c1 = ops1[i1++];
          c2 = ops2[i2++];
        } else {
          result.insert(s1);
          c2 = n2 - s1.length;
          c1 = ops1[i1++];
        }
      } else {
        // retain in the first, delete in the second
        const n1 = /** @type {number} */ (c1);
        const n2 = -(/** @type {number} */ (c2));
        if (n1 > n2) {
          result.delete(n2);
          c1 = n1 - n2;
          c2 = ops2[i2++];
        } else if (n1 === n2) {
          result.delete(n2);
          c1 = ops1[i1++];
          c2 = ops2[i2++];
        } else {
          result.delete(n1);
          c2 = -(n2 - n1);
          c1 = ops1[i1++];
        }
      }
    }
    return result;
  }

  /**
   * Transforms two concurrent operations on the same document. Returns `[a2, b2]` such that
   * `b2` applied after `a` equals `a2` applied after `b`. At the same position `a`'s insert
   * goes first.
   * @param {TextOperation} a
   * @param {TextOperation} b
   * @returns {[TextOperation, TextOperation]}
   */
  static transform(a, b) {
    if (a.baseLength !== b.baseLength) {
      throw new InvalidOperationError(
        `Cannot transform: base lengths differ (${a.baseLength} and ${b.baseLength}).`,
      );
    }
    const a2 = new TextOperation();
    const b2 = new TextOperation();
    const ops1 = a.ops;
    const ops2 = b.ops;
    let i1 = 0;
    let i2 = 0;
    /** @type {Component | undefined} */ let c1 = ops1[i1++];
    /** @type {Component | undefined} */ let c2 = ops2[i2++];
    for (;;) {
      if (c1 === undefined && c2 === undefined) break;
      if (c1 !== undefined && isInsert(c1)) {
        a2.insert(/** @type {string} */ (c1));
        b2.retain(/** @type {string} */ (c1).length);
        c1 = ops1[i1++];
        continue;
      }
      if (c2 !== undefined && isInsert(c2)) {
        a2.retain(/** @type {string} */ (c2).length);
        b2.insert(/** @type {string} */ (c2));
        c2 = ops2[i2++];
        continue;
      }
      if (c1 === undefined || c2 === undefined) {
        throw new InvalidOperationError('Cannot transform: operation lengths do not match.');
      }
      const n1 = /** @type {number} */ (c1);
      const n2 = /** @type {number} */ (c2);
      if (n1 > 0 && n2 > 0) {
        const m = Math.min(n1, n2);
        a2.retain(m);
        b2.retain(m);
        c1 = n1 > m ? n1 - m : ops1[i1++];
        c2 = n2 > m ? n2 - m : ops2[i2++];
      } else if (n1 < 0 && n2 < 0) {
        // Both delete the same text: nothing left for either to do there.
        const m = Math.min(-n1, -n2);
        c1 = -n1 > m ? n1 + m : ops1[i1++];
        c2 = -n2 > m ? n2 + m : ops2[i2++];
      } else if (n1 < 0) {
        const m = Math.min(-n1, n2);
        a2.delete(m);
        c1 = -n1 > m ? n1 + m : ops1[i1++];
        c2 = n2 > m ? n2 - m : ops2[i2++];
      } else {
        const m = Math.min(n1, -n2);
        b2.delete(m);
        c1 = n1 > m ? n1 - m : ops1[i1++];
        c2 = -n2 > m ? n2 + m : ops2[i2++];
      }
    }
    return [a2, b2];
  }

  /**
   * The protocol's tie-break made explicit: `committed` has been committed by the server,
   * `pending` has not (yet), so the server will commit it later. Returns both transformed so that
   * the pending operation's inserts come first at equal positions, as the server will order them.
   * @param {TextOperation} committed
   * @param {TextOperation} pending
   * @returns {{ committed: TextOperation, pending: TextOperation }}
   */
  static transformCommitted(committed, pending) {
    const [pending2, committed2] = TextOperation.transform(pending, committed);
    return { committed: committed2, pending: pending2 };
  }

  /**
   * Where a position in the document before this operation ends up after it. A position at
   * which text is inserted moves after the inserted text when `assoc` is 1 (the default) and
   * stays before it when `assoc` is -1. A position inside deleted text moves to where the
   * deletion happened.
   * @param {number} index
   * @param {1 | -1} [assoc]
   * @returns {number}
   */
  transformIndex(index, assoc = 1) {
    let remaining = index;
    let result = index;
    for (const c of this.ops) {
      if (isRetain(c)) {
        remaining -= /** @type {number} */ (c);
        if (remaining < 0) break;
      } else if (isInsert(c)) {
        if (remaining === 0 && assoc < 0) break;
        result += /** @type {string} */ (c).length;
      } else {
        const n = -(/** @type {number} */ (c));
        result -= Math.min(remaining, n);
        remaining -= n;
        if (remaining < 0) break;
      }
    }
    return result;
  }

  /**
   * The reverse of transformIndex: where a position in the document after this operation was
   * before it. A position inside inserted text maps to where the insertion happened; at a
   * position where text was deleted, `assoc` 1 (the default) moves it after the deleted text.
   * @param {number} index
   * @param {1 | -1} [assoc]
   * @returns {number}
   */
  untransformIndex(index, assoc = 1) {
    let remaining = index;
    let result = index;
    for (const c of this.ops) {
      if (isRetain(c)) {
        remaining -= /** @type {number} */ (c);
        if (remaining < 0) break;
      } else if (isInsert(c)) {
        const n = /** @type {string} */ (c).length;
        result -= Math.min(remaining, n);
        remaining -= n;
        if (remaining < 0) break;
      } else {
        if (remaining === 0 && assoc < 0) break;
        result -= /** @type {number} */ (c);
      }
    }
    return result;
  }
}

/**
 * An operation with the same effect as turning `before` into `after`, found by their common
 * prefix and suffix, with the changed region widened so that it never splits a surrogate pair.
 * @param {string} before
 * @param {string} after
 * @returns {TextOperation}
 */
export function diffOperation(before, after) {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  while (start > 0 && (splitsSurrogatePair(before, start) || splitsSurrogatePair(after, start))) start--;
  let end = 0;
  while (
    end < max - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  ) {
    end++;
  }
  while (
    end > 0 &&
    (splitsSurrogatePair(before, before.length - end) || splitsSurrogatePair(after, after.length - end))
  ) {
    end--;
  }
  return new TextOperation()
    .retain(start)
    .delete(before.length - start - end)
    .insert(after.slice(start, after.length - end))
    .retain(end);
}
