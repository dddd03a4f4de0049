import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ChangeSet, EditorState } from '@codemirror/state';
import {
  changeSetToOperation,
  exactLineSeparator,
  inputSanitizer,
  operationToChanges,
  remoteChange,
  sanitizeChanges,
  sanitizeInsertedText,
} from '../src/codemirror-ot.js';
import { TextOperation } from '../src/text-operation.js';
import { forAll, randomOperation, randomString } from '../test-support/random.js';

const makeState = (doc) => EditorState.create({ doc, extensions: [exactLineSeparator, inputSanitizer] });

describe('CodeMirror changes and operations', () => {
  it('converts both ways with the same effect (seeded random cases)', () => {
    forAll(2000, (random) => {
      const doc = randomString(random, 12) + (random.chance(0.3) ? '\r\n' + randomString(random, 4) : '');
      const op = randomOperation(random, doc);
      const state = makeState(doc);
      assert.equal(state.doc.length, doc.length, 'positions are UTF-16 offsets of the exact text');
      const tr = state.update({ changes: operationToChanges(op), annotations: remoteChange.of({}) });
      assert.equal(tr.newDoc.toString(), op.apply(doc));
      assert.ok(changeSetToOperation(tr.changes).equals(op));
    });
  });

  it('converts a ChangeSet with several changes', () => {
    const changes = ChangeSet.of(
      [
        { from: 0, insert: '>' },
        { from: 2, to: 4 },
        { from: 6, insert: 'XY' },
      ],
      6,
    );
    const op = changeSetToOperation(changes);
    assert.deepEqual(op.toJSON(), ['>', 2, -2, 2, 'XY']);
    assert.equal(op.apply('abcdef'), '>abefXY');
  });

  it('keeps "\\r" as a character of an existing document', () => {
    const state = makeState('a\r\nb');
    assert.equal(state.doc.length, 4);
    assert.equal(state.doc.lines, 2);
    assert.equal(state.doc.toString(), 'a\r\nb');
  });
});

describe('input sanitising', () => {
  it('normalises line breaks and replaces lone surrogates', () => {
    assert.equal(sanitizeInsertedText('a\r\nb\rc\n'), 'a\nb\nc\n');
    assert.equal(sanitizeInsertedText('x\ud83dy\ude00'), 'x\ufffdy\ufffd');
    assert.equal(sanitizeInsertedText('😀'), '😀');
  });

  it('widens deletions and moves insertions so that no pair is split', () => {
    const doc = 'a😀b';
    assert.equal(sanitizeChanges(doc, [{ from: 1, to: 3, insert: '' }]), null);
    assert.deepEqual(sanitizeChanges(doc, [{ from: 2, to: 3, insert: '' }]), [{ from: 1, to: 3, insert: '' }]);
    assert.deepEqual(sanitizeChanges(doc, [{ from: 1, to: 2, insert: 'x' }]), [{ from: 1, to: 3, insert: 'x' }]);
    assert.deepEqual(sanitizeChanges(doc, [{ from: 2, to: 2, insert: 'x' }]), [{ from: 3, to: 3, insert: 'x' }]);
  });

  it('filters local transactions but not remote ones', () => {
    const state = makeState('a😀b');
    const local = state.update({ changes: { from: 2, to: 3 } });
    assert.equal(local.newDoc.toString(), 'ab');
    const pasted = state.update({ changes: { from: 4, insert: 'x\r\ny' }, selection: { anchor: 8 } });
    assert.equal(pasted.newDoc.toString(), 'a😀bx\ny');
    assert.equal(pasted.newSelection.main.head, 7);
    const remote = state.update({ changes: { from: 4, insert: 'x\r\ny' }, annotations: remoteChange.of({}) });
    assert.equal(remote.newDoc.toString(), 'a😀bx\r\ny');
  });

  it('never produces an operation that splits a pair (seeded random edits)', () => {
    forAll(2000, (random) => {
      const doc = randomString(random, 10);
      let state = makeState(doc);
      const from = random.int(doc.length + 1);
      const to = Math.min(doc.length, from + random.int(3));
      const insert = random.chance(0.5) ? randomString(random, 2) : random.pick(['\ud83d', '\r\n', 'x']);
      const tr = state.update({ changes: { from, to, insert } });
      const op = changeSetToOperation(tr.changes);
      assert.equal(op.check(doc), null);
      assert.equal(op.apply(doc), tr.newDoc.toString());
      state = tr.state;
      assert.ok(state.selection.main.head <= state.doc.length);
    });
  });
});
