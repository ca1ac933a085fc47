import { DateTime } from 'luxon';
import { CalendarParams } from './calendarSearch';

/** How far ahead the list looks when no month is asked for. */
export const UPCOMING_DAYS = 90;

/** Day and month names stay English, as the rest of the plugin's text. */
const LOCALE = 'en-GB';

/**
 * The stretch of time the calendar shows, in the viewer's zone: `from`
 * included, `to` excluded.
 */
export type CalendarPeriod = {
  from: DateTime;
  to: DateTime;
  /** "December 2026", or "Next 90 days" for the list without a month. */
  title: string;
  /** The first day of the month shown or moved from. */
  month: DateTime;
};

/** The first moment of a `yyyy-MM` month in the viewer's zone, or of `now`'s. */
export function monthStart(month: string | undefined, now: DateTime): DateTime {
  const start = month
    ? DateTime.fromFormat(month, 'yyyy-MM', { zone: 'local' })
    : now.toLocal();
  return start.startOf('month');
}

/** `2026-12`, as the `month` parameter writes it. */
export function monthKey(month: DateTime): string {
  return month.toFormat('yyyy-MM');
}

/**
 * The weeks that hold a month, Monday first: each week seven days, each
 * day the first moment of it in the viewer's zone. Days of the months
 * before and after fill the first and last weeks.
 */
export function monthGrid(month: DateTime): DateTime[][] {
  const first = month.startOf('month');
  const start = first.minus({ days: first.weekday - 1 });
  const last = first.endOf('month');
  const weeks: DateTime[][] = [];
  for (let week = start; week <= last; week = week.plus({ weeks: 1 })) {
    weeks.push(
      Array.from({ length: 7 }, (_, index) =>
        week.plus({ days: index }).startOf('day'),
      ),
    );
  }
  return weeks;
}

/**
 * What the calendar shows: the weeks of the month for the month view; for
 * the list, the month when one is asked for, otherwise the next
 * {@link UPCOMING_DAYS} days from the start of today.
 */
export function periodOf(
  params: Pick<CalendarParams, 'view' | 'month'>,
  now: DateTime,
): CalendarPeriod {
  const month = monthStart(params.month, now);
  const title = month.setLocale(LOCALE).toFormat('LLLL yyyy');
  if (params.view === 'month') {
    const weeks = monthGrid(month);
    return {
      from: weeks[0][0],
      to: weeks[weeks.length - 1][6].plus({ days: 1 }),
      title,
      month,
    };
  }
  if (params.month) {
    return { from: month, to: month.plus({ months: 1 }), title, month };
  }
  const today = now.toLocal().startOf('day');
  return {
    from: today,
    to: today.plus({ days: UPCOMING_DAYS }),
    title: `Next ${UPCOMING_DAYS} days`,
    month,
  };
}
