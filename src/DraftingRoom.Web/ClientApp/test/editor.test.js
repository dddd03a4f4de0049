// The editor as a page uses it: mounted in a (jsdom) document, talking to a stand-in for the
// drafting hub that commits, acknowledges and broadcasts like the real one.

import '../test-support/dom.js';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EditorView } from '@codemirror/view';
import { TextOperation } from '../src/text-operation.js';
import { mountProposalEditor } from '../src/editor.js';
import { contrastRatio, parseColour } from '../src/colour.js';

const DOC = '3f2c9a1e-0000-4000-8000-000000000001';

/** The hub: one document, its history, and the connections in it. */
class FakeHub {
  constructor(text, { canEdit = true } = {}) {
    this.text = text;
    /** @type {Array<{ revision: number, clientId: string, sequence: number, operation: Array<number|string>, userId: string }>} */
    this.history = [];
    this.committed = new Map();
    /** @type {FakeConnection[]} */
    this.connections = [];
    this.canEdit = canEdit;
    this.refuseNext = null;
    this.left = [];
    this.nextConnection = 1;
  }

  /** @param {{ userId: string, name: string, organisation: string, colour: string }} user */
  connect(user) {
    return () => {
      const connection = new FakeConnection(this, user);
      this.connections.push(connection);
      return connection;
    };
  }

  participants() {
    return this.connections
      .filter((c) => c.joined && c.state === 'Connected')
      .map((c) => ({ ...c.user, connectionId: c.id, canEdit: this.canEdit, selection: c.selection, revision: c.selectionRevision }));
  }

  broadcast(from, event, ...args) {
    for (const c of this.connections) if (c !== from && c.joined && c.state === 'Connected') c.emit(event, ...args);
  }

  handle(connection, method, args) {
    switch (method) {
      case 'JoinDocument': {
        connection.joined = true;
        connection.id = `conn-${this.nextConnection++}`;
        this.broadcast(connection, 'PresenceChanged', DOC, this.participants());
        return {
          documentId: DOC,
          revision: this.history.length,
          text: this.text,
          canEdit: this.canEdit,
          connectionId: connection.id,
          participants: this.participants(),
        };
      }
      case 'SubmitOperation': {
        const [, clientId, sequence, baseRevision, json] = args;
        if (!this.canEdit) throw new Error('You may only read this document.');
        if (this.refuseNext) {
          const message = this.refuseNext;
          this.refuseNext = null;
          throw new Error(message);
        }
        const key = `${clientId}:${sequence}`;
        if (this.committed.has(key)) return { revision: this.committed.get(key) };
        let op = TextOperation.fromJSON(json);
        for (const c of this.history.slice(baseRevision)) {
          op = TextOperation.transform(op, TextOperation.fromJSON(c.operation))[0]; // later-committed first
        }
        this.text = op.apply(this.text);
        const committed = { revision: this.history.length + 1, clientId, sequence, operation: op.toJSON(), userId: connection.user.userId };
        this.history.push(committed);
        this.committed.set(key, committed.revision);
        this.broadcast(connection, 'OperationsCommitted', DOC, [committed]);
        return { revision: committed.revision };
      }
      case 'GetOperations':
        return this.history.slice(args[1]);
      case 'UpdateSelection':
        connection.selectionRevision = args[1];
        connection.selection = args[2];
        this.broadcast(connection, 'SelectionChanged', DOC, {
          ...connection.user,
          connectionId: connection.id,
          canEdit: this.canEdit,
          selection: args[2],
          revision: args[1],
        });
        return undefined;
      case 'LeaveDocument':
        this.left.push(connection.id);
        connection.joined = false;
        return undefined;
      default:
        throw new Error(`Unknown hub method ${method}`);
    }
  }
}

