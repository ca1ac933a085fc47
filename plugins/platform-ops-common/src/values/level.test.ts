import { ALERT_LEVELS, isAlertLevel, parseAlertLevel } from './level';

describe('levels', () => {
  it('orders the levels most urgent first', () => {
    expect(ALERT_LEVELS).toEqual(['P1', 'P2', 'P3']);
  });

  it('recognizes exact upper-case levels only', () => {
    expect(ALERT_LEVELS.every(isAlertLevel)).toBe(true);
    expect(isAlertLevel('p1')).toBe(false);
    expect(isAlertLevel('P4')).toBe(false);
    expect(isAlertLevel('P0')).toBe(false);
    expect(isAlertLevel(' P1')).toBe(false);
  });

  it.each([
    ['P1', 'P1'],
    ['p2', 'P2'],
    [' P3 ', 'P3'],
  ])('parses %j as %s', (text, level) => {
    expect(parseAlertLevel('k', text)).toEqual({ value: level, problems: [] });
  });

  it.each([[''], ['P4'], ['P0'], ['1'], ['high'], ['P 1'], ['P1!']])(
    'reports %j',
    text => {
      expect(parseAlertLevel('k', text)).toEqual({
        value: undefined,
        problems: [
          expect.objectContaining({
            key: 'k',
            value: text,
            expected: 'one of P1, P2, P3',
          }),
        ],
      });
    },
  );
});
