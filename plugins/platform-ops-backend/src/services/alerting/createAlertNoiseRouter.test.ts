import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AlertNoiseResponse,
  parsePlatformOpsConfig,
  SourceStatus,
} from '@platform-ops/plugin-platform-ops-common';
import express from 'express';
import { DateTime } from 'luxon';
import request from 'supertest';
import { AlertHistoryStore, AlertOccurrence } from './AlertHistoryStore';
import { createAlertNoiseRouter } from './createAlertNoiseRouter';

const NOW = DateTime.fromISO('2026-11-30T12:00:00Z', { zone: 'utc' });
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const { config } = parsePlatformOpsConfig({
  environments: [{ name: 'production' }, { name: 'staging' }],
});

const INGRESS = 'component:default/ingress-nginx';
const ORDERS = 'component:default/orders-db';
const SECRET = 'component:default/secret-db';

/** One alert on each of `days`, as the poller records it. */
function fired(
  entityRef: string,
  days: string[],
  overrides: Partial<AlertOccurrence> = {},
): AlertOccurrence[] {
  return days.map(day => ({
    day,
    entityRef,
    environment: 'production',
    level: 'P1',
    fingerprint: 'f1',
    active: !overrides.silenced,
    ...overrides,
  }));
}

const sources = jest.fn(
  async (): Promise<SourceStatus[]> => [
    {
      id: 'alertmanager:production',
      type: 'alertmanager',
      environment: 'production',
      state: 'ok',
      items: 4,
      fetchedAt: '2026-11-30T11:59:00.000Z',
    },
    {
      id: 'alertmanager:staging',
      type: 'alertmanager',
      environment: 'staging',
      state: 'stale',
      items: 0,
      fetchedAt: '2026-11-29T08:00:00.000Z',
    },
  ],
);

