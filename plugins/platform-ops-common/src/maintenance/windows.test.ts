import { DateTime } from 'luxon';
import { parsePlatformOpsConfig } from '../config/readConfig';
import { checkWindowRule } from './recurrence';
import {
  currentAndNextWindow,
  environmentWindows,
  skewWarnings,
  windowOccurrences,
  WindowOccurrenceCache,
} from './windows';

/*
 * Every expectation here is a UTC instant, so the suite must pass whatever
 * the process time zone is: `npm test` runs it under TZ=UTC,
 * America/New_York and Asia/Kolkata.
 */

const DESIGN = {
  'prod-monthly': {
    rrule: 'FREQ=MONTHLY;BYDAY=2TU',
    start: '02:00',
    duration: '4h',
    timezone: 'Europe/Stockholm',
  },
  'staging-monthly': {
    rrule: 'FREQ=MONTHLY;BYDAY=1TU',
    start: '09:00',
    duration: '4h',
    timezone: 'Europe/Stockholm',
  },
};
function configWith(
  windows: Record<string, unknown>,
  environments?: unknown[],
) {
  const { config, problems } = parsePlatformOpsConfig({
    environments: environments ?? [
      { name: 'staging', maintenanceWindow: 'staging-monthly' },
      { name: 'production', maintenanceWindow: 'prod-monthly' },
    ],
    maintenance: { windows: { ...DESIGN, ...windows } },
  });
  if (!config) throw new Error(problems.map(p => p.message).join('\n'));
  return config;
}

const config = configWith(DESIGN);
const utc = (text: string) => DateTime.fromISO(text, { zone: 'utc' });

function starts(
  name: string,
  from: string,
  to: string,
  windows = config.maintenance.windows,
) {
  return windowOccurrences(name, windows[name], {
    from: utc(from),
    to: utc(to),
  }).map(o => o.start);
}

