// The client side of the co-editing protocol (docs/collaboration-protocol.md), free of any
// editor or network code so that it can be tested on its own.
//
// The client is in one of three states:
//   Synchronized                              nothing of ours is waiting for the server;
//   AwaitingConfirm(outstanding)               one operation sent, not yet acknowledged;
//   AwaitingWithBuffer(outstanding, buffer)    and more local edits since, composed into one
//                                              operation that is sent once the first is
//                                              acknowledged.
// Local edits are always accepted, whatever the network does.
//
// Acknowledgements and remote operations carry revisions and are processed strictly in revision
// order: one for the next revision is processed at once, one further ahead waits, one at or
// below the current revision is a duplicate and is ignored. When a gap stays open for
// `gapTimeoutMs`, the client asks for the missing operations (`requestOperations`).
//
// A remote operation is transformed over the outstanding operation and the buffer with their
// inserts first at equal positions (`TextOperation.transformCommitted`): the server commits them
// after the remote operation, and the later-committed text goes first, on the server and in
// every client alike.

import { TextOperation } from './text-operation.js';

/** @typedef {'synchronized' | 'awaiting-confirm' | 'awaiting-with-buffer'} StateName */

export class Synchronized {
  /** @type {StateName} */
  name = 'synchronized';
}

export class AwaitingConfirm {
  /** @type {StateName} */
  name = 'awaiting-confirm';
  /**
   * @param {TextOperation} outstanding sent to the server, not acknowledged yet
   * @param {number} sequence the sequence number it was sent with
   */
  constructor(outstanding, sequence) {
    this.outstanding = outstanding;
    this.sequence = sequence;
  }
}

export class AwaitingWithBuffer {
  /** @type {StateName} */
  name = 'awaiting-with-buffer';
  /**
   * @param {TextOperation} outstanding sent to the server, not acknowledged yet
   * @param {number} sequence the sequence number it was sent with
   * @param {TextOperation} buffer local edits made since, not sent yet
   */
  constructor(outstanding, sequence, buffer) {
    this.outstanding = outstanding;
    this.sequence = sequence;
    this.buffer = buffer;
  }
}

/**
 * @typedef {object} CommittedOperation as the server sends it
 * @property {number} revision
 * @property {string} clientId
 * @property {number} sequence
 * @property {Array<number | string>} operation
 * @property {string} [userId]
 */

/**
 * @typedef {object} OtClientOptions
 * @property {number} revision the revision of the document the client starts from
 * @property {string} clientId random per page load
 * @property {(operation: TextOperation, baseRevision: number, sequence: number) => boolean | void} sendOperation
 *   submits an operation; returns false when it could not be sent (offline), so that it is
 *   resent after reconnecting
 * @property {(operation: TextOperation, meta: { revision: number, userId?: string }) => void} applyOperation
 *   applies a remote operation, already transformed, to the local document
 * @property {(fromRevision: number) => void} [requestOperations] asks for operations after fromRevision
 * @property {(client: OtClient) => void} [onChange] state or revision changed
 * @property {(message: string) => void} [onDesync] the server said something this client cannot fit
 * @property {number} [gapTimeoutMs] how long a gap may stay open before asking (1500 ms)
 * @property {number} [historyLimit] committed operations kept to place others' selections (500)
 * @property {{ setTimeout: (fn: () => void, ms: number) => any, clearTimeout: (handle: any) => void }} [timers]
 */

/**
 * @typedef {{ type: 'ack', revision: number, clientId: string, sequence: number }
 *   | { type: 'op', revision: number, operation: TextOperation, clientId?: string, sequence?: number, userId?: string }} ServerEvent
 */

export class OtClient {
  /** @param {OtClientOptions} options */
  constructor(options) {
    this.options = options;
    /** The last revision processed: every committed operation up to it is in the local document. */
    this.revision = options.revision;
    this.clientId = options.clientId;
    /** @type {Synchronized | AwaitingConfirm | AwaitingWithBuffer} */
    this.state = new Synchronized();
    this.nextSequence = 1;
    /** Whether the outstanding operation went out on the current connection. */
    this.outstandingSent = false;
    /** @type {Map<number, ServerEvent>} events ahead of revision + 1 */
    this.pending = new Map();
    /** The highest revision the server is known to have reached (from presence, say). */
    this.knownRevision = options.revision;
    /** @type {Array<{ revision: number, operation: TextOperation }>} recent committed operations */
    this.history = [];
    this.gapTimer = null;
    this.gapTimeoutMs = options.gapTimeoutMs ?? 1500;
    this.historyLimit = options.historyLimit ?? 500;
    this.timers = options.timers ?? {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (handle) => clearTimeout(handle),
    };
    this.disposed = false;
  }

  /** @returns {StateName} */
  get stateName() {
    return this.state.name;
  }

  /** True when the server has acknowledged every local edit. */
  get isSynchronized() {
    return this.state instanceof Synchronized;
  }