/** Stands in for @microsoft/signalr's HubConnection. */
class FakeConnection {
  constructor(hub, user) {
    this.hub = hub;
    this.user = user;
    this.state = 'Disconnected';
    this.handlers = new Map();
    this.callbacks = { reconnecting: [], reconnected: [], close: [] };
    /** @type {Array<{ method: string, args: unknown[] }>} */
    this.invocations = [];
    this.joined = false;
    this.selection = null;
    this.selectionRevision = 0;
  }
  async start() {
    this.state = 'Connected';
  }
  async stop() {
    this.state = 'Disconnected';
  }
  on(name, fn) {
    this.handlers.set(name, fn);
  }
  onreconnecting(fn) {
    this.callbacks.reconnecting.push(fn);
  }
  onreconnected(fn) {
    this.callbacks.reconnected.push(fn);
  }
  onclose(fn) {
    this.callbacks.close.push(fn);
  }
  emit(name, ...args) {
    setTimeout(() => this.handlers.get(name)?.(...args), 1);
  }
  invoke(method, ...args) {
    this.invocations.push({ method, args });
    if (this.state !== 'Connected') {
      return Promise.reject(new Error("Cannot send data if the connection is not in the 'Connected' State."));
    }
    return new Promise((resolve, reject) => {
      setTimeout(() => {
        if (this.state !== 'Connected') {
          reject(new Error('Invocation canceled due to the underlying connection being closed.'));
          return;
        }
        try {
          resolve(this.hub.handle(this, method, args));
        } catch (error) {
          reject(new Error(`An unexpected error occurred invoking '${method}' on the server. HubException: ${error.message}`));
        }
      }, 2);
    });
  }
  /** The network goes away: SignalR starts reconnecting. */
  drop() {
    this.state = 'Reconnecting';
    this.joined = false;
    for (const fn of this.callbacks.reconnecting) fn(new Error('gone'));
  }
  /** And comes back. */
  restore() {
    this.state = 'Connected';
    for (const fn of this.callbacks.reconnected) fn('new-id');
  }
  calls(method) {
    return this.invocations.filter((i) => i.method === method);
  }
}

const alice = { userId: 'u-alice', name: 'Amina Diallo', organisation: 'Senegal', colour: '#ffe066' };
const bruno = { userId: 'u-bruno', name: 'Bruno Costa', organisation: 'Brazil', colour: '#1d3557' };

