// Several clients edit one document through a small server that does what DraftingRoom's hub
// does: transform each submitted operation over everything committed since its base revision
// (the submitted operation, committed later, first at ties), commit it, acknowledge it, and
// broadcast it to the others. The network between them delays, reorders and drops messages and
// cuts connections; the server now and then refuses an operation. Whatever happens, every client
// must end with the server's text.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextOperation } from '../src/text-operation.js';
import { OtClient } from '../src/ot-client.js';
import { forAll, randomOperation, randomString } from '../test-support/random.js';

/** A discrete-event clock: timers and message deliveries run in time order. */
class Clock {
  now = 0;
  /** @type {Array<{ at: number, order: number, fn: () => void, cancelled: boolean }>} */
  queue = [];
  order = 0;

  /** @param {number} delay @param {() => void} fn */
  schedule(delay, fn) {
    const entry = { at: this.now + delay, order: this.order++, fn, cancelled: false };
    this.queue.push(entry);
    return entry;
  }

  /** Runs the next event; returns false when there is none. */
  step() {
    this.queue = this.queue.filter((e) => !e.cancelled);
    if (this.queue.length === 0) return false;
    this.queue.sort((a, b) => a.at - b.at || a.order - b.order);
    const next = /** @type {NonNullable<typeof this.queue[0]>} */ (this.queue.shift());
    this.now = Math.max(this.now, next.at);
    next.fn();
    return true;
  }

  timers() {
    return {
      setTimeout: (fn, ms) => this.schedule(ms, fn),
      clearTimeout: (entry) => {
        entry.cancelled = true;
      },
    };
  }
}

class RefusedError extends Error {}

/** What the C# hub does with operations, in a few lines. */
class Server {
  /** @param {string} text */
  constructor(text) {
    this.text = text;
    /** @type {Array<{ revision: number, clientId: string, sequence: number, operation: TextOperation }>} */
    this.history = [];
    /** @type {Map<string, number>} clientId:sequence -> revision */
    this.committed = new Map();
  }

  get revision() {
    return this.history.length;
  }

  /**
   * @param {string} clientId @param {number} sequence @param {number} baseRevision
   * @param {Array<number|string>} json
   */
  submit(clientId, sequence, baseRevision, json) {
    const key = `${clientId}:${sequence}`;
    const existing = this.committed.get(key);
    if (existing !== undefined) return { revision: existing, fresh: false };
    if (baseRevision > this.revision) throw new RefusedError('Revision from the future.');
    let op = TextOperation.fromJSON(json);
    for (const c of this.history.slice(baseRevision)) {
      op = TextOperation.transform(op, c.operation)[0]; // the operation committed later goes first
    }
    this.text = op.apply(this.text);
    const revision = this.revision + 1;
    this.history.push({ revision, clientId, sequence, operation: op });
    this.committed.set(key, revision);
    return { revision, fresh: true };
  }

  /** @param {number} fromRevision */
  getOperations(fromRevision) {
    return this.history.slice(fromRevision).map((c) => ({
      revision: c.revision,
      clientId: c.clientId,
      sequence: c.sequence,
      operation: c.operation.toJSON(),
    }));
  }
}

/**
 * One run of the simulation.
 * @param {import('../test-support/random.js').Random} random
 * @param {{ clients: number, actions: number, dropRate: number, disconnectRate: number, refuseRate: number }} settings
 */
