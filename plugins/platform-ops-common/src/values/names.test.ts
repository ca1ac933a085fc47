import { isValidName, NAME_EXPECTATION, parseName } from './names';

describe('isValidName', () => {
  it.each(['production', 'it-systems', 'a', '1', 'prod-2', 'a'.repeat(63)])(
    'accepts %s',
    text => {
      expect(isValidName(text)).toBe(true);
    },
  );

  it.each([
    '',
    'Production',
    'it_systems',
    '-a',
    'a-',
    'a b',
    'a.b',
    'a'.repeat(64),
    'ä',
  ])('rejects %j', text => {
    expect(isValidName(text)).toBe(false);
  });
});

describe('parseName', () => {
  it('trims and returns the name', () => {
    expect(parseName('k', '  staging ')).toEqual({
      value: 'staging',
      problems: [],
    });
  });

  it('reports a bad name with the text as written', () => {
    expect(parseName('k', ' Staging ')).toEqual({
      value: undefined,
      problems: [
        {
          key: 'k',
          value: ' Staging ',
          expected: NAME_EXPECTATION,
          message: expect.stringContaining('k: " Staging "'),
        },
      ],
    });
  });
});
