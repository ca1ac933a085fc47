import {
  EndOfLifeStatus,
  Release,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { Judgement } from '../shared/StatusLine';

/** Whole days from today (UTC) to a YYYY-MM-DD day. */
function daysUntil(day: string, now: DateTime): number {
  const end = DateTime.fromISO(day, { zone: 'utc' });
  return Math.ceil(end.diff(now.toUTC().startOf('day'), 'days').days);
}

/**
 * A release against its end of life: "Supported: end of life 2027-11-11",
 * "End of life in 42 days (2027-01-09)", "Past end of life since
 * 2025-10-28" or "No end-of-life data for redis@7". Nothing to say without
 * a release.
 */
export function describeEndOfLife(
  release: Release | undefined,
  endOfLife: EndOfLifeStatus | undefined,
  now: DateTime = DateTime.now(),
): Judgement | undefined {
  if (!release) return undefined;
  const name = `${release.product}@${release.cycle}`;
  if (!endOfLife?.eol || endOfLife.state === 'unknown') {
    return { status: 'warning', text: `No end-of-life data for ${name}` };
  }
  const { eol } = endOfLife;
  switch (endOfLife.state) {
    case 'eol':
      return { status: 'error', text: `Past end of life since ${eol}` };
    case 'eol-soon': {
      const days = daysUntil(eol, now);
      return {
        status: 'warning',
        text: `End of life in ${days} day${days === 1 ? '' : 's'} (${eol})`,
      };
    }
    default:
      return { status: 'ok', text: `Supported: end of life ${eol}` };
  }
}