/** @param {() => boolean} predicate */
async function waitFor(predicate, what = 'condition') {
  const until = Date.now() + 3000;
  while (!predicate()) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const mounted = [];

/** Mounts an editor for `user` on `hub`, recording what it tells Blazor. */
function mount(hub, user, extra = {}) {
  const element = document.createElement('div');
  document.body.appendChild(element);
  const calls = [];
  let connection;
  const factory = hub.connect(user);
  const dotNetRef = {
    invokeMethodAsync: async (method, ...args) => {
      calls.push({ method, args });
    },
  };
  const editor = mountProposalEditor(element, {
    documentId: DOC,
    ariaLabel: 'Article 3, operative paragraph 2',
    labels: { connected: 'Connecté', readOnly: 'Lecture seule', offline: null },
    dotNetRef,
    textChangedMethod: 'OnTextChanged',
    statusChangedMethod: 'OnStatusChanged',
    participantsMethod: 'OnParticipantsChanged',
    errorMethod: 'OnError',
    createConnection: () => (connection = factory()),
    ...extra,
  });
  const handle = {
    element,
    editor,
    calls,
    get connection() {
      return connection;
    },
    get view() {
      const dom = element.querySelector('.cm-editor');
      return dom ? EditorView.findFromDOM(/** @type {HTMLElement} */ (dom)) : null;
    },
    text: () => handle.view?.state.doc.toString(),
    /** Types like a user: a change at the caret, moving it. */
    type(at, insert, remove = 0) {
      handle.view.dispatch({
        changes: { from: at, to: at + remove, insert },
        selection: { anchor: at + insert.length },
        userEvent: 'input.type',
      });
    },
    callsTo: (method) => calls.filter((c) => c.method === method).map((c) => c.args),
  };
  mounted.push(handle);
  return handle;
}

afterEach(async () => {
  for (const m of mounted.splice(0)) {
    await m.editor.dispose();
    m.element.remove();
  }
});

describe('mountProposalEditor', () => {
  it('joins the document and shows its text in a labelled editor', async () => {
    const hub = new FakeHub('The General Assembly,\nRecalling its resolution 75/1');
    const a = mount(hub, alice);
    await waitFor(() => a.view, 'the editor');
    assert.equal(a.text(), hub.text);
    const content = a.element.querySelector('.cm-content');
    assert.equal(content.getAttribute('aria-label'), 'Article 3, operative paragraph 2');
    assert.equal(content.getAttribute('aria-multiline'), 'true');
    assert.equal(content.getAttribute('contenteditable'), 'true');
    await waitFor(() => a.element.dataset.connection === 'connected');
    assert.equal(a.element.dataset.state, 'synchronized');
    assert.equal(a.element.dataset.revision, '0');
    const status = a.element.querySelector('.dr-editor-connection');
    assert.equal(status.textContent, 'Connecté');
    const registry = /** @type {any} */ (globalThis).draftingRoomEditors;
    assert.equal(registry[DOC].getText(), hub.text);
    assert.equal(registry[DOC].getState(), 'synchronized');
    const statuses = a.callsTo('OnStatusChanged').map(([s]) => s);
    assert.equal(statuses.at(-1).connection, 'connected');
    assert.equal(statuses.at(-1).canEdit, true);
  });

  it('sends local edits, takes the acknowledgement, and tells Blazor the text (debounced)', async () => {
    const hub = new FakeHub('Recalling');
    const a = mount(hub, alice);
    await waitFor(() => a.element.dataset.connection === 'connected');
    a.type(9, ' also');
    a.type(14, ' its');
    assert.equal(a.element.dataset.state, 'awaiting-with-buffer');
    await waitFor(() => a.element.dataset.state === 'synchronized' && hub.text === 'Recalling also its', 'the acknowledgements');
    const submits = a.connection.calls('SubmitOperation').map((c) => c.args);
    assert.deepEqual(submits[0].slice(2), [1, 0, [9, ' also']]);
    assert.deepEqual(submits[1].slice(2), [2, 1, [14, ' its']]);
    assert.equal(submits[0][1], submits[1][1], 'one client id');
    assert.equal(a.element.dataset.revision, '2');
    await waitFor(() => a.callsTo('OnTextChanged').at(-1)?.[1] === 2, 'the text callback at revision 2');
    assert.deepEqual(a.callsTo('OnTextChanged').at(-1), ['Recalling also its', 2]);
    const texts = a.callsTo('OnTextChanged');
    assert.ok(texts.length <= 3, 'debounced');
    assert.ok(texts.every(([t]) => t === 'Recalling also its'), 'no call for the intermediate text');
    assert.match(a.element.querySelector('.dr-editor-saved').textContent, /^Saved at /);
  });

  it('co-edits: two editors converge, with each other\'s named carets and presence', async () => {
    const hub = new FakeHub('Article 1. All human beings are born free.');
    const a = mount(hub, alice);
    await waitFor(() => a.element.dataset.connection === 'connected');
    const b = mount(hub, bruno);
    await waitFor(() => b.element.dataset.connection === 'connected');
    await waitFor(() => a.callsTo('OnParticipantsChanged').some(([p]) => p.length === 2), 'presence');
    const [participants] = a.callsTo('OnParticipantsChanged').at(-1);
    assert.deepEqual(
      participants.map((p) => [p.name, p.organisation, p.isSelf]),
      [['Amina Diallo', 'Senegal', true], ['Bruno Costa', 'Brazil', false]],
    );

    a.type(41, ' and equal');
    b.type(0, '» ');
    b.type(2, 'Draft: ');
    await waitFor(
      () => a.text() === hub.text && b.text() === hub.text && a.element.dataset.state === 'synchronized' && b.element.dataset.state === 'synchronized',
      'convergence',
    );
    assert.equal(hub.text, '» Draft: Article 1. All human beings are born free and equal.');

    // Bruno's caret shows in Amina's editor, with his name.
    await waitFor(() => a.element.querySelector('.cm-dr-caret'), 'a remote caret');
    const caret = a.element.querySelector('.cm-dr-caret');
    assert.equal(caret.getAttribute('aria-label'), 'Bruno Costa (Brazil)');
    assert.equal(caret.getAttribute('title'), 'Bruno Costa (Brazil)');
    const label = caret.querySelector('.cm-dr-caret-label');
    assert.equal(label.textContent, 'Bruno Costa');
    const parse = (css) => {
      const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(css);
      return m ? { r: +m[1], g: +m[2], b: +m[3] } : parseColour(css);
    };
    assert.ok(contrastRatio(parse(label.style.backgroundColor), parse(label.style.color)) >= 4.5);
    assert.equal(document.activeElement === caret, false);
    // Bruno selects "Draft"; Amina sees the highlight.
    b.view.dispatch({ selection: { anchor: 2, head: 7 } });
    await waitFor(() => a.element.querySelector('.cm-dr-remote-selection')?.textContent === 'Draft', 'the remote selection');
  });

  it('keeps typing offline and resends with the same sequence after reconnecting', async () => {
    const hub = new FakeHub('Text');
    const a = mount(hub, alice);
    await waitFor(() => a.element.dataset.connection === 'connected');
    a.connection.drop();
    assert.equal(a.element.dataset.connection, 'reconnecting');
    a.type(4, ' one');
    a.type(8, ' two');
    assert.equal(a.text(), 'Text one two');
    assert.equal(a.element.dataset.state, 'awaiting-with-buffer');
    // Someone else edits meanwhile.
    hub.text = 'My Text';
    hub.history.push({ revision: 1, clientId: 'other', sequence: 1, operation: ['My ', 4], userId: 'u-x' });
    a.connection.restore();
    await waitFor(() => a.element.dataset.state === 'synchronized' && a.element.dataset.connection === 'connected', 'resync after reconnecting');
    assert.equal(hub.text, 'My Text one two');
    assert.equal(a.text(), 'My Text one two');
    const methods = a.connection.invocations.map((i) => i.method);
    const afterRestore = methods.slice(methods.lastIndexOf('JoinDocument'));
    assert.deepEqual(afterRestore.slice(0, 3), ['JoinDocument', 'GetOperations', 'SubmitOperation']);
    const submits = a.connection.calls('SubmitOperation').map((c) => c.args);
    assert.deepEqual(submits[0].slice(2), [1, 1, [7, ' one']], 'the first edit, transformed, with sequence 1');
    assert.deepEqual(submits[1].slice(2), [2, 2, [11, ' two']]);
  });

  it('starts again from the server text when an edit is refused, and says why', async () => {
    const hub = new FakeHub('Text');
    const a = mount(hub, alice);
    await waitFor(() => a.element.dataset.connection === 'connected');
    hub.refuseNext = 'The change is malformed: it splits a surrogate pair.';
    a.type(4, '!!!');
    await waitFor(() => a.callsTo('OnError').length === 1, 'the error');
    assert.deepEqual(a.callsTo('OnError')[0], ['The change is malformed: it splits a surrogate pair.']);
    await waitFor(() => a.text() === 'Text' && a.element.dataset.state === 'synchronized', 'the reset');
    a.type(0, '> ');
    await waitFor(() => hub.text === '> Text' && a.element.dataset.state === 'synchronized', 'the next edit');
    const submits = a.connection.calls('SubmitOperation').map((c) => c.args);
    assert.notEqual(submits[0][1], submits.at(-1)[1], 'a new client id after starting again');
    assert.equal(submits.at(-1)[2], 1);
  });

  it('keeps the edits and sends them again when the server asks it to slow down', async () => {
    const hub = new FakeHub('Text');
    const a = mount(hub, alice);
    await waitFor(() => a.element.dataset.connection === 'connected');
    hub.refuseNext = 'Too many changes too fast: this change was not saved. Slow down and it will be sent again.';
    a.type(4, '!');
    a.type(5, '?');
    await waitFor(() => a.callsTo('OnError').length === 1, 'the error');
    assert.equal(a.text(), 'Text!?', 'nothing typed is lost');
    await waitFor(() => hub.text === 'Text!?' && a.element.dataset.state === 'synchronized', 'the edits saved');
    const submits = a.connection.calls('SubmitOperation').map((c) => c.args);
    assert.deepEqual(submits[0].slice(1, 3), submits[1].slice(1, 3), 'sent again with the same client id and sequence');
  });

  it('gives watchers a read-only live view', async () => {
    const hub = new FakeHub('Preamble', { canEdit: false });
    const a = mount(hub, alice);
    await waitFor(() => a.element.dataset.connection === 'connected');
    const content = a.element.querySelector('.cm-content');
    assert.equal(content.getAttribute('contenteditable'), 'false');
    assert.equal(content.getAttribute('aria-readonly'), 'true');
    assert.equal(content.getAttribute('tabindex'), '0');
    assert.equal(a.element.querySelector('.dr-editor-connection').textContent, 'Connecté · Lecture seule');
    assert.equal(a.view.state.readOnly, true);
    // Someone with rights edits: the watcher sees it.
    hub.history.push({ revision: 1, clientId: 'x', sequence: 1, operation: [8, ' (revised)'], userId: 'u-x' });
    hub.text = 'Preamble (revised)';
    a.connection.emit('OperationsCommitted', DOC, [hub.history[0]]);
    await waitFor(() => a.text() === 'Preamble (revised)', 'the remote edit');
  });

  it('leaves the document and cleans up on dispose', async () => {
    const hub = new FakeHub('Text');
    const a = mount(hub, alice);
    await waitFor(() => a.element.dataset.connection === 'connected');
    const connection = a.connection;
    await a.editor.dispose();
    assert.equal(hub.left.length, 1);
    assert.equal(connection.state, 'Disconnected');
    assert.equal(a.element.querySelector('.cm-editor'), null);
    assert.equal(/** @type {any} */ (globalThis).draftingRoomEditors[DOC], undefined);
  });
});
