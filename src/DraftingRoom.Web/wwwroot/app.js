// Small helpers for DraftingRoom's pages.
window.draftingRoom = {
    /** Moves focus to the first changed article below the top of the window (or back to the first one). */
    focusNextChange() {
        const items = [...document.querySelectorAll('.comparison-item.changed')];
        if (items.length === 0) return;
        const next = items.find((item) => item.getBoundingClientRect().top > 80) ?? items[0];
        next.scrollIntoView({ behavior: 'smooth', block: 'start' });
        next.focus({ preventScroll: true });
    },
};
