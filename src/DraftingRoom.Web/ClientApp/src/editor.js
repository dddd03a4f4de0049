// DraftingRoom's proposal editor: a CodeMirror 6 editor co-edited in real time through the
// drafting hub (docs/collaboration-protocol.md).
//
// Blazor imports this module and calls
//   const editor = mountProposalEditor(element, options)
// and later editor.dispose(). See `MountOptions` for the options and callbacks.

import { Compartment, EditorState, Transaction } from '@codemirror/state';
import { EditorView, drawSelection, keymap } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { HubConnectionState } from '@microsoft/signalr';
import { OtClient } from './ot-client.js';
import { diffOperation, splitsSurrogatePair } from './text-operation.js';
import {
  changeSetToOperation,
  exactLineSeparator,
  inputSanitizer,
  operationToChanges,
  remoteChange,
} from './codemirror-ot.js';
import {
  clearRemoteSelections,
  remoteSelections,
  removeRemoteSelection,
  setRemoteSelection,
} from './remote-selections.js';
import { createHubConnection, foreverRetryPolicy, isTemporaryRefusal, readHubError } from './hub-connection.js';

/**
 * @typedef {object} Labels localised texts shown in the status line
 * @property {string} [connecting]
 * @property {string} [connected]
 * @property {string} [reconnecting]
 * @property {string} [offline]
 * @property {string} [readOnly] added when the user may only watch
 * @property {string} [saving] local changes on their way to the server
 * @property {string} [saved] every change is saved
 * @property {string} [savedAt] every change is saved, "{time}" replaced by the time
 * @property {string} [unsaved] local changes not saved yet while offline
 */

/**
 * @typedef {object} DotNetObjectReference
 * @property {(method: string, ...args: unknown[]) => Promise<unknown>} invokeMethodAsync
 */

/**
 * @typedef {object} EditorStatus
 * @property {'connecting' | 'connected' | 'reconnecting' | 'offline'} connection
 * @property {string} label the localised text for `connection` (and read-only)
 * @property {boolean} canEdit
 * @property {'synchronized' | 'awaiting-confirm' | 'awaiting-with-buffer'} state
 * @property {boolean} saved the server has every local change
 * @property {string | null} lastSavedAt ISO time of the last acknowledgement
 * @property {number} revision
 */

/**
 * @typedef {object} ParticipantInfo
 * @property {string} connectionId
 * @property {string} userId
 * @property {string} name
 * @property {string} organisation
 * @property {string} colour
 * @property {boolean} canEdit
 * @property {boolean} isSelf this browser tab
 */

/**
 * @typedef {object} MountOptions
 * @property {string} documentId the text document's id (GUID string)
 * @property {string} [hubUrl] default '/hubs/drafting'
 * @property {string} [ariaLabel] accessible name of the editor
 * @property {Labels} [labels]
 * @property {DotNetObjectReference} [dotNetRef] receives the callbacks below by method name
 * @property {string} [textChangedMethod] (text: string, revision: number), 150 ms after the text
 *   or the last processed server revision changed (the text includes local edits the server has
 *   not acknowledged yet, if any)
 * @property {string} [statusChangedMethod] (status: EditorStatus)
 * @property {string} [participantsMethod] (participants: ParticipantInfo[])
 * @property {string} [errorMethod] (message: string) a refused hub call
 * @property {(text: string, revision: number) => void} [onTextChanged]
 * @property {(status: EditorStatus) => void} [onStatusChanged]
 * @property {(participants: ParticipantInfo[]) => void} [onParticipantsChanged]
 * @property {(message: string) => void} [onError]
 * @property {(hubUrl: string) => import('@microsoft/signalr').HubConnection} [createConnection]
 *   makes the hub connection (tests pass a stand-in; by default a SignalR connection that
 *   reconnects for ever)
 */

/** @type {Required<Labels>} */
const defaultLabels = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline: your changes are kept and will be sent when the connection is back',
  readOnly: 'Read only',
  saving: 'Saving…',
  saved: 'All changes saved',
  savedAt: 'Saved at {time}',
  unsaved: 'Changes not saved yet',
};

