import { RRuleTemporal } from 'rrule-temporal';
import { Temporal } from 'temporal-polyfill';

/**
 * RRULE parts a maintenance window may use. The time of day comes from the
 * window's `start`, so BYHOUR, BYMINUTE and BYSECOND are not among them.
 */
const PARTS: Record<string, RegExp> = {
  FREQ: /^(DAILY|WEEKLY|MONTHLY|YEARLY)$/,
  INTERVAL: /^[1-9]\d{0,2}$/,
  COUNT: /^[1-9]\d{0,3}$/,
  UNTIL: /^\d{8}(T\d{6}Z)?$/,
  BYDAY:
    /^([+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU))(,[+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU))*$/,
  BYMONTHDAY: /^-?([1-9]|[12]\d|3[01])(,-?([1-9]|[12]\d|3[01]))*$/,
  BYMONTH: /^([1-9]|1[0-2])(,([1-9]|1[0-2]))*$/,
  BYSETPOS: /^-?[1-9]\d{0,2}(,-?[1-9]\d{0,2})*$/,
  BYWEEKNO: /^-?([1-9]|[1-4]\d|5[0-3])(,-?([1-9]|[1-4]\d|5[0-3]))*$/,
  BYYEARDAY: /^-?[1-9]\d{0,2}(,-?[1-9]\d{0,2})*$/,
  WKST: /^(MO|TU|WE|TH|FR|SA|SU)$/,
};

/**
 * Checks a whole RFC 5545 RRULE as a maintenance window uses it: every part
 * known and well formed, FREQ present, no part twice, and the rule
 * accepted by the recurrence engine. Returns what is wrong, or undefined.
 *
 * @public
 */
export function checkWindowRule(rrule: string): string | undefined {
  const seen = new Set<string>();
  for (const part of rrule.split(';')) {
    const [name, value, extra] = part.split('=');
    if (extra !== undefined || value === undefined || value === '') {
      return `"${part}" is not NAME=VALUE`;
    }
    if (!PARTS[name]) {
      return `${name} is not allowed (use ${Object.keys(PARTS).join(
        ', ',
      )}; the time of day comes from start)`;
    }
    if (seen.has(name)) return `${name} appears twice`;
    seen.add(name);
    if (!PARTS[name].test(value)) return `${name}=${value} is not valid`;
  }
  if (!seen.has('FREQ')) return 'FREQ is missing';
  if (seen.has('COUNT') && seen.has('UNTIL')) {
    return 'COUNT and UNTIL cannot both be given';
  }
  try {
    ruleOf(rrule, '2026-01-01', '00:00');
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}

function ruleOf(rrule: string, since: string, start: string): RRuleTemporal {
  // Occurrences are generated in UTC, where no local time is skipped or
  // repeated, and only then placed in the window's zone (see below).
  const dtstart = Temporal.ZonedDateTime.from(`${since}T${start}:00[UTC]`);
  return new RRuleTemporal({ rruleString: `RRULE:${rrule}`, dtstart });
}

/**
 * One occurrence of a recurring window, as epoch milliseconds.
 *
 * @public
 */
export type Occurrence = { start: number; end: number };

/**
 * The occurrences of a recurring local time that overlap `[from, to)`.
 *
 * The rule gives local dates and times; each is placed in `timezone` the
 * way Temporal's `compatible` disambiguation does (and RFC 5545 asks): a
 * local time skipped by a DST change moves forward by the gap, and a
 * repeated one takes the earlier offset. The result does not depend on the
 * process time zone. The window lasts `durationMs` of real time.
 *
 * @public
 */
export function occurrencesBetween(options: {
  rrule: string;
  /** Local start time HH:MM. */
  start: string;
  durationMs: number;
  timezone: string;
  /** The first day the rule applies (YYYY-MM-DD); it anchors INTERVAL. */
  since: string;
  from: number;
  to: number;
  limit: number;
}): Occurrence[] {
  const rule = ruleOf(options.rrule, options.since, options.start);
  // Local times lie within a day of UTC; widen the search, filter exactly.
  const day = 86_400_000;
  const candidates = rule.between(
    new Date(options.from - options.durationMs - 2 * day),
    new Date(options.to + 2 * day),
    true,
  );
  const occurrences: Occurrence[] = [];
  for (const candidate of candidates) {
    const local = candidate.toPlainDateTime();
    const placed = local.toZonedDateTime(options.timezone, {
      disambiguation: 'compatible',
    });
    const start = placed.epochMilliseconds;
    const end = start + options.durationMs;
    if (end > options.from && start < options.to) {
      occurrences.push({ start, end });
      if (occurrences.length >= options.limit) break;
    }
  }
  return occurrences;
}
