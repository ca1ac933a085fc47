import { AlertLevel } from '../values/level';
import { levelOfAlert } from './levels';
import { AlertMatcher } from './matchers';

/**
 * Every character that JavaScript's `trim()` removes, in RE2 syntax: the
 * suite reads a `priority` label trimmed and in upper case, so ` p1` is P1.
 */
const TRIMMED = '[\\s\\v\\x{FEFF}\\p{Z}]';

/** Exactly the `priority` values that the suite reads as one of `levels`. */
function priorityPattern(levels: AlertLevel[]): string {
  return `(?i)${TRIMMED}*(?:${levels.join('|')})${TRIMMED}*`;
}

/** A literal text as an RE2 pattern, as Go's `regexp.QuoteMeta` does. */
function quoteMeta(text: string): string {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/**
 * The matchers of a silence for one component in one environment: its own
 * matchers narrowed so that no alert the suite would level P1 (see
 * {@link levelOfAlert}) is covered. The level comes from the alert's `priority`
 * label first, then the component's level, then `severityLevels`, so:
 *
 * - a P1 component: only alerts whose `priority` label says P2 or P3, since
 *   an alert without one is P1 through the component;
 * - a P2 or P3 component: every alert whose `priority` label is not P1;
 * - a component without a level: also no alert whose `severity` maps to
 *   P1, since its level then comes from the severity.
 *
 * This may leave some P2 alerts unsilenced (say, `priority="P2"` with
 * `severity="critical"`), never a P1 silenced. Label values are matched as
 * the suite reads them: trimmed, in any case.
 *
 * @public
 */
export function silenceMatchers(
  matchers: AlertMatcher[],
  level: AlertLevel | undefined,
  severityLevels: Record<string, string>,
): AlertMatcher[] {
  if (level === 'P1') {
    return [
      ...matchers,
      {
        name: 'priority',
        operator: '=~',
        value: priorityPattern(['P2', 'P3']),
      },
    ];
  }
  const notP1: AlertMatcher = {
    name: 'priority',
    operator: '!~',
    value: priorityPattern(['P1']),
  };
  if (level) return [...matchers, notP1];
  // The same rule that levels alerts decides which severities are P1.
  const urgent = Object.keys(severityLevels).filter(
    severity =>
      levelOfAlert({ labels: { severity }, severityLevels }).level === 'P1',
  );
  if (urgent.length === 0) return [...matchers, notP1];
  return [
    ...matchers,
    notP1,
    {
      name: 'severity',
      operator: '!~',
      value: urgent.sort().map(quoteMeta).join('|'),
    },
  ];
}
