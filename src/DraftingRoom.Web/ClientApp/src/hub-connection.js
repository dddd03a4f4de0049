// The SignalR connection to DraftingRoom's drafting hub, and how its errors read.

import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';

/** Delays between reconnection attempts; the last one repeats for ever. */
export const reconnectDelays = [0, 500, 1000, 2000, 5000];

/**
 * A retry policy that never gives up: 0, 0.5, 1, 2, then every 5 seconds (with a little jitter
 * so that a room full of delegates does not reconnect in the same instant).
 * @param {() => number} [random]
 */
export function foreverRetryPolicy(random = Math.random) {
  return {
    /** @param {{ previousRetryCount: number }} context */
    nextRetryDelayInMilliseconds(context) {
      const base = reconnectDelays[Math.min(context.previousRetryCount, reconnectDelays.length - 1)];
      return base === 0 ? 0 : Math.round(base * (0.8 + 0.4 * random()));
    },
  };
}

/**
 * @param {string} hubUrl
 */
export function createHubConnection(hubUrl) {
  return new HubConnectionBuilder()
    .withUrl(hubUrl)
    .withAutomaticReconnect(foreverRetryPolicy())
    .configureLogging(LogLevel.Warning)
    .build();
}

/**
 * Reads an error from a hub call. `refused` is true when the server answered with an error (a
 * HubException: no right to edit, malformed operation, too many operations…), as opposed to
 * the call failing because the connection went away.
 * @param {unknown} error
 * @returns {{ refused: boolean, message: string }}
 */
export function readHubError(error) {
  const text = error instanceof Error ? error.message : String(error);
  const serverError = /^An unexpected error occurred invoking '[^']*' on the server\.\s*([\s\S]*)$/.exec(text);
  if (serverError) {
    const detail = /^(?:[\w.`]+Exception): ([\s\S]*)$/.exec(serverError[1]);
    return { refused: true, message: (detail ? detail[1] : serverError[1] || text).trim() };
  }
  return { refused: false, message: text };
}

/**
 * Whether a refusal is for the moment only (too many changes too fast, storage briefly
 * unavailable): the same operation may be sent again a little later. Any other refusal (no right
 * to edit, malformed, too large) is final.
 * @param {string} message
 */
export function isTemporaryRefusal(message) {
  return /sent again|try again|too many|too fast|just now/i.test(message);
}
