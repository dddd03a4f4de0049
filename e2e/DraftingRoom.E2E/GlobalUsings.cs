global using DraftingRoom.E2E.Infrastructure;
global using Microsoft.Playwright;
