import { DateTime } from 'luxon';
import { Parsed, problem } from '../problems';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Parses a calendar date `YYYY-MM-DD` as the start of that day in UTC.
 * A date after `now` is a problem: audits and backups cannot happen in the
 * future.
 *
 * @public
 */
export function parsePastDate(
  key: string,
  text: string,
  now: DateTime = DateTime.utc(),
): Parsed<DateTime> {
  const trimmed = text.trim();
  const date = DATE_PATTERN.test(trimmed)
    ? DateTime.fromISO(trimmed, { zone: 'utc' })
    : undefined;
  if (!date || !date.isValid) {
    return {
      value: undefined,
      problems: [
        problem(key, text, 'a date written as YYYY-MM-DD, such as 2026-03-01'),
      ],
    };
  }
  if (date > now) {
    return {
      value: undefined,
      problems: [
        problem(
          key,
          text,
          `a date that is not in the future (today is ${now.toISODate()})`,
        ),
      ],
    };
  }
  return { value: date, problems: [] };
}