describe('GET /alerts/noise', () => {
  let app: express.Express;
  const getEntitiesByRefs = jest.fn<
    ReturnType<CatalogService['getEntitiesByRefs']>,
    Parameters<CatalogService['getEntitiesByRefs']>
  >();
  /** The caller may read every component but secret-db. */
  const visibleToCaller = new Set([INGRESS, ORDERS]);

  beforeAll(async () => {
    const knex = await databases.init('SQLITE_3');
    const history = await AlertHistoryStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    await history.record([
      // ingress-nginx: a P1 in every week of November, twice on the 23rd.
      ...fired(INGRESS, [
        '2026-11-02',
        '2026-11-09',
        '2026-11-16',
        '2026-11-23',
        '2026-11-30',
      ]),
      ...fired(INGRESS, ['2026-11-23'], { fingerprint: 'f2' }),
      // ...and a P2 in staging.
      ...fired(INGRESS, ['2026-11-29'], {
        environment: 'staging',
        level: 'P2',
      }),
      // orders-db: a P1 on two days, and P3s silenced on four of five.
      ...fired(ORDERS, ['2026-11-20', '2026-11-21']),
      ...fired(
        ORDERS,
        ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'],
        {
          level: 'P3',
          fingerprint: 'f3',
          silenced: true,
        },
      ),
      ...fired(ORDERS, ['2026-11-28'], { level: 'P3', fingerprint: 'f3' }),
      // secret-db fires the most, but the caller may not read it.
      ...fired(SECRET, [
        '2026-11-03',
        '2026-11-04',
        '2026-11-10',
        '2026-11-17',
        '2026-11-24',
        '2026-11-25',
      ]),
      // In the 90 days, not in the 30.
      ...fired(ORDERS, ['2026-09-15', '2026-10-01']),
    ]);
    getEntitiesByRefs.mockImplementation(async ({ entityRefs }) => ({
      items: entityRefs.map(ref =>
        visibleToCaller.has(ref)
          ? {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: { name: ref.split('/')[1] },
            }
          : undefined,
      ),
    }));
    const router = await createAlertNoiseRouter({
      httpAuth: mockServices.httpAuth(),
      catalog: { getEntitiesByRefs },
      history,
      alerts: { sources },
      config: config!,
      clock: () => NOW,
    });
    app = express().use(router).use(mockErrorHandler());
  });

  beforeEach(() => getEntitiesByRefs.mockClear());

  async function noise(query: string): Promise<AlertNoiseResponse> {
    const response = await request(app).get(`/alerts/noise${query}`);
    expect(response.status).toBe(200);
    return response.body;
  }

  it('counts the last 30 days per component, level and environment', async () => {
    const review = await noise('');
    expect(review).toMatchObject({
      days: 30,
      since: '2026-11-01',
      until: '2026-11-30',
      thresholds: {
        everyWeek: 4,
        mostlySilencedShare: 0.5,
        mostlySilencedMinimum: 3,
      },
      recordedAt: '2026-11-30T11:59:00.000Z',
      historySince: '2026-09-15',
      environments: ['production', 'staging'],
    });
    expect(
      review.rows.map(row => [
        row.entityRef,
        row.environment,
        row.level,
        row.fired,
        row.days,
        row.weeks,
        row.silenced,
      ]),
    ).toEqual([
      [INGRESS, 'production', 'P1', 6, 5, 5, 0],
      [ORDERS, 'production', 'P1', 2, 2, 1, 0],
      [INGRESS, 'staging', 'P2', 1, 1, 1, 0],
      [ORDERS, 'production', 'P3', 5, 5, 1, 4],
    ]);
  });

  it('lists the P1 that fired most often first, flagged as firing every week', async () => {
    const review = await noise('?days=30');
    expect(
      review.frequentP1s.map(row => [row.entityRef, row.firesEveryWeek]),
    ).toEqual([
      [INGRESS, true],
      [ORDERS, false],
    ]);
  });

  it('lists the components whose alerts were mostly silenced', async () => {
    const review = await noise('?days=30');
    expect(review.mostlySilenced).toEqual([
      {
        entityRef: ORDERS,
        environment: 'production',
        fired: 7,
        silenced: 4,
        silencedShare: 4 / 7,
        levels: ['P1', 'P3'],
      },
    ]);
  });

  it('leaves out components the caller may not read, asking the catalog once with their credentials', async () => {
    const review = await noise('?days=30');
    expect(review.rows.map(row => row.entityRef)).not.toContain(SECRET);
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(1);
    expect(getEntitiesByRefs).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRefs: expect.arrayContaining([INGRESS, ORDERS, SECRET]),
      }),
      { credentials: mockCredentials.user() },
    );
  });

  it('looks back 90 days, where the weekly flag needs 12 weeks', async () => {
    const review = await noise('?days=90');
    expect(review).toMatchObject({ since: '2026-09-02', days: 90 });
    expect(review.thresholds.everyWeek).toBe(12);
    const ordersP1 = review.rows.find(
      row => row.entityRef === ORDERS && row.level === 'P1',
    );
    expect(ordersP1).toMatchObject({ fired: 4, days: 4, weeks: 3 });
    expect(review.frequentP1s.every(row => !row.firesEveryWeek)).toBe(true);
  });

  it('keeps one environment, with that environment’s last poll', async () => {
    const review = await noise('?environment=staging');
    expect(review.environment).toBe('staging');
    expect(review.rows.map(row => [row.entityRef, row.level])).toEqual([
      [INGRESS, 'P2'],
    ]);
    expect(review.recordedAt).toBe('2026-11-29T08:00:00.000Z');
  });

  it.each([
    ['?days=7', 'Invalid query: days: must be 30 or 90'],
    [
      '?days=30&days=90',
      'Invalid query: days: must be given once, as 30 or 90',
    ],
    [
      '?environment=qa',
      'Invalid query: environment: must be one of production, staging',
    ],
    [
      '?env=production',
      "Invalid query: query: Unrecognized key(s) in object: 'env'",
    ],
  ])('answers 400 naming the field for %s', async (query, message) => {
    const response = await request(app).get(`/alerts/noise${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ name: 'InputError', message });
    expect(getEntitiesByRefs).not.toHaveBeenCalled();
  });

  it('rejects a caller without credentials', async () => {
    const router = await createAlertNoiseRouter({
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.none(),
      }),
      catalog: { getEntitiesByRefs },
      history: {
        noiseCounts: jest.fn(),
        oldestDay: jest.fn(),
      },
      alerts: { sources },
      config: config!,
    });
    const response = await request(
      express().use(router).use(mockErrorHandler()),
    ).get('/alerts/noise');
    expect(response.status).toBe(401);
  });

  it('answers a service caller too', async () => {
    const router = await createAlertNoiseRouter({
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.service(),
      }),
      catalog: { getEntitiesByRefs },
      history: {
        noiseCounts: jest.fn(async () => []),
        oldestDay: jest.fn(async () => undefined),
      },
      alerts: { sources: async () => [] },
      config: config!,
      clock: () => NOW,
    });
    const response = await request(
      express().use(router).use(mockErrorHandler()),
    ).get('/alerts/noise?days=90');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ rows: [], days: 90 });
    expect(response.body.recordedAt).toBeUndefined();
  });
});
