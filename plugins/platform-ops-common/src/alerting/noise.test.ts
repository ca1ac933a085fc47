import {
  AlertNoiseCount,
  alertNoiseWindow,
  buildAlertNoiseReview,
} from './noise';

const count = (overrides: Partial<AlertNoiseCount>): AlertNoiseCount => ({
  entityRef: 'component:default/ingress-nginx',
  environment: 'production',
  level: 'P1',
  fired: 1,
  silenced: 0,
  days: 1,
  weeks: 1,
  ...overrides,
});

describe('alertNoiseWindow', () => {
  it('covers 30 days up to today in five weeks, the oldest two days long', () => {
    expect(alertNoiseWindow('2026-11-30', 30)).toEqual({
      days: 30,
      since: '2026-11-01',
      until: '2026-11-30',
      weekStarts: [
        '2026-11-24',
        '2026-11-17',
        '2026-11-10',
        '2026-11-03',
        '2026-11-01',
      ],
      everyWeek: 4,
    });
  });

  it('covers 90 days in 13 weeks, 12 of them full', () => {
    const window = alertNoiseWindow('2026-11-30', 90);
    expect(window.since).toBe('2026-09-02');
    expect(window.weekStarts).toHaveLength(13);
    expect(window.weekStarts.at(-1)).toBe('2026-09-02');
    expect(window.everyWeek).toBe(12);
  });
});

describe('buildAlertNoiseReview', () => {
  const window = alertNoiseWindow('2026-11-30', 30);

  it('lists P1 first, then P2 and P3, each most often first', () => {
    const review = buildAlertNoiseReview(
      [
        count({ entityRef: 'component:default/a', level: 'P3', days: 20 }),
        count({ entityRef: 'component:default/b', level: 'P1', days: 2 }),
        count({ entityRef: 'component:default/c', level: 'P2', days: 9 }),
        count({ entityRef: 'component:default/d', level: 'P1', days: 7 }),
        count({
          entityRef: 'component:default/e',
          level: 'P1',
          days: 2,
          fired: 5,
        }),
      ],
      window,
    );
    expect(review.rows.map(row => [row.entityRef, row.level])).toEqual([
      ['component:default/d', 'P1'],
      ['component:default/e', 'P1'],
      ['component:default/b', 'P1'],
      ['component:default/c', 'P2'],
      ['component:default/a', 'P3'],
    ]);
    expect(review.frequentP1s.map(row => row.entityRef)).toEqual([
      'component:default/d',
      'component:default/e',
      'component:default/b',
    ]);
  });

  it('flags a P1 firing in every full week, and only a P1', () => {
    const review = buildAlertNoiseReview(
      [
        count({ entityRef: 'component:default/weekly', weeks: 4, days: 4 }),
        count({ entityRef: 'component:default/almost', weeks: 3, days: 9 }),
        count({ entityRef: 'component:default/p2', level: 'P2', weeks: 5 }),
      ],
      window,
    );
    const flagged = Object.fromEntries(
      review.rows.map(row => [row.entityRef, row.firesEveryWeek]),
    );
    expect(flagged).toEqual({
      'component:default/weekly': true,
      'component:default/almost': false,
      'component:default/p2': false,
    });
    expect(review.thresholds.everyWeek).toBe(4);
  });

  it('lists components whose alerts were more than half silenced, over all levels', () => {
    const review = buildAlertNoiseReview(
      [
        // 3 of 4 silenced over two levels: listed.
        count({ entityRef: 'component:default/a', fired: 2, silenced: 2 }),
        count({
          entityRef: 'component:default/a',
          level: 'P3',
          fired: 2,
          silenced: 1,
        }),
        // Exactly half: not "mostly".
        count({ entityRef: 'component:default/b', fired: 4, silenced: 2 }),
        // All silenced, but too few to be a pattern.
        count({ entityRef: 'component:default/c', fired: 2, silenced: 2 }),
        // Three of three, in staging only.
        count({
          entityRef: 'component:default/d',
          environment: 'staging',
          fired: 3,
          silenced: 3,
        }),
      ],
      window,
    );
    expect(review.mostlySilenced).toEqual([
      {
        entityRef: 'component:default/d',
        environment: 'staging',
        fired: 3,
        silenced: 3,
        silencedShare: 1,
        levels: ['P1'],
      },
      {
        entityRef: 'component:default/a',
        environment: 'production',
        fired: 4,
        silenced: 3,
        silencedShare: 0.75,
        levels: ['P1', 'P3'],
      },
    ]);
    expect(review.rows.find(row => row.level === 'P3')?.silencedShare).toBe(
      0.5,
    );
  });

  it('keeps one environment when asked, and says which', () => {
    const review = buildAlertNoiseReview(
      [count({}), count({ environment: 'staging' })],
      window,
      { environment: 'staging' },
    );
    expect(review.environment).toBe('staging');
    expect(review.rows.map(row => row.environment)).toEqual(['staging']);
  });

  it('is empty, not wrong, without history', () => {
    expect(buildAlertNoiseReview([], window)).toMatchObject({
      days: 30,
      since: '2026-11-01',
      until: '2026-11-30',
      rows: [],
      frequentP1s: [],
      mostlySilenced: [],
    });
  });
});
