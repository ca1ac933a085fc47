/**
 * A drill id the backend accepts (8 to 64 letters, digits, dots, dashes or
 * underscores). The form picks one before the first attempt, so a retried
 * submit carries the same id and records one drill.
 */
export function newDrillId(): string {
  return globalThis.crypto.randomUUID();
}
