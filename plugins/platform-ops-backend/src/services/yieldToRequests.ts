/**
 * Lets the event loop serve what is waiting (requests, timers, I/O) before
 * going on. Work over thousands of summaries runs in chunks with this in
 * between: queries to SQLite (better-sqlite3) answer without ever
 * returning to the event loop, so a long chain of them would hold every
 * request of the backend, the catalog's too.
 */
export function yieldToRequests(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve));
}
