import { Parsed, problem } from '../problems';

/**
 * Alert levels: P1 wakes the on-call engineer, P2 is handled within a
 * business day, P3 is reviewed regularly.
 *
 * @public
 */
export type AlertLevel = 'P1' | 'P2' | 'P3';

/**
 * Every level, most urgent first.
 *
 * @public
 */
export const ALERT_LEVELS: readonly AlertLevel[] = ['P1', 'P2', 'P3'];

/**
 * Whether a text is one of P1, P2 or P3 (exactly, upper case).
 *
 * @public
 */
export function isAlertLevel(text: string): text is AlertLevel {
  return (ALERT_LEVELS as readonly string[]).includes(text);
}

/**
 * Parses `P1`, `P2` or `P3`; lower case is accepted.
 *
 * @public
 */
export function parseAlertLevel(key: string, text: string): Parsed<AlertLevel> {
  const normalized = text.trim().toUpperCase();
  if (!isAlertLevel(normalized)) {
    return {
      value: undefined,
      problems: [problem(key, text, 'one of P1, P2, P3')],
    };
  }
  return { value: normalized, problems: [] };
}
