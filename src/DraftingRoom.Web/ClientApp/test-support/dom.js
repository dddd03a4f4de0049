// A DOM for the editor tests (jsdom), installed as globals before the editor is imported.
// jsdom lays nothing out, so the few layout calls CodeMirror makes get empty answers.

import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html lang="en"><head></head><body></body></html>', {
  pretendToBeVisual: true,
  url: 'https://drafting-room.test/declarations/1',
});
const { window } = dom;

const globals = [
  'window', 'document', 'navigator', 'Node', 'Text', 'HTMLElement', 'Element', 'MutationObserver',
  'requestAnimationFrame', 'cancelAnimationFrame', 'getComputedStyle', 'getSelection', 'DOMRect',
  'KeyboardEvent', 'MouseEvent', 'Event', 'CustomEvent', 'InputEvent', 'Range', 'Window', 'Document',
  'DocumentFragment', 'ShadowRoot', 'Selection', 'HTMLInputElement',
];
for (const name of globals) {
  if (window[name] === undefined) continue;
  const value = typeof window[name] === 'function' && /^[a-z]/.test(name) ? window[name].bind(window) : window[name];
  Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
}

const emptyRect = () => ({ left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0, x: 0, y: 0 });
window.Range.prototype.getClientRects = () => /** @type {any} */ ([]);
window.Range.prototype.getBoundingClientRect = emptyRect;
window.HTMLElement.prototype.scrollIntoView ??= () => {};

export { window };
