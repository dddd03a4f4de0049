// Comments: reading the selected words of an article or a proposal as offsets into its text.
//
// A text that takes comments is rendered inside an element with data-comment-scope (its id is the scope id); each of
// its paragraphs carries data-offset, the paragraph's UTF-16 offset in the whole text (paragraphs are joined by two
// line breaks). Highlighted quotes are <mark> elements inside the paragraphs; their visible cue comes from CSS, so
// every text node inside a paragraph is text of the article (except inside [data-skip-offset]).
window.draftingRoomComments = (() => {
    const PARAGRAPH = '[data-offset]';
    const SCOPE = '[data-comment-scope]';
    // The last words selected in a scope: pressing the comment button may move the selection in some browsers.
    let remembered = null;

    const counted = (node) => !node.parentElement?.closest('[data-skip-offset]');

    function textNodes(paragraph) {
        const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
        const nodes = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) if (counted(node)) nodes.push(node);
        return nodes;
    }

    const paragraphLength = (paragraph) => textNodes(paragraph).reduce((sum, node) => sum + node.length, 0);

    /** The offset, in the paragraph's text, of the boundary point (container, offset) inside it. */
    function offsetIn(paragraph, container, offset) {
        const before = document.createRange();
        before.setStart(paragraph, 0);
        before.setEnd(container, offset);
        let position = 0;
        for (const node of textNodes(paragraph)) {
            if (node === container) return position + offset;
            // The node ends before the boundary: all of it comes before.
            if (before.comparePoint(node, node.length) === 0) position += node.length;
            else break;
        }
        return position;
    }

    /** {start, end, quote} of the selection in the scope's text, or null when it is not (only) in this scope. */
    function read(scope, selection) {
        if (!scope || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
        const range = selection.getRangeAt(0);
        // Words from two texts (two articles) cannot be one quote.
        for (const other of document.querySelectorAll(SCOPE)) {
            if (other !== scope && !other.contains(scope) && !scope.contains(other) &&
                [...other.querySelectorAll(PARAGRAPH)].some((p) => range.intersectsNode(p))) return null;
        }
        const paragraphs = [...scope.querySelectorAll(PARAGRAPH)].filter((p) => range.intersectsNode(p));
        if (paragraphs.length === 0) return null;
        const first = paragraphs[0];
        const last = paragraphs[paragraphs.length - 1];
        const base = (p) => Number.parseInt(p.dataset.offset, 10) || 0;
        const start = base(first) + (first.contains(range.startContainer) ? offsetIn(first, range.startContainer, range.startOffset) : 0);
        const end = base(last) + (last.contains(range.endContainer) ? offsetIn(last, range.endContainer, range.endOffset) : paragraphLength(last));
        if (end <= start) return null;
        const quote = selection.toString();
        if (quote.trim().length === 0) return null;
        return { start, end, quote };
    }

    function scopeOf(node) {
        const element = node?.nodeType === Node.ELEMENT_NODE ? node : node?.parentElement;
        return element?.closest(SCOPE) ?? null;
    }

    function onSelectionChange() {
        const selection = window.getSelection();
        document.querySelectorAll(`${SCOPE}.has-selection`).forEach((s) => s.classList.remove('has-selection'));
        if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
        const scope = scopeOf(selection.anchorNode) ?? scopeOf(selection.focusNode);
        const span = read(scope, selection);
        if (span) {
            remembered = { scopeId: scope.id, ...span };
            scope.classList.add('has-selection');
            const host = scope.closest('[data-comment-host]');
            host?.classList.add('has-selection');
        }
        document.querySelectorAll('[data-comment-host].has-selection').forEach((h) => {
            if (!span || !h.contains(scope)) h.classList.remove('has-selection');
        });
    }

    // A click anywhere but on a comment button forgets the remembered words: a new selection starts there.
    function onPointerDown(event) {
        if (!event.target.closest?.('[data-comment-selection-button]')) remembered = null;
        keyboardMode = false;
        hideCaret();
    }

    // Keyboard selection in a focusable text (tabindex=0, data-keyboard-select): arrows move a caret, Shift with the
    // arrows selects, Ctrl (or Alt on macOS) goes word by word; Home and End go to the start and end of the line.
    const KEYS = {
        ArrowLeft: ['backward', 'character'], ArrowRight: ['forward', 'character'],
        ArrowUp: ['backward', 'line'], ArrowDown: ['forward', 'line'],
        Home: ['backward', 'lineboundary'], End: ['forward', 'lineboundary'],
    };
    let caret = null;
    // Plain arrows move the caret only once the text was reached or used with the keyboard; after a click they scroll.
    let keyboardMode = false;

    function showCaret(text) {
        const selection = window.getSelection();
        if (!selection || selection.rangeCount === 0 || !text.contains(selection.focusNode)) return hideCaret();
        const point = document.createRange();
        point.setStart(selection.focusNode, selection.focusOffset);
        point.collapse(true);
        const rect = [...point.getClientRects()][0] ?? point.getBoundingClientRect();
        if (!rect || (rect.height === 0 && rect.top === 0)) return hideCaret();
        if (!caret) {
            caret = document.createElement('div');
            caret.className = 'keyboard-caret';
            caret.setAttribute('aria-hidden', 'true');
            document.body.appendChild(caret);
        }
        caret.style.left = `${rect.left + window.scrollX - 1}px`;
        caret.style.top = `${rect.top + window.scrollY}px`;
        caret.style.height = `${rect.height || 20}px`;
    }

    function hideCaret() {
        caret?.remove();
        caret = null;
    }

    function onFocusIn(event) {
        const text = event.target.closest?.('[data-keyboard-select]');
        if (!text || event.target !== text) return;
        keyboardMode = text.matches(':focus-visible');
        if (!keyboardMode) return;
        const selection = window.getSelection();
        if (selection && selection.rangeCount > 0 && text.contains(selection.anchorNode)) return showCaret(text);
        const first = textNodes(text.querySelector(PARAGRAPH) ?? text)[0];
        if (first) {
            selection.collapse(first, 0);
            showCaret(text);
        }
    }

    function onKeyDown(event) {
        const text = event.target.closest?.('[data-keyboard-select]');
        if (!text || event.target !== text) return;
        const key = KEYS[event.key];
        if (!key || (!event.shiftKey && !keyboardMode)) return;
        keyboardMode = true;
        const selection = window.getSelection();
        if (!selection || typeof selection.modify !== 'function') return;
        if (selection.rangeCount === 0 || !text.contains(selection.focusNode)) {
            const first = textNodes(text)[0];
            if (!first) return;
            selection.collapse(first, 0);
        }
        event.preventDefault();
        const [direction, unit] = key;
        const granularity = (event.ctrlKey || event.altKey) && unit === 'character' ? 'word' : unit;
        selection.modify(event.shiftKey ? 'extend' : 'move', direction, granularity);
        // Never leave the text: a selection that ran out of it goes back.
        if (!text.contains(selection.focusNode)) selection.modify(event.shiftKey ? 'extend' : 'move', direction === 'forward' ? 'backward' : 'forward', 'character');
        showCaret(text);
    }

    function onFocusOut(event) {
        if (event.target.closest?.('[data-keyboard-select]')) hideCaret();
    }

    // A click on a highlighted quote, when no words are being selected, opens the comments and goes to the comment.
    function onClick(event) {
        const mark = event.target.closest?.('mark.comment-highlight[data-comment-ids]');
        if (!mark) return;
        const selection = window.getSelection();
        if (selection && !selection.isCollapsed) return;
        const id = mark.dataset.commentIds.split(' ')[0];
        const scope = mark.closest(SCOPE);
        const toggle = scope && document.querySelector(`[data-comments-toggle="${scope.id}"][aria-expanded="false"]`);
        if (toggle) toggle.click();
        goTo(`comment-${id}`);
    }

    /** Scrolls to the element with this id (waiting a little for it to render) and moves focus to it. */
    function goTo(id, tries = 40) {
        const target = document.getElementById(id);
        if (!target) {
            if (tries > 0) setTimeout(() => goTo(id, tries - 1), 50);
            return;
        }
        target.scrollIntoView({ behavior: 'smooth', block: 'center' });
        if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
        target.focus({ preventScroll: true });
        target.classList.add('comment-target');
        setTimeout(() => target.classList.remove('comment-target'), 2500);
    }

    document.addEventListener('selectionchange', onSelectionChange);
    document.addEventListener('pointerdown', onPointerDown, true);
    // Pressing a comment button must not take the selection away from the words it is about.
    document.addEventListener('mousedown', (event) => {
        if (event.target.closest?.('[data-comment-selection-button]')) event.preventDefault();
    }, true);
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    document.addEventListener('click', onClick);
    window.addEventListener('resize', () => {
        const text = document.activeElement?.closest?.('[data-keyboard-select]');
        if (text) showCaret(text); else hideCaret();
    });

    return {
        /**
         * The words selected in the text of the scope with this id, as {start, end, quote} in the scope's text, or
         * null when no words of that text (and only of that text) are selected.
         */
        getSelection(scopeId) {
            const scope = document.getElementById(scopeId);
            const current = read(scope, window.getSelection());
            if (current) return current;
            if (remembered && remembered.scopeId === scopeId) return { start: remembered.start, end: remembered.end, quote: remembered.quote };
            return null;
        },

        /** Forgets the selection once a comment on it was opened. */
        clearSelection() {
            remembered = null;
            window.getSelection()?.removeAllRanges();
            document.querySelectorAll('.has-selection').forEach((e) => e.classList.remove('has-selection'));
        },

        /** Goes to the element named in the address's fragment (#comment-…, #quote-…) once it is rendered. */
        goToHash() {
            const id = decodeURIComponent(window.location.hash.replace(/^#/, ''));
            if (id) goTo(id);
        },

        goTo,
    };
})();