const TEXT_CHANGED_DEBOUNCE_MS = 150;
const SELECTION_THROTTLE_MS = 100;
const STATUS_DEBOUNCE_MS = 300;
/** Waits before sending again an operation the server turned away for the moment; the last repeats. */
const RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000];
/** How long "reconnecting" is shown before the status says "offline". */
const OFFLINE_AFTER_MS = 15000;
/** How often an idle editor checks that it has missed nothing. */
const CATCH_UP_INTERVAL_MS = 30000;

/**
 * Editors on this page by document id, for end-to-end tests and diagnostics.
 * @type {Record<string, { getText(): string, getRevision(): number, getState(): string, getConnection(): string }>}
 */
const registry = /** @type {any} */ (globalThis).draftingRoomEditors ?? {};
/** @type {any} */ (globalThis).draftingRoomEditors = registry;

const newClientId = () =>
  globalThis.crypto?.randomUUID?.() ?? `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * Mounts a co-edited proposal editor in `element`.
 * @param {HTMLElement} element
 * @param {MountOptions} options
 * @returns {{ dispose(): Promise<void>, focus(): void }}
 */
export function mountProposalEditor(element, options) {
  if (!element) throw new Error('mountProposalEditor needs an element.');
  if (!options?.documentId) throw new Error('mountProposalEditor needs options.documentId.');
  ensureStylesheet();

  const documentId = String(options.documentId);
  /** @type {Required<Labels>} */
  const labels = { ...defaultLabels };
  for (const [key, value] of Object.entries(options.labels ?? {})) {
    if (typeof value === 'string' && value !== '' && key in labels) labels[/** @type {keyof Labels} */ (key)] = value;
  }
  const dotNet = options.dotNetRef;
  const retryPolicy = foreverRetryPolicy();

  /** Calls a Blazor method or a JavaScript callback; never throws. */
  const notify = (/** @type {string | undefined} */ method, /** @type {Function | undefined} */ fn, ...args) => {
    try {
      if (dotNet && method) {
        dotNet.invokeMethodAsync(method, ...args).catch((e) => console.debug('DraftingRoom editor callback failed', e));
      }
      if (fn) fn(...args);
    } catch (e) {
      console.debug('DraftingRoom editor callback failed', e);
    }
  };
  const reportError = (/** @type {string} */ message) => notify(options.errorMethod, options.onError, message);

  // --- DOM ---
  element.classList.add('dr-editor');
  const surface = document.createElement('div');
  surface.className = 'dr-editor-surface';
  const statusLine = document.createElement('div');
  statusLine.className = 'dr-editor-status';
  const connectionText = document.createElement('span');
  connectionText.className = 'dr-editor-connection';
  connectionText.setAttribute('role', 'status');
  connectionText.setAttribute('aria-live', 'polite');
  const saveText = document.createElement('span');
  saveText.className = 'dr-editor-saved';
  statusLine.append(connectionText, saveText);
  element.append(surface, statusLine);

  // --- state ---
  let disposed = false;
  /** @type {EditorStatus['connection']} */
  let connectionState = 'connecting';
  let canEdit = false;
  let joined = false;
  let resyncing = false;
  let ownConnectionId = '';
  /** @type {Date | null} */
  let lastSavedAt = null;
  /** @type {EditorView | null} */
  let view = null;
  /** @type {OtClient | null} */
  let client = null;
  /** Events that arrived before the first snapshot. */
  /** @type {Array<() => void>} */
  let early = [];
  /** @type {Map<string, any>} participants by connection id, as the server sent them */
  let participants = new Map();
  /** Selections reported at a revision this editor has not reached yet. */
  /** @type {Map<string, any>} */
  const parked = new Map();
  let lastStatusKey = '';
  /** What Blazor was last told about the text. */
  let lastNotifiedText = '';
  let lastNotifiedRevision = -1;
  let lastSentSelection = '';
  let fetching = false;
  /** @type {ReturnType<typeof setTimeout> | null} */ let textTimer = null;
  /** @type {ReturnType<typeof setTimeout> | null} */ let selectionTimer = null;
  /** @type {ReturnType<typeof setTimeout> | null} */ let offlineTimer = null;
  /** @type {ReturnType<typeof setTimeout> | null} */ let restartTimer = null;
  /** @type {ReturnType<typeof setTimeout> | null} */ let statusTimer = null;
  /** @type {ReturnType<typeof setTimeout> | null} */ let retryTimer = null;
  /** How many times in a row the server turned the outstanding operation away for the moment. */
  let temporaryRefusals = 0;
  const catchUpTimer = setInterval(() => {
    if (client && joined && isConnected()) fetchOperations(client.revision);
  }, CATCH_UP_INTERVAL_MS);

  const editability = new Compartment();
  const historyCompartment = new Compartment();
  const connection = (options.createConnection ?? createHubConnection)(options.hubUrl ?? '/hubs/drafting');

  const sameDocument = (/** @type {unknown} */ id) => String(id).toLowerCase() === documentId.toLowerCase();
  const isConnected = () => connection.state === HubConnectionState.Connected;

  // --- status ---
  function setConnection(/** @type {EditorStatus['connection']} */ state) {
    connectionState = state;
    if (offlineTimer) clearTimeout(offlineTimer);
    offlineTimer = null;
    if (state === 'reconnecting') {
      offlineTimer = setTimeout(() => {
        if (connectionState === 'reconnecting') setConnection('offline');
      }, OFFLINE_AFTER_MS);
    }
    renderStatus();
  }

  function renderStatus() {
    if (disposed) return;
    const state = client?.stateName ?? 'synchronized';
    const saved = !client || client.isSynchronized;
    element.dataset.connection = connectionState;
    element.dataset.state = state;
    element.dataset.revision = String(client?.revision ?? 0);
    const label = labels[connectionState] + (joined && !canEdit ? ` · ${labels.readOnly}` : '');
    if (connectionText.textContent !== label) connectionText.textContent = label;
    let saveLabel = '';
    if (canEdit && client) {
      if (!saved) saveLabel = connectionState === 'connected' ? labels.saving : labels.unsaved;
      else if (lastSavedAt) saveLabel = labels.savedAt.replace('{time}', formatTime(lastSavedAt));
      else saveLabel = labels.saved;
    }
    if (saveText.textContent !== saveLabel) saveText.textContent = saveLabel;
    // Tell Blazor when something it shows changes: at once for the connection and the right to
    // edit, after a pause for saving (which flips with every acknowledgement while typing).
    const urgentKey = `${connectionState}|${canEdit}|${joined}`;
    const key = `${urgentKey}|${saved}|${lastSavedAt?.getTime() ?? ''}`;
    if (key === lastStatusKey) return;
    const urgent = !lastStatusKey.startsWith(`${urgentKey}|`);
    lastStatusKey = key;
    if (statusTimer) clearTimeout(statusTimer);
    statusTimer = null;
    const send = () => {
      statusTimer = null;
      if (disposed) return;
      /** @type {EditorStatus} */
      const status = {
        connection: connectionState,
        label: connectionText.textContent ?? '',
        canEdit,
        state: client?.stateName ?? 'synchronized',
        saved: !client || client.isSynchronized,
        lastSavedAt: lastSavedAt ? lastSavedAt.toISOString() : null,
        revision: client?.revision ?? 0,
      };
      notify(options.statusChangedMethod, options.onStatusChanged, status);
    };
    if (urgent) send();
    else statusTimer = setTimeout(send, STATUS_DEBOUNCE_MS);
  }

  // --- editor ---
  function createView(/** @type {string} */ text) {
    view = new EditorView({
      parent: surface,
      state: EditorState.create({
        doc: text,
        extensions: [
          exactLineSeparator,
          inputSanitizer,
          historyCompartment.of(history()),
          drawSelection(),
          EditorView.lineWrapping,
          // Arabic and other right-to-left lines get their own direction.
          EditorView.perLineTextDirection.of(true),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          editability.of(editabilityExtensions(false)),
          remoteSelections,
          EditorView.updateListener.of(onUpdate),
        ],
      }),
    });
  }

  function editabilityExtensions(/** @type {boolean} */ editable) {
    return [
      EditorState.readOnly.of(!editable),
      EditorView.editable.of(editable),
      EditorView.contentAttributes.of({
        'aria-label': options.ariaLabel ?? '',
        'aria-multiline': 'true',
        'aria-readonly': editable ? 'false' : 'true',
        spellcheck: 'true',
        // A read-only view stays reachable with the keyboard, so it can be read.
        ...(editable ? {} : { tabindex: '0' }),
      }),
    ];
  }

  function setCanEdit(/** @type {boolean} */ value) {
    canEdit = value;
    view?.dispatch({ effects: editability.reconfigure(editabilityExtensions(value)) });
  }

  /** @param {import('@codemirror/view').ViewUpdate} update */
  function onUpdate(update) {
    if (update.docChanged) {
      for (const tr of update.transactions) {
        if (tr.docChanged && !tr.annotation(remoteChange)) {
          client?.applyClient(changeSetToOperation(tr.changes));
        }
      }
      scheduleTextChanged();
    }
    if (update.selectionSet || update.docChanged) scheduleSelection();
  }

  /**
   * Tells Blazor the text and the last server revision processed, 150 ms after either last
   * changed (while edits await acknowledgement the text is ahead of that revision).
   */
  function scheduleTextChanged() {
    if (textTimer) clearTimeout(textTimer);
    textTimer = setTimeout(() => {
      textTimer = null;
      if (!view || disposed) return;
      const text = view.state.doc.toString();
      const revision = client?.revision ?? 0;
      if (text === lastNotifiedText && revision === lastNotifiedRevision) return;
      lastNotifiedText = text;
      lastNotifiedRevision = revision;
      notify(options.textChangedMethod, options.onTextChanged, text, revision);
    }, TEXT_CHANGED_DEBOUNCE_MS);
  }

  /** Applies a remote (already transformed) operation to the editor. */
  function applyRemote(/** @type {import('./text-operation.js').TextOperation} */ op, /** @type {{ userId?: string }} */ meta) {
    if (!view) return;
    view.dispatch({
      changes: operationToChanges(op),
      annotations: [remoteChange.of({ userId: meta.userId }), Transaction.addToHistory.of(false)],
    });
  }

  /** Replaces the editor's text with the server's, changing as little as possible. */
  function resetText(/** @type {string} */ text) {
    if (!view) return;
    const current = view.state.doc.toString();
    if (current !== text) {
      view.dispatch({
        changes: operationToChanges(diffOperation(current, text)),
        annotations: [remoteChange.of({ resync: true }), Transaction.addToHistory.of(false)],
      });
    }
    // Undoing edits the server never took would make no sense: start a new history.
    view.dispatch({ effects: historyCompartment.reconfigure([]) });
    view.dispatch({ effects: historyCompartment.reconfigure(history()) });
  }

  // --- the OT client ---
  function createClient(/** @type {number} */ revision) {
    client = new OtClient({
      revision,
      clientId: newClientId(),
      sendOperation: submit,
      applyOperation: applyRemote,
      requestOperations: fetchOperations,
      onChange: (c) => {
        renderStatus();
        if (c.revision !== lastNotifiedRevision) scheduleTextChanged();
        if (parked.size > 0) queueMicrotask(flushParked);
      },
      onDesync: (message) => {
        console.warn('DraftingRoom editor re-synchronising:', message);
        queueMicrotask(resync);
      },
    });
  }

  /** SubmitOperation; returns false when it cannot go out now (it is resent later). */
  function submit(/** @type {import('./text-operation.js').TextOperation} */ op, /** @type {number} */ baseRevision, /** @type {number} */ sequence) {
    if (!client || !joined || resyncing || !isConnected()) return false;
    const c = client;
    const clientId = c.clientId;
    connection
      .invoke('SubmitOperation', documentId, clientId, sequence, baseRevision, op.toJSON())
      .then((ack) => {
        if (disposed || c.clientId !== clientId) return;
        lastSavedAt = new Date();
        temporaryRefusals = 0;
        c.serverAck(ack.revision, sequence, clientId);
        renderStatus();
      })
      .catch((error) => {
        if (disposed || c.clientId !== clientId) return;
        const { refused, message } = readHubError(error);
        if (refused && isTemporaryRefusal(message)) {
          // Turned away for the moment (too many changes too fast, or the server could not store
          // them just now): keep the edits, however long it takes, and send the same operation
          // again, with the same sequence number, a little later each time.
          if (temporaryRefusals === 0) reportError(message);
          const delay = RETRY_DELAYS_MS[Math.min(temporaryRefusals++, RETRY_DELAYS_MS.length - 1)];
          if (retryTimer) clearTimeout(retryTimer);
          retryTimer = setTimeout(() => {
            retryTimer = null;
            if (!disposed && c === client && c.clientId === clientId && joined) c.retryOutstanding();
          }, delay);
        } else if (refused) {
          // Refused for good: start again from the server's text.
          temporaryRefusals = 0;
          reportError(message);
          resync();
        }
        // Otherwise the connection went away: the operation is resent after reconnecting.
      });
    return true;
  }

  function fetchOperations(/** @type {number} */ fromRevision) {
    if (!client || fetching || !isConnected() || !joined) return;
    fetching = true;
    const c = client;
    connection
      .invoke('GetOperations', documentId, fromRevision)
      .then((list) => {
        if (!disposed && c === client) c.receiveCommitted(list ?? []);
      })
      .catch((error) => {
        const { refused, message } = readHubError(error);
        if (refused) {
          // The server cannot give what was missed (too old for its history): start over.
          reportError(message);
          resync();
        }
      })
      .finally(() => {
        fetching = false;
      });
  }

  /**
   * After the server refused an operation (or this editor lost track): join again and start
   * over from the server's text, dropping whatever the server has not acknowledged.
   */
  async function resync() {
    if (resyncing || disposed || !client) return;
    resyncing = true;
    renderStatus();
    try {
      const snapshot = await connection.invoke('JoinDocument', documentId);
      if (disposed) return;
      restartFrom(snapshot);
    } catch (error) {
      const { refused, message } = readHubError(error);
      if (refused) reportError(message);
      // Not connected: the reconnection joins again.
    } finally {
      resyncing = false;
      renderStatus();
    }
  }

  /** The editor and the client start again from a snapshot. */
  function restartFrom(/** @type {any} */ snapshot) {
    if (!client) return;
    resetText(snapshot.text);
    client.reset(snapshot.revision, newClientId());
    applySnapshotDetails(snapshot);
  }

  // --- joining ---
  /** @type {Promise<void> | null} */
  let joining = null;

  /** JoinDocument (one at a time), then create the editor or catch up. */
  function join() {
    joining ??= joinOnce().finally(() => {
      joining = null;
    });
    return joining;
  }

  async function joinOnce() {
    const snapshot = await connection.invoke('JoinDocument', documentId);
    if (disposed) return;
    if (!view || !client) {
      createView(snapshot.text);
      createClient(snapshot.revision);
      joined = true;
      applySnapshotDetails(snapshot);
      const pending = early;
      early = [];
      for (const run of pending) run();
    } else {
      // Back after a reconnection: catch up from our revision, then resend what is still
      // unacknowledged with its original sequence number.
      joined = true;
      applySnapshotDetails(snapshot);
      client.observeRevision(snapshot.revision);
      let list;
      try {
        list = await connection.invoke('GetOperations', documentId, client.revision);
      } catch (error) {
        const { refused, message } = readHubError(error);
        if (!refused) throw error;
        // Away for too long for the server's history: start again from its text.
        reportError(message);
        list = null;
      }
      if (disposed) return;
      if (list) {
        client.receiveCommitted(list);
        client.resendOutstanding();
      } else {
        restartFrom(snapshot);
      }
    }
    lastSentSelection = '';
    setConnection('connected');
    scheduleSelection();
  }

  function applySnapshotDetails(/** @type {any} */ snapshot) {
    ownConnectionId = snapshot.connectionId ?? ownConnectionId;
    if (Boolean(snapshot.canEdit) !== canEdit) setCanEdit(Boolean(snapshot.canEdit));
    applyParticipants(snapshot.participants ?? []);
  }

  /** @type {Promise<void> | null} */
  let starting = null;

  /** Connects and joins, retrying until it works (one loop at a time). */
  function start() {
    starting ??= connectAndJoin().finally(() => {
      starting = null;
    });
    return starting;
  }

  async function connectAndJoin() {
    let attempt = 0;
    while (!disposed) {
      try {
        if (connection.state === HubConnectionState.Disconnected) await connection.start();
        await join();
        return;
      } catch (error) {
        if (disposed) return;
        const { refused, message } = readHubError(error);
        if (refused) {
          // The server will not let this user in (no access to the document): do not retry.
          reportError(message);
          setConnection('offline');
          return;
        }
        setConnection(attempt >= 3 ? 'offline' : joined ? 'reconnecting' : 'connecting');
        const delay = retryPolicy.nextRetryDelayInMilliseconds({ previousRetryCount: attempt++ });
        await new Promise((resolve) => {
          restartTimer = setTimeout(resolve, Math.max(delay, 250));
        });
      }
    }
  }

  connection.onreconnecting(() => {
    if (disposed) return;
    joined = false;
    fetching = false;
    client?.connectionLost();
    setConnection('reconnecting');
  });
  connection.onreconnected(() => {
    if (disposed) return;
    join().catch(() => {
      // Joining failed on the new connection: start over.
      if (!disposed && isConnected()) connection.stop();
    });
  });
  connection.onclose(() => {
    if (disposed) return;
    joined = false;
    fetching = false;
    client?.connectionLost();
    setConnection('reconnecting');
    start();
  });

  // --- server events ---
  // One message per batch the server committed, in revision order; this editor's own operations in it count as
  // their acknowledgements (the answer to the submission may come a moment later and is then ignored).
  connection.on('OperationsCommitted', (id, committed) => {
    if (disposed || !sameDocument(id) || !Array.isArray(committed)) return;
    const run = () => client?.receiveCommitted(committed);
    if (client) run();
    else early.push(run);
  });
  connection.on('PresenceChanged', (id, list) => {
    if (disposed || !sameDocument(id)) return;
    if (client) applyParticipants(list ?? []);
    else early.push(() => applyParticipants(list ?? []));
  });
  connection.on('SelectionChanged', (id, participant) => {
    if (disposed || !sameDocument(id) || !participant) return;
    const run = () => {
      const known = participants.get(participant.connectionId);
      participants.set(participant.connectionId, { ...known, ...participant });
      placeSelection(participant);
    };
    if (client) run();
    else early.push(run);
  });

  // --- participants and their selections ---
  function applyParticipants(/** @type {any[]} */ list) {
    const next = new Map(list.map((p) => [p.connectionId, p]));
    const effects = [];
    for (const id of participants.keys()) {
      if (!next.has(id)) {
        effects.push(removeRemoteSelection.of(id));
        parked.delete(id);
      }
    }
    participants = next;
    if (view && effects.length) view.dispatch({ effects });
    // The server may change this user's rights while they are in the document.
    const self = next.get(ownConnectionId);
    if (self && view && Boolean(self.canEdit) !== canEdit) {
      setCanEdit(Boolean(self.canEdit));
      renderStatus();
    }
    for (const p of list) placeSelection(p);
    notify(
      options.participantsMethod,
      options.onParticipantsChanged,
      list.map((p) => ({
        connectionId: p.connectionId,
        userId: p.userId,
        name: p.name,
        organisation: p.organisation,
        colour: p.colour,
        canEdit: Boolean(p.canEdit),
        isSelf: p.connectionId === ownConnectionId,
      })),
    );
  }

  function placeSelection(/** @type {any} */ p) {
    if (!view || !client || p.connectionId === ownConnectionId) return;
    if (Number.isSafeInteger(p.revision)) client.observeRevision(p.revision);
    if (!p.selection) {
      parked.delete(p.connectionId);
      view.dispatch({ effects: removeRemoteSelection.of(p.connectionId) });
      return;
    }
    // In front of text others inserted at it: where the participant's next keystroke will land.
    const anchor = client.positionFromRevision(p.revision ?? client.revision, p.selection.anchor, -1);
    const head = client.positionFromRevision(p.revision ?? client.revision, p.selection.head, -1);
    if (anchor === null || head === null) {
      parked.set(p.connectionId, p); // reported at a revision this editor has not reached yet
      return;
    }
    parked.delete(p.connectionId);
    const doc = view.state.doc;
    const fit = (/** @type {number} */ pos) => {
      const clamped = Math.max(0, Math.min(pos, doc.length));
      return clamped > 0 && clamped < doc.length && splitsSurrogatePair(doc.sliceString(clamped - 1, clamped + 1), 1)
        ? clamped + 1
        : clamped;
    };
    view.dispatch({
      effects: setRemoteSelection.of({
        connectionId: p.connectionId,
        userId: p.userId,
        name: p.name ?? '',
        organisation: p.organisation ?? '',
        colour: p.colour,
        anchor: fit(anchor),
        head: fit(head),
      }),
    });
  }

  function flushParked() {
    if (disposed || !client) return;
    for (const p of [...parked.values()]) {
      if ((p.revision ?? 0) <= client.revision) placeSelection(p);
    }
  }

  // --- our own selection ---
  function scheduleSelection() {
    if (selectionTimer) return;
    selectionTimer = setTimeout(() => {
      selectionTimer = null;
      sendSelection();
    }, SELECTION_THROTTLE_MS);
  }

  function sendSelection() {
    if (!view || !client || !joined || !canEdit || resyncing || !isConnected()) return;
    const main = view.state.selection.main;
    const selection = {
      anchor: client.positionAtRevision(main.anchor),
      head: client.positionAtRevision(main.head),
    };
    const revision = client.revision;
    const key = `${revision}:${selection.anchor}:${selection.head}`;
    if (key === lastSentSelection) return;
    lastSentSelection = key;
    connection.invoke('UpdateSelection', documentId, revision, selection).catch(() => {
      lastSentSelection = '';
    });
  }

  // --- registry and start ---
  const handle = {
    getText: () => view?.state.doc.toString() ?? '',
    getRevision: () => client?.revision ?? 0,
    getState: () => client?.stateName ?? 'synchronized',
    getConnection: () => connectionState,
  };
  registry[documentId] = handle;
  setConnection('connecting');
  start();

  return {
    focus() {
      view?.focus();
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      for (const t of [textTimer, selectionTimer, offlineTimer, restartTimer, statusTimer, retryTimer]) if (t) clearTimeout(t);
      clearInterval(catchUpTimer);
      if (registry[documentId] === handle) delete registry[documentId];
      client?.dispose();
      view?.dispatch({ effects: clearRemoteSelections.of(null) });
      view?.destroy();
      surface.remove();
      statusLine.remove();
      element.classList.remove('dr-editor');
      try {
        if (isConnected()) await connection.invoke('LeaveDocument', documentId);
      } catch {
        // Leaving is a courtesy: the server also notices the connection closing.
      }
      await connection.stop().catch(() => {});
    },
  };
}

/** @param {Date} date */
function formatTime(date) {
  try {
    const lang = document.documentElement.lang || undefined;
    return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(date);
  } catch {
    return date.toLocaleTimeString();
  }
}

/** Adds the editor's stylesheet (built next to this module as editor.css) to the page once. */
function ensureStylesheet() {
  if (typeof document === 'undefined') return;
  const href = new URL('./editor.css', import.meta.url).href;
  for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
    if (/** @type {HTMLLinkElement} */ (link).href === href || link.hasAttribute('data-drafting-room-editor')) return;
  }
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  link.setAttribute('data-drafting-room-editor', '');
  document.head.appendChild(link);
}
