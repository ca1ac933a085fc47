import { parseEnvironmentMap } from './environmentMap';
import { parseAlertLevel } from './level';

const KEY = 'platform-ops/alert-levels';

describe('parseEnvironmentMap', () => {
  it('parses each value per environment', () => {
    expect(
      parseEnvironmentMap(KEY, 'production=P1, staging=p2', parseAlertLevel),
    ).toEqual({
      value: { production: 'P1', staging: 'P2' },
      problems: [],
    });
  });

  it('keeps good entries next to bad ones', () => {
    const parsed = parseEnvironmentMap(
      KEY,
      'production=P1, Staging=P2, qa=P9',
      parseAlertLevel,
    );
    expect(parsed.value).toEqual({ production: 'P1' });
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        key: KEY,
        value: 'Staging=P2',
        expected: expect.stringContaining('environment'),
      }),
      expect.objectContaining({ key: KEY, value: 'P9' }),
    ]);
  });

  it('reports an empty text without a value', () => {
    const parsed = parseEnvironmentMap(KEY, ' ', parseAlertLevel);
    expect(parsed.value).toBeUndefined();
    expect(parsed.problems).toHaveLength(1);
  });
});
