import { calendarParamsOf, withCalendarParams } from './calendarSearch';

describe('calendarParamsOf', () => {
  it('reads every parameter, completing a bare owner to a group ref', () => {
    expect(
      calendarParamsOf(
        new URLSearchParams(
          'view=list&month=2026-12&environment=production&owner=platform-team&change=abc12345',
        ),
      ),
    ).toEqual({
      view: 'list',
      month: '2026-12',
      environment: 'production',
      owner: 'group:default/platform-team',
      change: 'abc12345',
    });
  });

  it('shows the current month in the month view for what it does not understand', () => {
    for (const month of ['2026-13', 'December', '2026-1', '']) {
      expect(
        calendarParamsOf(new URLSearchParams({ month, view: 'week' })),
      ).toEqual({ view: 'month' });
    }
  });
});

describe('withCalendarParams', () => {
  it('sets and removes parameters and keeps the others', () => {
    const next = withCalendarParams(
      new URLSearchParams('month=2026-12&environment=staging&change=x'),
      { environment: 'production', change: undefined, view: 'list' },
    );
    expect(next.toString()).toBe(
      'month=2026-12&environment=production&view=list',
    );
  });
});
