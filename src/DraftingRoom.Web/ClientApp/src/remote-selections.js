// Other participants' carets and selections in the editor: a coloured bar with a small name
// label for each caret, a translucent highlight in the same colour for each selection. Positions
// follow every change to the document, local or remote, until the participant reports new ones.

import { StateEffect, StateField } from '@codemirror/state';
import { Decoration, EditorView, WidgetType } from '@codemirror/view';
import { participantColours } from './colour.js';
import { remoteChange } from './codemirror-ot.js';

/**
 * @typedef {object} RemoteSelection
 * @property {string} connectionId
 * @property {string} [userId]
 * @property {string} name
 * @property {string} [organisation]
 * @property {string} [colour]
 * @property {number} anchor in the current document
 * @property {number} head in the current document
 */

/** Sets (or moves) one participant's selection. */
export const setRemoteSelection = StateEffect.define({
  map: (/** @type {RemoteSelection} */ value, mapping) => ({
    ...value,
    anchor: mapping.mapPos(value.anchor, -1),
    head: mapping.mapPos(value.head, -1),
  }),
});

/** Removes one participant's caret (value: connectionId). */
export const removeRemoteSelection = StateEffect.define();

/** Removes every remote caret. */
export const clearRemoteSelections = StateEffect.define();

/** @param {RemoteSelection} s */
const describe = (s) => (s.organisation ? `${s.name} (${s.organisation})` : s.name);

class CaretWidget extends WidgetType {
  /** @param {RemoteSelection} selection */
  constructor(selection) {
    super();
    this.name = selection.name;
    this.description = describe(selection);
    this.colours = participantColours(selection.colour, selection.connectionId);
  }

  /** @param {CaretWidget} other */
  eq(other) {
    return (
      other.description === this.description &&
      other.colours.caret === this.colours.caret &&
      other.colours.label === this.colours.label
    );
  }

  toDOM() {
    const caret = document.createElement('span');
    caret.className = 'cm-dr-caret';
    caret.style.borderLeftColor = this.colours.caret;
    caret.title = this.description;
    caret.setAttribute('role', 'img');
    caret.setAttribute('aria-label', this.description);
    const label = document.createElement('span');
    label.className = 'cm-dr-caret-label';
    label.style.backgroundColor = this.colours.label;
    label.style.color = this.colours.labelText;
    label.setAttribute('aria-hidden', 'true');
    label.textContent = this.name;
    caret.appendChild(label);
    return caret;
  }

  ignoreEvent() {
    return true;
  }
}

/** @param {Map<string, RemoteSelection>} selections */
function decorationsFor(selections) {
  const ranges = [];
  for (const s of selections.values()) {
    const from = Math.min(s.anchor, s.head);
    const to = Math.max(s.anchor, s.head);
    if (from < to) {
      const colours = participantColours(s.colour, s.connectionId);
      ranges.push(
        Decoration.mark({
          class: 'cm-dr-remote-selection',
          attributes: { style: `background-color: ${colours.selection}`, title: describe(s) },
        }).range(from, to),
      );
    }
    ranges.push(Decoration.widget({ widget: new CaretWidget(s), side: 1 }).range(s.head));
  }
  return Decoration.set(ranges, true);
}

/**
 * The participants' selections, mapped through each change. A participant's own remote edits
 * push their caret along (they type at it); anyone else's edits at a caret leave it in front:
 * what the participant types there next reaches the server after those edits (certainly for
 * remote ones, most likely for local ones already on their way), and the text committed later
 * goes first.
 */
export const remoteSelectionsField = StateField.define({
  create: () => /** @type {Map<string, RemoteSelection>} */ (new Map()),
  update(selections, tr) {
    let next = selections;
    if (tr.docChanged) {
      const author = tr.annotation(remoteChange)?.userId;
      next = new Map();
      for (const [id, s] of selections) {
        const assoc = author && s.userId === author ? 1 : -1;
        next.set(id, { ...s, anchor: tr.changes.mapPos(s.anchor, assoc), head: tr.changes.mapPos(s.head, assoc) });
      }
    }
    for (const effect of tr.effects) {
      if (effect.is(setRemoteSelection)) {
        if (next === selections) next = new Map(selections);
        const length = tr.state.doc.length;
        const v = effect.value;
        next.set(v.connectionId, {
          ...v,
          anchor: Math.max(0, Math.min(v.anchor, length)),
          head: Math.max(0, Math.min(v.head, length)),
        });
      } else if (effect.is(removeRemoteSelection)) {
        if (next === selections) next = new Map(selections);
        next.delete(effect.value);
      } else if (effect.is(clearRemoteSelections)) {
        next = new Map();
      }
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field, decorationsFor),
});

/** The extension to add to an editor. */
export const remoteSelections = [remoteSelectionsField];
