import { Duration } from 'luxon';
import {
  DURATION_EXPECTATION,
  formatDuration,
  parseDuration,
} from './duration';

const KEY = 'platform-ops/backup-policy';

describe('parseDuration', () => {
  it.each([
    ['30s', { seconds: 30 }],
    ['90m', { minutes: 90 }],
    ['24h', { hours: 24 }],
    ['7d', { days: 7 }],
    ['2w', { weeks: 2 }],
    ['0d', { days: 0 }],
    [' 36h ', { hours: 36 }],
    ['999999s', { seconds: 999999 }],
  ])('parses %j in the unit written', (text, expected) => {
    const parsed = parseDuration(KEY, text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.value?.toObject()).toEqual(expected);
  });

  it.each([
    [''],
    ['   '],
    ['24'],
    ['h'],
    ['1.5h'],
    ['24H'],
    ['-1d'],
    ['+1d'],
    ['1y'],
    ['1 d'],
    ['24hours'],
    ['1d2h'],
    ['PT24H'],
    ['1000000s'],
  ])('reports %j as a problem naming the key', text => {
    expect(() => parseDuration(KEY, text)).not.toThrow();
    const parsed = parseDuration(KEY, text);
    expect(parsed.value).toBeUndefined();
    expect(parsed.problems).toEqual([
      {
        key: KEY,
        value: text,
        expected: DURATION_EXPECTATION,
        message: expect.stringContaining(KEY),
      },
    ]);
  });
});

describe('formatDuration', () => {
  it.each(['24h', '7d', '2w', '90m', '30s', '36h', '180d', '365d', '1s', '1m'])(
    'round trips %s',
    text => {
      expect(formatDuration(parseDuration('k', text).value!)).toBe(text);
    },
  );

  it.each(['14d', '48h', '60m', '3600s', '120s', '168h', '61s'])(
    'keeps the unit written for %s',
    text => {
      expect(formatDuration(parseDuration('k', text).value!)).toBe(text);
    },
  );

  it.each<[Record<string, number>, string]>([
    [{ hours: 1.5 }, '90m'],
    [{ days: 1, hours: 12 }, '36h'],
    [{ weeks: 1, days: 7 }, '2w'],
    [{ hours: 23, minutes: 60 }, '1d'],
    [{ minutes: 1, seconds: 30 }, '90s'],
    [{ hours: 1, seconds: 1 }, '3601s'],
  ])(
    'writes the mixed duration %j with the largest exact unit: %s',
    (object, expected) => {
      expect(formatDuration(Duration.fromObject(object))).toBe(expected);
    },
  );

  it('formats an ISO duration', () => {
    expect(formatDuration(Duration.fromISO('P1D'))).toBe('1d');
    expect(formatDuration(Duration.fromISO('PT36H'))).toBe('36h');
  });

  it.each([['0d'], ['0h'], ['0s']])(
    'formats the zero duration %s in the unit written',
    zero => {
      const text = formatDuration(parseDuration('k', zero).value!);
      expect(text).toBe(zero);
      expect(parseDuration('k', text).value?.as('seconds')).toBe(0);
      expect(formatDuration(Duration.fromObject({}))).toBe('0s');
    },
  );
});
