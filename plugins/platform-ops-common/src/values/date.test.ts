import { DateTime } from 'luxon';
import { parsePastDate } from './date';

const KEY = 'platform-ops/audits';
const NOW = DateTime.fromISO('2026-11-22T12:00:00Z', { zone: 'utc' });

describe('parsePastDate', () => {
  it.each([
    ['2026-03-01', '2026-03-01T00:00:00.000Z'],
    ['2025-11-02', '2025-11-02T00:00:00.000Z'],
    [' 2024-02-29 ', '2024-02-29T00:00:00.000Z'],
    ['2026-11-22', '2026-11-22T00:00:00.000Z'],
  ])('parses %j as the start of that day in UTC', (text, iso) => {
    const parsed = parsePastDate(KEY, text, NOW);
    expect(parsed.problems).toEqual([]);
    expect(parsed.value?.toUTC().toISO()).toBe(iso);
  });

  it.each([['2026-11-23'], ['2027-01-01'], ['2999-12-31']])(
    'reports the future date %s',
    text => {
      const parsed = parsePastDate(KEY, text, NOW);
      expect(parsed.value).toBeUndefined();
      expect(parsed.problems).toHaveLength(1);
      expect(parsed.problems[0]).toMatchObject({ key: KEY, value: text });
      expect(parsed.problems[0].expected).toContain('not in the future');
      expect(parsed.problems[0].expected).toContain('2026-11-22');
      expect(parsed.problems[0].message).toContain(KEY);
    },
  );

  it('checks against the current time when no now is given', () => {
    expect(parsePastDate(KEY, '2999-01-01').problems).toHaveLength(1);
    expect(parsePastDate(KEY, '2000-01-01').problems).toEqual([]);
  });

  it.each([
    [''],
    ['2026-02-30'],
    ['2025-02-29'],
    ['2026-13-01'],
    ['2026-00-10'],
    ['26-03-01'],
    ['2026-3-1'],
    ['01/03/2026'],
    ['2026-03-01T00:00'],
    ['2026-03-01Z'],
    ['yesterday'],
  ])('reports the malformed date %j', text => {
    expect(() => parsePastDate(KEY, text, NOW)).not.toThrow();
    const parsed = parsePastDate(KEY, text, NOW);
    expect(parsed.value).toBeUndefined();
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        key: KEY,
        value: text,
        expected: expect.stringContaining('YYYY-MM-DD'),
        message: expect.stringContaining(KEY),
      }),
    ]);
  });
});
