// DraftingRoom.Core holds the logic that needs neither ASP.NET, EF Core nor SignalR:
// operational transformation, word-level diffs and merges, and the import and export formats.