  /**
   * A local edit, already applied to the local document.
   * @param {TextOperation} operation
   */
  applyClient(operation) {
    if (operation.isNoop()) return;
    const state = this.state;
    if (state instanceof Synchronized) {
      const sequence = this.nextSequence++;
      this.state = new AwaitingConfirm(operation, sequence);
      this.send(operation, sequence);
    } else if (state instanceof AwaitingConfirm) {
      this.state = new AwaitingWithBuffer(state.outstanding, state.sequence, operation);
    } else {
      this.state = new AwaitingWithBuffer(state.outstanding, state.sequence, state.buffer.compose(operation));
    }
    this.changed();
  }

  /**
   * The server acknowledged the operation sent with `sequence` as committed at `revision`.
   * @param {number} revision
   * @param {number} sequence
   * @param {string} [clientId] defaults to this client's id at the time of the call
   */
  serverAck(revision, sequence, clientId = this.clientId) {
    this.receive({ type: 'ack', revision, clientId, sequence });
  }

  /**
   * An operation the server committed at `revision`. One carrying this client's id and the
   * sequence of the outstanding operation is the acknowledgement of that operation.
   * @param {number} revision
   * @param {TextOperation} operation
   * @param {{ clientId?: string, sequence?: number, userId?: string }} [meta]
   */
  applyServer(revision, operation, meta = {}) {
    this.receive({ type: 'op', revision, operation, ...meta });
  }

  /**
   * Committed operations as the server sends them (OperationsCommitted, GetOperations).
   * @param {CommittedOperation[]} committed
   */
  receiveCommitted(committed) {
    for (const c of committed) {
      this.applyServer(c.revision, TextOperation.fromJSON(c.operation), {
        clientId: c.clientId,
        sequence: c.sequence,
        userId: c.userId,
      });
    }
  }

  /**
   * The server is known to have reached `revision` (another participant reported it, say). If
   * this client is behind and nothing arrives to close the gap, it asks for what it missed.
   * @param {number} revision
   */
  observeRevision(revision) {
    if (this.disposed || !Number.isSafeInteger(revision) || revision <= this.knownRevision) return;
    this.knownRevision = revision;
    this.drain();
  }

  /** The connection dropped: whatever was in flight has to be sent again. */
  connectionLost() {
    this.outstandingSent = false;
  }

  /**
   * Sends the outstanding operation again, with the sequence number it first had, if it has not
   * gone out on the current connection. Called after reconnecting and catching up.
   */
  resendOutstanding() {
    const state = this.state;
    if (state instanceof Synchronized || this.outstandingSent) return;
    this.send(state.outstanding, state.sequence);
  }

  /**
   * Sends the outstanding operation again, with the sequence number it first had (after the
   * server turned it away for a while, say for too many changes too fast).
   */
  retryOutstanding() {
    this.outstandingSent = false;
    this.resendOutstanding();
  }

  /**
   * Starts again from the server's text at `revision`, dropping every unacknowledged edit
   * (after the server refused one). A new client id restarts the sequence numbers, so that
   * nothing sent before can be mistaken for what is sent after.
   * @param {number} revision
   * @param {string} clientId
   */
  reset(revision, clientId) {
    this.state = new Synchronized();
    this.revision = revision;
    this.knownRevision = Math.max(this.knownRevision, revision);
    this.clientId = clientId;
    this.nextSequence = 1;
    this.outstandingSent = false;
    this.history = [];
    for (const [r, event] of this.pending) {
      if (r <= revision || event.type === 'ack') this.pending.delete(r);
    }
    this.drain();
    this.changed();
  }

  dispose() {
    this.disposed = true;
    this.stopGapTimer();
    this.pending.clear();
  }

  /**
   * Where a position that another participant reported at `revision` is in the local document.
   * Returns null when `revision` is ahead of this client (ask again once it has caught up).
   * With `assoc` -1 the position stays in front of text inserted exactly at it (committed since
   * `revision`, or local and not yet acknowledged): that is where the participant's next
   * keystroke lands whenever it reaches the server after that text, since the text committed
   * later goes first.
   * @param {number} revision
   * @param {number} index
   * @param {1 | -1} [assoc]
   * @returns {number | null}
   */
  positionFromRevision(revision, index, assoc = 1) {
    if (revision > this.revision) return null;
    let position = index;
    for (const entry of this.history) {
      if (entry.revision > revision) position = entry.operation.transformIndex(position, assoc);
    }
    const state = this.state;
    if (!(state instanceof Synchronized)) {
      position = state.outstanding.transformIndex(position, assoc);
      if (state instanceof AwaitingWithBuffer) position = state.buffer.transformIndex(position, assoc);
    }
    return position;
  }

