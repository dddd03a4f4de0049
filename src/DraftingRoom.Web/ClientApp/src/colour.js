// Colours of other participants' carets, selections and name labels, chosen so that the text on
// a label and the caret bar stay readable whatever colour the server gives a participant.

/** @typedef {{ r: number, g: number, b: number }} Rgb */

/** Colours used when a participant has none (or one that cannot be read). */
const fallbackPalette = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22'];

/**
 * Reads "#rgb", "#rrggbb" (optionally with alpha, ignored) or "rgb(r, g, b)".
 * @param {unknown} colour
 * @returns {Rgb | null}
 */
export function parseColour(colour) {
  if (typeof colour !== 'string') return null;
  const text = colour.trim();
  let m = /^#([0-9a-f]{3,4})$/i.exec(text);
  if (m) {
    const [r, g, b] = m[1].split('').map((h) => parseInt(h + h, 16));
    return { r, g, b };
  }
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(text);
  if (m) {
    const n = parseInt(m[1], 16);
    return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
  }
  m = /^rgba?\(\s*(\d{1,3})\s*[,\s]\s*(\d{1,3})\s*[,\s]\s*(\d{1,3})\s*(?:[,/]\s*[\d.]+%?\s*)?\)$/i.exec(text);
  if (m) {
    const [r, g, b] = [m[1], m[2], m[3]].map((v) => Math.min(255, Number(v)));
    return { r, g, b };
  }
  return null;
}

/** @param {Rgb} c */
export function toHex({ r, g, b }) {
  return '#' + [r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
}

/**
 * WCAG relative luminance.
 * @param {Rgb} c
 */
export function relativeLuminance({ r, g, b }) {
  const channel = (/** @type {number} */ v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/**
 * WCAG contrast ratio between two colours (1 to 21).
 * @param {Rgb} a
 * @param {Rgb} b
 */
export function contrastRatio(a, b) {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const black = { r: 0, g: 0, b: 0 };
const white = { r: 255, g: 255, b: 255 };

/**
 * A stable fallback colour for a participant without a readable one.
 * @param {string} key
 */
export function fallbackColour(key) {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) | 0;
  return fallbackPalette[Math.abs(hash) % fallbackPalette.length];
}

/**
 * Everything needed to draw one participant: the label's background and text colours (the text
 * black or white, whichever contrasts more), a caret colour with at least 3:1 contrast against
 * the white page, and a translucent selection background.
 * @param {unknown} colour the participant's colour as the server sends it
 * @param {string} key used to choose a fallback colour
 */
export function participantColours(colour, key) {
  const base = parseColour(colour) ?? /** @type {Rgb} */ (parseColour(fallbackColour(key)));
  const text = contrastRatio(base, black) >= contrastRatio(base, white) ? black : white;
  let caret = base;
  for (let i = 0; i < 40 && contrastRatio(caret, white) < 3; i++) {
    caret = { r: Math.floor(caret.r * 0.9), g: Math.floor(caret.g * 0.9), b: Math.floor(caret.b * 0.9) };
  }
  return {
    label: toHex(base),
    labelText: toHex(text),
    caret: toHex(caret),
    selection: `rgba(${base.r}, ${base.g}, ${base.b}, 0.28)`,
  };
}
