import { AlertMatcher, matcherAccepts, parseAlertMatchers } from './matchers';
import { MatcherIndex } from './matcherIndex';

const set = (text: string): AlertMatcher[] => {
  const parsed = parseAlertMatchers(text);
  expect(parsed.problems).toEqual([]);
  return parsed.value!;
};

describe('MatcherIndex', () => {
  const index = MatcherIndex.build([
    {
      id: 'ingress',
      matchers: set('{namespace="ingress-nginx", app="ingress-nginx"}'),
    },
    {
      id: 'orders-db',
      matchers: set('{namespace="orders", app=~"postgres.*"}'),
    },
    {
      id: 'checkout',
      matchers: set('{namespace="orders", app!~"postgres.*"}'),
    },
    { id: 'thanos', matchers: set('{app=~"thanos-(query|store)"}') },
  ]);

  it('finds the component whose equality matchers an alert carries', () => {
    expect(
      index.match({
        alertname: 'Down',
        namespace: 'ingress-nginx',
        app: 'ingress-nginx',
      }),
    ).toEqual(['ingress']);
  });

  it('checks every matcher of a candidate, not just the indexed one', () => {
    expect(index.match({ namespace: 'ingress-nginx', app: 'other' })).toEqual(
      [],
    );
    expect(index.match({ namespace: 'orders', app: 'postgresql' })).toEqual([
      'orders-db',
    ]);
    expect(index.match({ namespace: 'orders', app: 'checkout' })).toEqual([
      'checkout',
    ]);
  });

  it('scans regex-only sets for every alert', () => {
    expect(index.scannedCount).toBe(1);
    expect(index.match({ app: 'thanos-query' })).toEqual(['thanos']);
    expect(index.match({ app: 'thanos-compactor' })).toEqual([]);
  });

  it('agrees with testing every set against every alert', () => {
    const values = ['a', 'b', 'c', ''];
    const names = ['namespace', 'app', 'team'];
    const ops = ['=', '!=', '=~', '!~'] as const;
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const entries = Array.from({ length: 300 }, (_, i) => {
      const matchers: AlertMatcher[] = [
        { name: names[random(3)], operator: '=', value: values[random(3)] },
      ];
      for (let k = random(3); k > 0; k--) {
        const operator = ops[random(4)];
        matchers.push({
          name: names[random(3)],
          operator,
          value: operator.includes('~')
            ? `${values[random(3)]}.*`
            : values[random(4)],
        });
      }
      if (random(5) === 0)
        matchers[0] = { name: 'app', operator: '=~', value: '(a|b)' };
      return { id: `e${i}`, matchers };
    });
    const built = MatcherIndex.build(entries);
    for (let n = 0; n < 500; n++) {
      const labels: Record<string, string> = {};
      for (const name of names)
        if (random(4) > 0) labels[name] = values[random(3)];
      const expected = entries
        .filter(entry =>
          entry.matchers.every(m => matcherAccepts(m, labels[m.name])),
        )
        .map(entry => entry.id)
        .sort();
      expect(built.match(labels).sort()).toEqual(expected);
    }
  });
});
