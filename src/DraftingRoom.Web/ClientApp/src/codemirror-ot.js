// Between CodeMirror's changes and TextOperations. Only @codemirror/state is used here, so this
// runs (and is tested) outside a browser.
//
// Positions must mean the same thing in the editor as on the server: UTF-16 code units of the
// exact text. The editor therefore treats only "\n" as a line break (a "\r" that is already in
// a document stays an ordinary character), and the input filter below turns typed or pasted
// "\r\n" and "\r" into "\n", never leaves half of a surrogate pair behind, and never inserts a
// lone surrogate.

import { Annotation, EditorSelection, EditorState, Transaction } from '@codemirror/state';
import { TextOperation, isWellFormed, splitsSurrogatePair } from './text-operation.js';

/** Marks transactions that apply remote (or re-synchronising) changes: they are not sent. */
export const remoteChange = Annotation.define();

/** Keeps editor positions equal to UTF-16 offsets of the document text. */
export const exactLineSeparator = EditorState.lineSeparator.of('\n');

/**
 * The TextOperation with the same effect as a CodeMirror ChangeSet.
 * @param {import('@codemirror/state').ChangeSet} changes
 * @returns {TextOperation}
 */
export function changeSetToOperation(changes) {
  const op = new TextOperation();
  let pos = 0;
  changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
    op.retain(fromA - pos);
    op.insert(inserted.toString());
    op.delete(toA - fromA);
    pos = toA;
  });
  op.retain(changes.length - pos);
  return op;
}

/**
 * CodeMirror change specs (positions in the document before the change) for a TextOperation.
 * @param {TextOperation} operation
 * @returns {Array<{ from: number, to: number, insert: string }>}
 */
export function operationToChanges(operation) {
  /** @type {Array<{ from: number, to: number, insert: string }>} */
  const changes = [];
  let pos = 0;
  for (const c of operation.ops) {
    if (typeof c === 'string') {
      changes.push({ from: pos, to: pos, insert: c });
    } else if (c > 0) {
      pos += c;
    } else {
      const last = changes[changes.length - 1];
      if (last && last.to === pos) {
        last.to = pos - c;
      } else {
        changes.push({ from: pos, to: pos - c, insert: '' });
      }
      pos -= c;
    }
  }
  return changes;
}

/**
 * Text as it may enter the document: line breaks as "\n", lone surrogates replaced by U+FFFD.
 * @param {string} text
 */
export function sanitizeInsertedText(text) {
  let result = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (!isWellFormed(result)) {
    result = result.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  }
  return result;
}

/**
 * Changes that never split a surrogate pair of the document and insert only sanitised text.
 * Returns null when the changes are fine as they are.
 * @param {string | ((index: number) => boolean)} doc the document before the changes, or a
 *   function telling whether an index of it falls inside a surrogate pair
 * @param {Array<{ from: number, to: number, insert: string }>} changes in document order
 * @returns {Array<{ from: number, to: number, insert: string }> | null}
 */
export function sanitizeChanges(doc, changes) {
  const splits = typeof doc === 'string' ? (/** @type {number} */ i) => splitsSurrogatePair(doc, i) : doc;
  let changed = false;
  const result = changes.map(({ from, to, insert }) => {
    const text = sanitizeInsertedText(insert);
    let f = from;
    let t = to;
    if (f === t) {
      // An insertion between the halves of a pair goes after the pair.
      if (splits(f)) f = t = f + 1;
    } else {
      if (splits(f)) f--;
      if (splits(t)) t++;
    }
    if (f !== from || t !== to || text !== insert) changed = true;
    return { from: f, to: t, insert: text };
  });
  if (!changed) return null;
  // Widening may have made neighbouring changes touch or overlap: merge them.
  /** @type {Array<{ from: number, to: number, insert: string }>} */
  const merged = [];
  for (const c of result) {
    const last = merged[merged.length - 1];
    if (last && c.from <= last.to) {
      last.insert += c.insert;
      last.to = Math.max(last.to, c.to);
    } else {
      merged.push({ ...c });
    }
  }
  return merged;
}

/**
 * A transaction filter applying sanitizeChanges to local edits.
 */
export const inputSanitizer = EditorState.transactionFilter.of((tr) => {
  if (!tr.docChanged || tr.annotation(remoteChange)) return tr;
  const startDoc = tr.startState.doc;
  /** @type {Array<{ from: number, to: number, insert: string }>} */
  const changes = [];
  tr.changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
    changes.push({ from: fromA, to: toA, insert: inserted.toString() });
  });
  const fixed = sanitizeChanges(textSplitsAt(startDoc), changes);
  if (!fixed) return tr;
  const fixedSet = tr.startState.changes(fixed);
  const back = tr.changes.invertedDesc;
  const splitsInNewDoc = textSplitsAt(fixedSet.apply(startDoc));
  /** @param {number} pos */
  const place = (pos) => {
    let p = Math.min(fixedSet.mapPos(back.mapPos(pos, 1), 1), fixedSet.newLength);
    if (splitsInNewDoc(p)) p++;
    return p;
  };
  const selection = EditorSelection.create(
    tr.newSelection.ranges.map((r) => EditorSelection.range(place(r.anchor), place(r.head))),
    tr.newSelection.mainIndex,
  );
  return {
    changes: fixed,
    selection,
    effects: tr.effects,
    scrollIntoView: tr.scrollIntoView,
    userEvent: tr.annotation(Transaction.userEvent),
  };
});

/**
 * Whether an index of a CodeMirror Text falls between the halves of a surrogate pair.
 * @param {import('@codemirror/state').Text} text
 * @returns {(index: number) => boolean}
 */
function textSplitsAt(text) {
  return (index) =>
    index > 0 && index < text.length && splitsSurrogatePair(text.sliceString(index - 1, index + 1), 1);
}
