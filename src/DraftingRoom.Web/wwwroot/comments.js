// Comments: reading the selected words of an article or a proposal as offsets into its text.
window.draftingRoomComments = {};