describe('windowOccurrences', () => {
  it('gives the production windows of November 2026 to March 2027 at the same UTC instants in any process time zone', () => {
    expect(
      starts('prod-monthly', '2026-11-01T00:00:00Z', '2027-04-01T00:00:00Z'),
    ).toEqual([
      '2026-11-10T01:00:00.000Z',
      '2026-12-08T01:00:00.000Z',
      '2027-01-12T01:00:00.000Z',
      '2027-02-09T01:00:00.000Z',
      '2027-03-09T01:00:00.000Z',
    ]);
  });

  it('follows the zone across the autumn change: 00:00Z in October, 01:00Z from November', () => {
    expect(
      starts('staging-monthly', '2026-10-01T00:00:00Z', '2026-12-01T00:00:00Z'),
    ).toEqual(['2026-10-06T07:00:00.000Z', '2026-11-03T08:00:00.000Z']);
    expect(
      starts('prod-monthly', '2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z'),
    ).toEqual(['2026-10-13T00:00:00.000Z']);
  });

  it('moves a local time that a DST change skips forward by the gap', () => {
    const windows = configWith({
      spring: {
        rrule: 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
        start: '02:30',
        duration: '1h',
        timezone: 'Europe/Stockholm',
      },
    }).maintenance.windows;
    // 02:30 does not exist on 2027-03-28 in Stockholm: it becomes 03:30 CEST.
    expect(
      starts('spring', '2027-01-01T00:00:00Z', '2028-01-01T00:00:00Z', windows),
    ).toEqual(['2027-03-28T01:30:00.000Z']);
  });

  it('gives a local time that a DST change repeats its earlier offset', () => {
    const windows = configWith({
      autumn: {
        rrule: 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
        start: '02:30',
        duration: '1h',
        timezone: 'Europe/Stockholm',
      },
      'new-york': {
        rrule: 'FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
        start: '01:30',
        duration: '1h',
        timezone: 'America/New_York',
      },
    }).maintenance.windows;
    expect(
      starts('autumn', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', windows),
    ).toEqual(['2026-10-25T00:30:00.000Z']);
    // 01:30 happens twice in New York on 2026-11-01; the earlier is -04:00.
    expect(
      starts(
        'new-york',
        '2026-01-01T00:00:00Z',
        '2027-01-01T00:00:00Z',
        windows,
      ),
    ).toEqual(['2026-11-01T05:30:00.000Z']);
  });

  it('includes a window that started before the range and is still open', () => {
    expect(
      starts('prod-monthly', '2026-11-10T03:00:00Z', '2026-11-11T00:00:00Z'),
    ).toEqual(['2026-11-10T01:00:00.000Z']);
  });

  it('gives at most 400 occurrences', () => {
    const windows = configWith({
      daily: {
        rrule: 'FREQ=DAILY',
        start: '01:00',
        duration: '1h',
        timezone: 'UTC',
      },
    }).maintenance.windows;
    expect(
      windowOccurrences('daily', windows.daily, {
        from: utc('2026-01-01T00:00:00Z'),
        to: utc('2028-01-01T00:00:00Z'),
      }),
    ).toHaveLength(400);
  });
});

describe('currentAndNextWindow', () => {
  it('says which window is in progress and which comes next', () => {
    const window = config.maintenance.windows['prod-monthly'];
    expect(
      currentAndNextWindow('prod-monthly', window, utc('2026-11-10T02:00:00Z')),
    ).toEqual({
      current: expect.objectContaining({
        start: '2026-11-10T01:00:00.000Z',
        end: '2026-11-10T05:00:00.000Z',
      }),
      next: expect.objectContaining({ start: '2026-12-08T01:00:00.000Z' }),
    });
    expect(
      currentAndNextWindow('prod-monthly', window, utc('2026-11-10T05:00:00Z'))
        .current,
    ).toBeUndefined();
  });
});

describe('skewWarnings', () => {
  it('has nothing to say when staging comes first every month', () => {
    expect(
      skewWarnings(environmentWindows(config), {
        from: utc('2026-11-01T00:00:00Z'),
        months: 12,
      }),
    ).toEqual([]);
  });

  it('names each month in which staging does not come before production', () => {
    const late = configWith({
      ...DESIGN,
      'staging-monthly': {
        ...DESIGN['staging-monthly'],
        rrule: 'FREQ=MONTHLY;BYDAY=3TU',
      },
    });
    const warnings = skewWarnings(environmentWindows(late), {
      from: utc('2026-11-01T00:00:00Z'),
      months: 2,
    });
    expect(warnings).toEqual([
      "In 2026-11, staging's window (2026-11-17 09:00 Europe/Stockholm) does not come before production's (2026-11-10 02:00 Europe/Stockholm)",
      "In 2026-12, staging's window (2026-12-15 09:00 Europe/Stockholm) does not come before production's (2026-12-08 02:00 Europe/Stockholm)",
    ]);
  });
});

describe('WindowOccurrenceCache', () => {
  const window = config.maintenance.windows['prod-monthly'];
  const late = configWith({
    'staging-monthly': {
      ...DESIGN['staging-monthly'],
      rrule: 'FREQ=MONTHLY;BYDAY=3TU',
    },
  });

  it('answers as the functions it stands for, once per window and moment', () => {
    const cache = new WindowOccurrenceCache();
    const now = utc('2026-11-10T02:00:00Z');
    const first = cache.currentAndNext('prod-monthly', window, now);
    expect(first).toEqual(currentAndNextWindow('prod-monthly', window, now));
    expect(cache.currentAndNext('prod-monthly', window, now)).toBe(first);
    const later = utc('2026-11-10T05:00:00Z');
    expect(cache.currentAndNext('prod-monthly', window, later)).toEqual(
      currentAndNextWindow('prod-monthly', window, later),
    );

    const range = { from: utc('2026-11-01T00:00:00Z'), months: 2 };
    const skew = cache.skew(environmentWindows(late), range);
    expect(skew).toEqual(skewWarnings(environmentWindows(late), range));
    expect(skew).toHaveLength(2);
    expect(cache.skew(environmentWindows(late), range)).toBe(skew);
  });

  it('tells apart windows of the same name from different configs', () => {
    const cache = new WindowOccurrenceCache();
    const range = { from: utc('2026-11-01T00:00:00Z'), months: 2 };
    expect(cache.skew(environmentWindows(late), range)).toHaveLength(2);
    expect(cache.skew(environmentWindows(config), range)).toEqual([]);
    const now = utc('2026-11-01T00:00:00Z');
    expect(
      cache.currentAndNext(
        'staging-monthly',
        late.maintenance.windows['staging-monthly'],
        now,
      ).next?.start,
    ).toBe('2026-11-17T08:00:00.000Z');
    expect(
      cache.currentAndNext(
        'staging-monthly',
        config.maintenance.windows['staging-monthly'],
        now,
      ).next?.start,
    ).toBe('2026-11-03T08:00:00.000Z');
  });
});

describe('checkWindowRule', () => {
  it.each([
    'FREQ=MONTHLY;BYDAY=2TU',
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH',
    'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=-1',
    'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  ])('accepts %s', rule => expect(checkWindowRule(rule)).toBeUndefined());

  it.each([
    ['FREQ=MONTHLY;FOO=1', 'FOO is not allowed'],
    ['FREQ=HOURLY', 'FREQ=HOURLY is not valid'],
    ['BYDAY=2TU', 'FREQ is missing'],
    ['FREQ=MONTHLY;BYDAY=9XX', 'BYDAY=9XX is not valid'],
    ['FREQ=MONTHLY;BYHOUR=2', 'BYHOUR is not allowed'],
    [
      'FREQ=MONTHLY;COUNT=2;UNTIL=20270101',
      'COUNT and UNTIL cannot both be given',
    ],
    ['FREQ=MONTHLY;;BYDAY=TU', 'is not NAME=VALUE'],
    ['FREQ=MONTHLY;BYDAY=2TU;BYDAY=1TU', 'BYDAY appears twice'],
  ])('rejects %s: %s', (rule, problem) => {
    expect(checkWindowRule(rule)).toContain(problem);
  });

  it('makes the config schema reject the whole rule, not only its FREQ= prefix', () => {
    const { problems } = parsePlatformOpsConfig({
      maintenance: {
        windows: {
          bad: {
            rrule: 'FREQ=MONTHLY;BYDAY=9XX',
            start: '02:00',
            duration: '4h',
            timezone: 'UTC',
          },
        },
      },
    });
    expect(problems.map(p => p.key)).toEqual([
      'platformOps.maintenance.windows.bad.rrule',
    ]);
  });
});