function simulate(random, settings) {
  const clock = new Clock();
  const server = new Server(randomString(random, 10));
  const delay = () => 1 + random.int(60);
  let clientIds = 0;
  const counts = { revisions: 0, refusals: 0, reconnections: 0, fetches: 0 };

  /** @type {Array<ReturnType<typeof createNode>>} */
  const nodes = [];

  function createNode(index) {
    const node = {
      index,
      doc: server.text,
      connected: true,
      /** Changes on every reconnection: messages of an older connection are lost. */
      connection: 0,
      resyncing: false,
      /** @type {OtClient} */
      client: /** @type {any} */ (null),
    };
    node.client = new OtClient({
      revision: server.revision,
      clientId: `client${index}-${clientIds++}`,
      timers: clock.timers(),
      sendOperation(op, baseRevision, sequence) {
        if (!node.connected || node.resyncing) return false;
        const connection = node.connection;
        const clientId = node.client.clientId;
        const json = op.toJSON();
        clock.schedule(delay(), () => {
          // A message sent just before a connection dropped may or may not have arrived.
          if (connection !== node.connection && random.chance(0.5)) return;
          let result;
          try {
            result = server.submit(clientId, sequence, baseRevision, json);
          } catch (error) {
            if (!(error instanceof RefusedError)) throw error;
            reply(node, connection, () => refused(node));
            return;
          }
          if (result.fresh) broadcast(node, connection, server.history[result.revision - 1]);
          reply(node, connection, () => node.client.serverAck(result.revision, sequence, clientId));
        });
        return true;
      },
      applyOperation(op) {
        node.doc = op.apply(node.doc);
      },
      requestOperations(fromRevision) {
        fetchOperations(node, fromRevision, () => {});
      },
      onDesync(message) {
        throw new Error(`client ${index} lost track: ${message}`);
      },
    });
    return node;
  }

  /** Delivers a server answer unless the connection it belongs to has gone. */
  function reply(node, connection, fn) {
    clock.schedule(delay(), () => {
      if (node.connection === connection && node.connected) fn();
    });
  }

  /** OperationCommitted to everyone but the submitting connection, each after its own delay. */
  function broadcast(from, connection, committed) {
    const message = {
      revision: committed.revision,
      clientId: committed.clientId,
      sequence: committed.sequence,
      operation: committed.operation.toJSON(),
    };
    for (const node of nodes) {
      if (node === from && node.connection === connection) continue;
      if (!node.connected) continue;
      if (random.chance(settings.dropRate)) continue; // relayed by a node that lost it
      reply(node, node.connection, () => node.client.receiveCommitted([message]));
    }
  }

  function fetchOperations(node, fromRevision, then) {
    if (!node.connected) return;
    counts.fetches++;
    const connection = node.connection;
    clock.schedule(delay(), () => {
      const list = server.getOperations(fromRevision);
      reply(node, connection, () => {
        node.client.receiveCommitted(list);
        then();
      });
    });
  }

  /** The server refused an operation: start again from its text, as the editor does. */
  function refused(node) {
    counts.refusals++;
    node.resyncing = true;
    const connection = node.connection;
    clock.schedule(delay(), () => {
      const snapshot = { revision: server.revision, text: server.text };
      reply(node, connection, () => {
        node.doc = snapshot.text;
        node.resyncing = false;
        node.client.reset(snapshot.revision, `client${node.index}-${clientIds++}`);
      });
    });
  }

  function disconnect(node) {
    node.connected = false;
    node.connection++;
    node.client.connectionLost();
  }

  function reconnect(node) {
    counts.reconnections++;
    node.connected = true;
    node.connection++;
    node.resyncing = false;
    fetchOperations(node, node.client.revision, () => node.client.resendOutstanding());
  }

  for (let i = 0; i < settings.clients; i++) nodes.push(createNode(i));

  // The server refuses some operations: wrap submit.
  const submit = server.submit.bind(server);
  server.submit = (clientId, sequence, baseRevision, json) => {
    if (!server.committed.has(`${clientId}:${sequence}`) && random.chance(settings.refuseRate)) {
      throw new RefusedError('Too many operations too fast.');
    }
    return submit(clientId, sequence, baseRevision, json);
  };

  for (let action = 0; action < settings.actions; action++) {
    const node = random.pick(nodes);
    const roll = random.next();
    if (roll < 0.45) {
      const op = randomOperation(random, node.doc);
      node.doc = op.apply(node.doc);
      node.client.applyClient(op);
    } else if (roll < 0.45 + settings.disconnectRate) {
      if (node.connected) disconnect(node);
      else reconnect(node);
    } else {
      for (let k = random.int(4); k >= 0; k--) clock.step();
    }
  }

  // Quiet down: everyone back online, nothing dropped any more, run until nothing is left.
  settings.dropRate = 0;
  settings.refuseRate = 0;
  for (const node of nodes) if (!node.connected) reconnect(node);
  let steps = 0;
  const settle = () => {
    while (clock.step()) {
      if (++steps > 200000) throw new Error('the simulation does not settle');
    }
  };
  settle();
  // The last broadcast may have been lost with nothing after it to reveal the gap: the editor
  // catches up now and then (and whenever a participant reports a later revision).
  for (const node of nodes) node.client.observeRevision(server.revision);
  settle();

  for (const node of nodes) {
    assert.equal(node.client.stateName, 'synchronized', `client ${node.index} is synchronized`);
    assert.equal(node.client.revision, server.revision, `client ${node.index} has the last revision`);
    assert.equal(node.doc, server.text, `client ${node.index} has the server's text`);
  }
  counts.revisions = server.revision;
  return counts;
}

/** Adds up the counts of several runs. */
function tally() {
  const total = { revisions: 0, refusals: 0, reconnections: 0, fetches: 0 };
  return {
    total,
    /** @param {typeof total} c */
    add(c) {
      for (const k of Object.keys(total)) total[k] += c[k];
    },
  };
}

describe('simulation: clients and a server over an unreliable network', () => {
  it('converges with delays and reordering', () => {
    const t = tally();
    forAll(300, (random) => {
      t.add(simulate(random, { clients: 3, actions: 80, dropRate: 0, disconnectRate: 0, refuseRate: 0 }));
    });
    assert.ok(t.total.revisions > 300 * 5, 'the runs committed operations');
  });

  it('converges when broadcasts are lost (gaps filled with GetOperations)', () => {
    const t = tally();
    forAll(200, (random) => {
      t.add(simulate(random, { clients: 3, actions: 80, dropRate: 0.2, disconnectRate: 0, refuseRate: 0 }));
    });
    assert.ok(t.total.fetches > 100, 'gaps were filled');
  });

  it('converges when connections drop and come back (resends with the same sequence)', () => {
    const t = tally();
    forAll(200, (random) => {
      t.add(simulate(random, { clients: 4, actions: 100, dropRate: 0.05, disconnectRate: 0.08, refuseRate: 0 }));
    });
    assert.ok(t.total.reconnections > 200, 'connections dropped');
  });

  it('converges when the server refuses operations (clients start again from its text)', () => {
    const t = tally();
    forAll(200, (random) => {
      t.add(simulate(random, { clients: 3, actions: 80, dropRate: 0.05, disconnectRate: 0.05, refuseRate: 0.05 }));
    });
    assert.ok(t.total.refusals > 50, 'operations were refused');
  });
});
