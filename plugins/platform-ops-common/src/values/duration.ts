import { Duration } from 'luxon';
import { Parsed, problem } from '../problems';

const UNITS = {
  s: 'seconds',
  m: 'minutes',
  h: 'hours',
  d: 'days',
  w: 'weeks',
} as const;

const DURATION_PATTERN = /^(\d{1,6})(s|m|h|d|w)$/;

/**
 * What a duration must look like, for messages.
 *
 * @public
 */
export const DURATION_EXPECTATION =
  'a duration such as 30s, 24h, 7d or 2w (a whole number and one of s, m, h, d, w)';

/**
 * Parses a short duration such as `24h`, `7d` or `30d` into a luxon
 * Duration in the unit written.
 *
 * @public
 */
export function parseDuration(key: string, text: string): Parsed<Duration> {
  const match = DURATION_PATTERN.exec(text.trim());
  if (!match) {
    return {
      value: undefined,
      problems: [problem(key, text, DURATION_EXPECTATION)],
    };
  }
  const unit = UNITS[match[2] as keyof typeof UNITS];
  return {
    value: Duration.fromObject({ [unit]: Number(match[1]) }),
    problems: [],
  };
}

/**
 * Formats a duration back into the short form. A duration in one unit keeps
 * it (`7d` stays `7d`, `90m` stays `90m`); a mixed one uses the largest unit
 * that divides it exactly.
 *
 * @public
 */
export function formatDuration(duration: Duration): string {
  const letters = Object.fromEntries(
    Object.entries(UNITS).map(([letter, unit]) => [unit, letter]),
  );
  const written = Object.entries(duration.toObject());
  if (written.length === 1 && written[0][1] === 0 && letters[written[0][0]]) {
    return `0${letters[written[0][0]]}`;
  }
  const parts = written.filter(([, amount]) => amount);
  if (
    parts.length === 1 &&
    letters[parts[0][0]] &&
    Number.isInteger(parts[0][1])
  ) {
    return `${parts[0][1]}${letters[parts[0][0]]}`;
  }
  const seconds = Math.round(duration.as('seconds'));
  const units: Array<[string, number]> = [
    ['w', 604800],
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
  ];
  const unit = units.find(([, size]) => seconds !== 0 && seconds % size === 0);
  return unit ? `${seconds / unit[1]}${unit[0]}` : `${seconds}s`;
}
