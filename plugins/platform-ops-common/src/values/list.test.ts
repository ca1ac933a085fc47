import { parseKeyValueList, parseList } from './list';

const KEY = 'platform-ops/environments';

describe('parseList', () => {
  it.each([
    ['staging, production', ['staging', 'production']],
    ['  one  ', ['one']],
    ['a,b,c', ['a', 'b', 'c']],
  ])('splits %j', (text, expected) => {
    expect(parseList(KEY, text)).toEqual({ value: expected, problems: [] });
  });

  it.each([[''], ['   ']])('reports the empty list %j', text => {
    const parsed = parseList(KEY, text);
    expect(parsed.value).toBeUndefined();
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        key: KEY,
        value: text,
        expected: expect.stringContaining('at least one item'),
      }),
    ]);
  });

  it.each([
    ['a,,b', ['a', 'b']],
    ['a, b,', ['a', 'b']],
    [',a', ['a']],
    [',', []],
  ])('reports empty items in %j and keeps the others', (text, kept) => {
    const parsed = parseList(KEY, text);
    expect(parsed.value).toEqual(kept);
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        key: KEY,
        value: text,
        expected: expect.stringContaining('without empty items'),
      }),
    ]);
  });
});

describe('parseKeyValueList', () => {
  it('splits items on their first =', () => {
    expect(parseKeyValueList(KEY, 'a=1, b = 2, c=x=y')).toEqual({
      value: [
        ['a', '1'],
        ['b', '2'],
        ['c', 'x=y'],
      ],
      problems: [],
    });
  });

  it.each([['a'], ['a='], ['=1'], [' = ']])(
    'reports the item %j without name or value',
    item => {
      const parsed = parseKeyValueList(KEY, `ok=1, ${item}`);
      expect(parsed.value).toEqual([['ok', '1']]);
      expect(parsed.problems).toEqual([
        expect.objectContaining({
          key: KEY,
          value: item.trim(),
          expected: 'an item of the form name=value',
        }),
      ]);
    },
  );

  it('reports a duplicate key and keeps the first', () => {
    const parsed = parseKeyValueList(KEY, 'a=1, a=2');
    expect(parsed.value).toEqual([['a', '1']]);
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        key: KEY,
        value: 'a=2',
        expected: '"a" only once',
      }),
    ]);
  });

  it('reports an empty text', () => {
    expect(parseKeyValueList(KEY, '')).toEqual({
      value: undefined,
      problems: [expect.objectContaining({ key: KEY, value: '' })],
    });
  });
});
