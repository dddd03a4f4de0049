import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextOperation } from '../src/text-operation.js';
import { OtClient } from '../src/ot-client.js';

/** Timers that run only when the test says so. */
function fakeTimers() {
  let now = 0;
  /** @type {Map<number, { at: number, fn: () => void }>} */
  const scheduled = new Map();
  let nextId = 1;
  return {
    setTimeout(fn, ms) {
      const id = nextId++;
      scheduled.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(id) {
      scheduled.delete(id);
    },
    /** @param {number} ms */
    advance(ms) {
      now += ms;
      for (const [id, t] of [...scheduled].sort((x, y) => x[1].at - y[1].at)) {
        if (t.at <= now && scheduled.has(id)) {
          scheduled.delete(id);
          t.fn();
        }
      }
    },
  };
}

/**
 * A client over a local document string, recording what it sends and asks for.
 * @param {{ text?: string, revision?: number, online?: boolean }} [setup]
 */
function harness({ text = 'abc', revision = 4, online = true } = {}) {
  const timers = fakeTimers();
  const h = {
    doc: text,
    online,
    /** @type {Array<{ json: Array<number|string>, baseRevision: number, sequence: number }>} */
    sent: [],
    /** @type {number[]} */
    requested: [],
    /** @type {string[]} */
    desyncs: [],
    timers,
    /** @type {OtClient} */
    client: /** @type {any} */ (null),
    /** A local edit. @param {Array<number|string>} json */
    type(json) {
      const op = TextOperation.fromJSON(json);
      h.doc = op.apply(h.doc);
      h.client.applyClient(op);
    },
  };
  h.client = new OtClient({
    revision,
    clientId: 'me',
    timers,
    sendOperation(op, baseRevision, sequence) {
      if (!h.online) return false;
      h.sent.push({ json: op.toJSON(), baseRevision, sequence });
      return true;
    },
    applyOperation(op) {
      h.doc = op.apply(h.doc);
    },
    requestOperations(from) {
      h.requested.push(from);
    },
    onDesync(message) {
      h.desyncs.push(message);
    },
  });
  return h;
}

const op = (json) => TextOperation.fromJSON(json);

describe('OtClient states', () => {
  it('goes Synchronized -> AwaitingConfirm -> AwaitingWithBuffer and back', () => {
    const h = harness();
    assert.equal(h.client.stateName, 'synchronized');
    h.type([3, 'd']);
    assert.equal(h.client.stateName, 'awaiting-confirm');
    assert.deepEqual(h.sent, [{ json: [3, 'd'], baseRevision: 4, sequence: 1 }]);
    h.type([4, 'e']);
    assert.equal(h.client.stateName, 'awaiting-with-buffer');
    h.type([5, 'f']);
    assert.deepEqual(h.client.state.buffer.toJSON(), [4, 'ef'], 'buffered edits are composed');
    assert.equal(h.sent.length, 1, 'nothing more is sent while one operation is unacknowledged');
    h.client.serverAck(5, 1);
    assert.equal(h.client.revision, 5);
    assert.equal(h.client.stateName, 'awaiting-confirm');
    assert.deepEqual(h.sent[1], { json: [4, 'ef'], baseRevision: 5, sequence: 2 });
    h.client.serverAck(6, 2);
    assert.equal(h.client.stateName, 'synchronized');
    assert.equal(h.client.revision, 6);
    assert.equal(h.doc, 'abcdef');
  });

  it('applies remote operations, transformed over what is outstanding and buffered', () => {
    const h = harness();
    h.type([3, 'X']); // outstanding
    h.type([4, 'Y']); // buffer
    h.client.applyServer(5, op(['R', 3]), { clientId: 'other', sequence: 1 });
    assert.equal(h.doc, 'RabcXY');
    assert.deepEqual(h.client.state.outstanding.toJSON(), [4, 'X']);
    assert.deepEqual(h.client.state.buffer.toJSON(), [5, 'Y']);
    // The server commits our outstanding operation after R: it agrees with our document.
    h.client.serverAck(6, 1);
    assert.deepEqual(h.sent[1], { json: [5, 'Y'], baseRevision: 6, sequence: 2 });
  });

  it('orders its pending operation, committed later, first at a tie, as the server does', () => {
    const h = harness({ text: 'ab' });
    h.type([1, 'P', 1]);
    h.client.applyServer(5, op([1, 'C', 1]), { clientId: 'other', sequence: 7 });
    assert.equal(h.doc, 'aPCb');
    assert.deepEqual(h.client.state.outstanding.toJSON(), [1, 'P', 2]);
  });

  it('orders its buffered edits first at a tie too', () => {
    const h = harness({ text: 'ab' });
    h.type([2, 'X']); // outstanding
    h.type([1, 'P', 2]); // buffer
    h.client.applyServer(5, op([1, 'C', 1]), { clientId: 'other', sequence: 7 });
    assert.equal(h.doc, 'aPCbX');
    assert.deepEqual(h.client.state.buffer.toJSON(), [1, 'P', 3]);
  });
});

describe('OtClient revision order', () => {
  it('holds an acknowledgement that overtook a remote operation', () => {
    const h = harness();
    h.type([3, 'X']);
    h.client.serverAck(6, 1); // our op was committed as 6, after someone's 5
    assert.equal(h.client.revision, 4);
    assert.equal(h.client.stateName, 'awaiting-confirm');
    h.client.applyServer(5, op(['R', 3]), { clientId: 'other', sequence: 1 });
    assert.equal(h.client.revision, 6);
    assert.equal(h.client.stateName, 'synchronized');
    assert.equal(h.doc, 'RabcX');
  });

  it('holds remote operations that arrive out of order', () => {
    const h = harness();
    h.client.applyServer(7, op([5, '3']), { clientId: 'o', sequence: 3 });
    h.client.applyServer(6, op([4, '2']), { clientId: 'o', sequence: 2 });
    assert.equal(h.doc, 'abc');
    h.client.applyServer(5, op([3, '1']), { clientId: 'o', sequence: 1 });
    assert.equal(h.doc, 'abc123');
    assert.equal(h.client.revision, 7);
  });

  it('ignores duplicates and anything at or below its revision', () => {
    const h = harness();
    h.client.applyServer(5, op([3, '1']), { clientId: 'o', sequence: 1 });
    h.client.applyServer(5, op([3, '1']), { clientId: 'o', sequence: 1 });
    h.client.applyServer(4, op([3, 'old']), { clientId: 'o', sequence: 0 });
    assert.equal(h.doc, 'abc1');
    h.type([4, 'X']);
    h.client.serverAck(6, 1);
    h.client.serverAck(6, 1);
    assert.equal(h.client.stateName, 'synchronized');
    // A duplicate ahead of the revision is kept once.
    h.client.applyServer(8, op([6, '3']), { clientId: 'o', sequence: 3 });
    h.client.applyServer(8, op([6, '3']), { clientId: 'o', sequence: 3 });
    h.client.applyServer(7, op([5, '2']), { clientId: 'o', sequence: 2 });
    assert.equal(h.doc, 'abc1X23');
  });

  it('asks for the missing operations when a gap stays open', () => {
    const h = harness();
    h.client.applyServer(7, op([5, 'c']), { clientId: 'o', sequence: 3 });
    h.timers.advance(1000);
    assert.deepEqual(h.requested, []);
    h.timers.advance(600);
    assert.deepEqual(h.requested, [4]);
    h.timers.advance(1500);
    assert.deepEqual(h.requested, [4, 4], 'asks again while the gap stays open');
    h.client.receiveCommitted([
      { revision: 5, clientId: 'o', sequence: 1, operation: [3, 'a'] },
      { revision: 6, clientId: 'o', sequence: 2, operation: [4, 'b'] },
      { revision: 7, clientId: 'o', sequence: 3, operation: [5, 'c'] },
    ]);
    assert.equal(h.doc, 'abcabc');
    h.timers.advance(5000);
    assert.deepEqual(h.requested, [4, 4], 'no more requests once the gap is closed');
  });

  it('does not ask when the gap closes in time', () => {
    const h = harness();
    h.client.applyServer(6, op([4, 'b']), { clientId: 'o', sequence: 2 });
    h.timers.advance(1000);
    h.client.applyServer(5, op([3, 'a']), { clientId: 'o', sequence: 1 });
    h.timers.advance(5000);
    assert.deepEqual(h.requested, []);
    assert.equal(h.doc, 'abcab');
  });

  it('takes its own operation in GetOperations as the acknowledgement', () => {
    const h = harness();
    h.type([3, 'X']);
    h.type([4, 'Y']);
    h.client.receiveCommitted([
      { revision: 5, clientId: 'o', sequence: 1, operation: ['R', 3] },
      { revision: 6, clientId: 'me', sequence: 1, operation: [4, 'X'] },
    ]);
    assert.equal(h.client.revision, 6);
    assert.equal(h.client.stateName, 'awaiting-confirm');
    assert.deepEqual(h.sent[1], { json: [5, 'Y'], baseRevision: 6, sequence: 2 });
    assert.equal(h.doc, 'RabcXY');
  });

  it('reports an acknowledgement it cannot place', () => {
    const h = harness();
    h.client.serverAck(5, 1);
    assert.equal(h.desyncs.length, 1);
  });

  it('reports a remote operation that does not fit the document', () => {
    const h = harness();
    h.type([3, 'X']);
    h.client.applyServer(5, op([10, 'R']), { clientId: 'o', sequence: 1 });
    assert.equal(h.desyncs.length, 1);
  });
});

describe('OtClient offline and reconnecting', () => {
  it('keeps accepting edits offline and resends with the same sequence after reconnecting', () => {
    const h = harness({ online: false });
    h.type([3, 'd']); // could not be sent
    h.type([4, 'e']);
    h.type([5, 'f']);
    assert.equal(h.sent.length, 0);
    assert.equal(h.client.stateName, 'awaiting-with-buffer');
    assert.equal(h.doc, 'abcdef');
    // Back online: catch up first (someone else's edit), then resend.
    h.online = true;
    h.client.receiveCommitted([{ revision: 5, clientId: 'o', sequence: 1, operation: ['R', 3] }]);
    h.client.resendOutstanding();
    assert.deepEqual(h.sent, [{ json: [4, 'd'], baseRevision: 5, sequence: 1 }]);
    h.client.resendOutstanding();
    assert.equal(h.sent.length, 1, 'sent once per connection');
    h.client.serverAck(6, 1);
    assert.deepEqual(h.sent[1], { json: [5, 'ef'], baseRevision: 6, sequence: 2 });
  });

  it('resends an operation whose acknowledgement was lost, and takes the late answer', () => {
    const h = harness();
    h.type([3, 'd']);
    h.client.connectionLost();
    h.client.receiveCommitted([]); // GetOperations: nothing committed since
    h.client.resendOutstanding();
    assert.deepEqual(
      h.sent.map((s) => s.sequence),
      [1, 1],
    );
    h.client.serverAck(5, 1); // the server applied it once
    h.client.serverAck(5, 1);
    assert.equal(h.client.stateName, 'synchronized');
    assert.equal(h.client.revision, 5);
  });

  it('finds its lost acknowledgement in GetOperations after reconnecting and does not resend', () => {
    const h = harness();
    h.type([3, 'd']);
    h.client.connectionLost();
    h.type([4, 'e']);
    h.client.receiveCommitted([{ revision: 5, clientId: 'me', sequence: 1, operation: [3, 'd'] }]);
    // The buffer went out as the next operation, on the new connection.
    assert.deepEqual(h.sent[1], { json: [4, 'e'], baseRevision: 5, sequence: 2 });
    h.client.resendOutstanding();
    assert.equal(h.sent.length, 2);
  });

  it('sends the outstanding operation again on request, with its sequence', () => {
    const h = harness();
    h.type([3, 'd']);
    h.type([4, 'e']);
    h.client.retryOutstanding();
    assert.deepEqual(h.sent, [
      { json: [3, 'd'], baseRevision: 4, sequence: 1 },
      { json: [3, 'd'], baseRevision: 4, sequence: 1 },
    ]);
    assert.equal(h.client.stateName, 'awaiting-with-buffer');
  });

  it('starts again from the server text with a new client id after a refusal', () => {
    const h = harness();
    h.type([3, 'd']);
    h.type([4, 'e']);
    h.client.applyServer(7, op([5, 'z']), { clientId: 'o', sequence: 3 });
    h.client.applyServer(6, op([3, 'x']), { clientId: 'o', sequence: 2 });
    assert.equal(h.client.revision, 4, 'revision 5 is missing');
    h.doc = 'abcxy'; // the editor is reset to the server's text at revision 6
    h.client.reset(6, 'me-again');
    assert.equal(h.client.stateName, 'synchronized');
    assert.equal(h.client.clientId, 'me-again');
    // Revision 7 was kept and applied at once; 6 was dropped as already in the server's text.
    assert.equal(h.client.revision, 7);
    assert.equal(h.doc, 'abcxyz');
    h.type([0, 'n', 6]);
    assert.deepEqual(h.sent.at(-1), { json: ['n', 6], baseRevision: 7, sequence: 1 });
    assert.equal(h.desyncs.length, 0);
  });
});

describe('OtClient positions', () => {
  it('maps a position reported at an older revision into the local document', () => {
    const h = harness({ text: 'hello world' });
    h.client.applyServer(5, op(['>> ', 11]), { clientId: 'o', sequence: 1 });
    h.type([14, '!']);
    // Someone reported a caret before "world" at revision 4.
    assert.equal(h.client.positionFromRevision(4, 6), 9);
    assert.equal(h.client.positionFromRevision(5, 9), 9);
    assert.equal(h.client.positionFromRevision(6, 9), null, 'a revision not seen yet');
    // Our caret after "!" is at 14 on the server at revision 5.
    assert.equal(h.client.positionAtRevision(15), 14);
  });
});

describe('OtClient catching up', () => {
  it('asks for operations when told the server is further ahead', () => {
    const h = harness();
    h.client.observeRevision(6);
    h.timers.advance(1600);
    assert.deepEqual(h.requested, [4]);
    h.client.receiveCommitted([
      { revision: 5, clientId: 'o', sequence: 1, operation: [3, 'a'] },
      { revision: 6, clientId: 'o', sequence: 2, operation: [4, 'b'] },
    ]);
    h.timers.advance(5000);
    assert.deepEqual(h.requested, [4]);
    assert.equal(h.doc, 'abcab');
  });
});