  /**
   * Where a position in the local document is in the server's document at `this.revision`
   * (the local document without the edits the server has not acknowledged).
   * @param {number} index
   * @returns {number}
   */
  positionAtRevision(index) {
    const state = this.state;
    let position = index;
    if (state instanceof AwaitingWithBuffer) position = state.buffer.untransformIndex(position);
    if (!(state instanceof Synchronized)) position = state.outstanding.untransformIndex(position);
    return position;
  }

  // --- internals ---

  /**
   * @param {TextOperation} operation
   * @param {number} sequence
   */
  send(operation, sequence) {
    const sent = this.options.sendOperation(operation, this.revision, sequence);
    this.outstandingSent = sent !== false;
  }

  /** @param {ServerEvent} event */
  receive(event) {
    if (this.disposed) return;
    if (!Number.isSafeInteger(event.revision) || event.revision <= this.revision) return;
    if (!this.pending.has(event.revision)) this.pending.set(event.revision, event);
    if (event.revision > this.knownRevision) this.knownRevision = event.revision;
    this.drain();
  }

  drain() {
    let progressed = false;
    for (;;) {
      const event = this.pending.get(this.revision + 1);
      if (!event) break;
      this.pending.delete(this.revision + 1);
      if (!this.process(event)) {
        this.stopGapTimer();
        return;
      }
      progressed = true;
    }
    for (const r of this.pending.keys()) {
      if (r <= this.revision) this.pending.delete(r);
    }
    if (!this.hasGap()) {
      this.stopGapTimer();
    } else if (this.gapTimer === null) {
      this.startGapTimer();
    }
    if (progressed) this.changed();
  }

  /** Whether the server has revisions this client has not processed yet and waits for. */
  hasGap() {
    return this.pending.size > 0 || this.knownRevision > this.revision;
  }

  /**
   * Processes the event for revision + 1. Returns false when the client cannot go on.
   * @param {ServerEvent} event
   */
  process(event) {
    const state = this.state;
    const ours =
      !(state instanceof Synchronized) &&
      event.clientId === this.clientId &&
      event.sequence === state.sequence;
    if (ours) {
      this.acknowledge(event.revision);
      return true;
    }
    if (event.type === 'ack') {
      // An acknowledgement that matches nothing outstanding: the document moved in a way this
      // client does not know about.
      this.desync(`Unexpected acknowledgement for revision ${event.revision}.`);
      return false;
    }
    const problem = this.applyRemote(event);
    if (problem) {
      this.desync(problem);
      return false;
    }
    return true;
  }

  /** @param {number} revision */
  acknowledge(revision) {
    const state = this.state;
    if (state instanceof Synchronized) return;
    this.remember(revision, state.outstanding);
    this.revision = revision;
    if (state instanceof AwaitingWithBuffer) {
      const sequence = this.nextSequence++;
      this.state = new AwaitingConfirm(state.buffer, sequence);
      this.send(state.buffer, sequence);
    } else {
      this.state = new Synchronized();
      this.outstandingSent = false;
    }
  }

  /**
   * @param {Extract<ServerEvent, { type: 'op' }>} event
   * @returns {string | null} a problem, or null
   */
  applyRemote(event) {
    const state = this.state;
    let operation = event.operation;
    try {
      if (state instanceof AwaitingConfirm) {
        const t = TextOperation.transformCommitted(operation, state.outstanding);
        this.state = new AwaitingConfirm(t.pending, state.sequence);
        operation = t.committed;
      } else if (state instanceof AwaitingWithBuffer) {
        const t1 = TextOperation.transformCommitted(operation, state.outstanding);
        const t2 = TextOperation.transformCommitted(t1.committed, state.buffer);
        this.state = new AwaitingWithBuffer(t1.pending, state.sequence, t2.pending);
        operation = t2.committed;
      }
    } catch (error) {
      return `Revision ${event.revision} does not fit this document: ${error.message}`;
    }
    this.remember(event.revision, event.operation);
    this.revision = event.revision;
    this.options.applyOperation(operation, { revision: event.revision, userId: event.userId });
    return null;
  }

  /**
   * @param {number} revision
   * @param {TextOperation} operation
   */
  remember(revision, operation) {
    this.history.push({ revision, operation });
    if (this.history.length > this.historyLimit) this.history.shift();
  }

  /** @param {string} message */
  desync(message) {
    this.pending.clear();
    if (this.options.onDesync) this.options.onDesync(message);
    else throw new Error(message);
  }

  startGapTimer() {
    this.gapTimer = this.timers.setTimeout(() => {
      this.gapTimer = null;
      if (this.disposed || !this.hasGap()) return;
      this.options.requestOperations?.(this.revision);
      this.startGapTimer();
    }, this.gapTimeoutMs);
  }

  stopGapTimer() {
    if (this.gapTimer !== null) {
      this.timers.clearTimeout(this.gapTimer);
      this.gapTimer = null;
    }
  }

  changed() {
    this.options.onChange?.(this);
  }
}
