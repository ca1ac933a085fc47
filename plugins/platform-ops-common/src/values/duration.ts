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
    return { value: undefined, problems: [problem(key, text, DURATION_EXPECTATION)] };
  }
  const unit = UNITS[match[2] as keyof typeof UNITS];
  return {
    value: Duration.fromObject({ [unit]: Number(match[1]) }),
    problems: [],
  };
}

/**
 * Formats a duration back into the short form, picking the largest unit that
 * divides it exactly (`P1D` becomes `1d`, `PT36H` becomes `36h`).
 *
 * @public
 */
export function formatDuration(duration: Duration): string {
  const seconds = Math.round(duration.as('seconds'));
  if (seconds % 60 !== 0) return `${seconds}s`;
  const minutes = seconds / 60;
  if (minutes !== 0 && minutes % (7 * 24 * 60) === 0) return `${minutes / (7 * 24 * 60)}w`;
  if (minutes !== 0 && minutes % (24 * 60) === 0) return `${minutes / (24 * 60)}d`;
  if (minutes !== 0 && minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}
