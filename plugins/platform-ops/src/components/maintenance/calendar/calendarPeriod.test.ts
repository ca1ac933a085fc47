import { DateTime } from 'luxon';
import { monthGrid, monthStart, periodOf } from './calendarPeriod';

const now = DateTime.fromISO('2026-11-22T12:00:00');

describe('monthGrid', () => {
  it('covers the month in whole weeks, Monday first', () => {
    const weeks = monthGrid(monthStart('2026-12', now));
    expect(weeks).toHaveLength(5);
    expect(weeks[0][0].toISODate()).toBe('2026-11-30');
    expect(weeks[4][6].toISODate()).toBe('2027-01-03');
    expect(weeks.map(week => week[0].weekday)).toEqual([1, 1, 1, 1, 1]);
  });

  it('needs four weeks for a February that starts on a Monday', () => {
    const weeks = monthGrid(monthStart('2027-02', now));
    expect(weeks).toHaveLength(4);
    expect(weeks[0][0].toISODate()).toBe('2027-02-01');
    expect(weeks[3][6].toISODate()).toBe('2027-02-28');
  });

  it('keeps each day at its start across a change of clock', () => {
    const days = monthGrid(monthStart('2027-03', now)).flat();
    expect(days.every(day => day.hour === 0 && day.minute === 0)).toBe(true);
    expect(new Set(days.map(day => day.toISODate())).size).toBe(days.length);
  });
});

describe('periodOf', () => {
  it("shows the grid's weeks for the month view, the current month by default", () => {
    const period = periodOf({ view: 'month' }, now);
    expect(period.title).toBe('November 2026');
    expect(period.from.toISODate()).toBe('2026-10-26');
    expect(period.to.toISODate()).toBe('2026-12-07');
  });

  it('lists a month, or the next 90 days without one', () => {
    const month = periodOf({ view: 'list', month: '2026-12' }, now);
    expect([month.from.toISODate(), month.to.toISODate()]).toEqual([
      '2026-12-01',
      '2027-01-01',
    ]);
    const upcoming = periodOf({ view: 'list' }, now);
    expect(upcoming.title).toBe('Next 90 days');
    expect(upcoming.from.toISO()).toBe(now.startOf('day').toISO());
    expect(upcoming.to.toISODate()).toBe('2027-02-20');
  });
});
