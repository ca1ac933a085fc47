/**
 * An id for a drill or a change that the backend accepts (8 to 64 letters,
 * digits, dots, dashes or underscores). A form picks one before the first
 * attempt, so a retried submit carries the same id and records once.
 */
export function newClientId(): string {
  return globalThis.crypto.randomUUID();
}
