namespace DraftingRoom.Core;

/// <summary>A marker for the DraftingRoom.Core assembly.</summary>
public static class CoreAssembly;
