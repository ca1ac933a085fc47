import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  parsePlatformOpsConfig,
  summarizeEntity,
} from '@platform-ops/plugin-platform-ops-common';
import express from 'express';
import { DateTime } from 'luxon';
import request from 'supertest';
import { IndexedEntity } from '../EntityIndex';
import { createBackupsRouter } from './createBackupsRouter';
import { DatabaseBackupReportStore } from './DatabaseBackupReportStore';
import { DatabaseDrillStore } from './DatabaseDrillStore';
import { BackupService } from './BackupService';
import { SnapshotStore } from '../SnapshotStore';

const NOW = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const { config } = parsePlatformOpsConfig({
  environments: [{ name: 'production' }, { name: 'staging' }],
});

function component(name: string, backupSource: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: {
        'platform-ops/scope': 'platform',
        'platform-ops/backup-source': backupSource,
      },
    },
    spec: { owner: 'group:default/platform-team' },
  };
}

const entities = [
  component('orders-db', 'push'),
  component('velero', 'velero:schedule=daily-platform'),
  component('secret-db', 'push'),
];
const indexed: IndexedEntity[] = entities.map(entity => {
  const summary = summarizeEntity(entity, config!, NOW);
  return {
    ref: summary.entity.ref,
    summary,
    candidate: {
      ref: summary.entity.ref,
      name: entity.metadata.name,
      tags: [],
      alertLabels: [],
    },
  };
});
// The caller may not read secret-db.
const hidden = 'component:default/secret-db';

const goodReport = {
  id: 'pg-dump-orders-20261128',
  entityRef: 'component:default/orders-db',
  environment: 'production',
  status: 'completed',
  startedAt: '2026-11-28T01:00:00Z',
  completedAt: '2026-11-28T01:20:00Z',
  sizeBytes: 123456,
  location: 's3://backups/orders/20261128.dump',
};

const goodDrill = {
  id: 'drill-orders-2026-11',
  entityRefs: ['component:default/orders-db'],
  environment: 'staging',
  date: '2026-11-20',
  scenario: 'Restore orders-db from the newest dump',
  ledBy: 'user:default/jane',
  measuredRto: '3h',
  outcome: 'succeeded',
  wentWell: 'The runbook was right',
  toImprove: 'Download took an hour',
  actionItems: ['Keep a copy of the newest dump in the cluster'],
};

/** Bodies that must each be refused with a 400, and store nothing. */
const badReports: Array<[string, unknown]> = [
  ['an array', [goodReport]],
  ['a string', 'completed'],
  ['null', null],
  ['an empty object', {}],
  ['an unknown field', { ...goodReport, sizeMB: 1 }],
  ...(['id', 'entityRef', 'environment', 'status', 'startedAt'] as const).map(
    (field): [string, unknown] => [
      `no ${field}`,
      { ...goodReport, [field]: undefined },
    ],
  ),
  ...(
    [
      'id',
      'entityRef',
      'environment',
      'status',
      'startedAt',
      'completedAt',
      'expiresAt',
      'location',
      'failureReason',
    ] as const
  ).flatMap(
    (field): Array<[string, unknown]> => [
      [`${field} a number`, { ...goodReport, [field]: 42 }],
      [`${field} an object`, { ...goodReport, [field]: { value: 'x' } }],
      [`${field} null`, { ...goodReport, [field]: null }],
    ],
  ),
  ['sizeBytes text', { ...goodReport, sizeBytes: '123' }],
  ['sizeBytes negative', { ...goodReport, sizeBytes: -1 }],
  ['sizeBytes fractional', { ...goodReport, sizeBytes: 1.5 }],
  ['id with a space', { ...goodReport, id: 'pg dump' }],
  ['id with a slash', { ...goodReport, id: '../etc/passwd' }],
  ['id too long', { ...goodReport, id: 'x'.repeat(129) }],
  ['entityRef without a kind', { ...goodReport, entityRef: 'orders-db' }],
  [
    'entityRef of a group',
    { ...goodReport, entityRef: 'group:default/platform-team' },
  ],
  [
    'entityRef with two slashes',
    { ...goodReport, entityRef: 'component:default/a/b' },
  ],
  ['an unknown environment', { ...goodReport, environment: 'qa' }],
  ['an environment with spaces', { ...goodReport, environment: 'prod uction' }],
  ['an unknown status', { ...goodReport, status: 'ok' }],
  ['status in capitals', { ...goodReport, status: 'Completed' }],
  [
    'startedAt without a zone',
    { ...goodReport, startedAt: '2026-11-28T01:00:00' },
  ],
  ['startedAt as a day', { ...goodReport, startedAt: '2026-11-28' }],
  [
    'completedAt before startedAt',
    { ...goodReport, completedAt: '2026-11-28T00:59:59Z' },
  ],
  ['completed without completedAt', { ...goodReport, completedAt: undefined }],
  ['location too long', { ...goodReport, location: 'x'.repeat(501) }],
  [
    'a component that is not pushed',
    { ...goodReport, entityRef: 'component:default/velero' },
  ],
  [
    'a component not in the catalog',
    { ...goodReport, entityRef: 'component:default/nowhere' },
  ],
];

describe('backups routes', () => {
  async function setUp(options: { allow?: boolean } = {}) {
    const knex = await databases.init('SQLITE_3');
    const database = mockServices.database({
      knex,
      migrations: { skip: false },
    });
    const drills = await DatabaseDrillStore.create({ database });
    const reports = await DatabaseBackupReportStore.create({ database });
    const snapshots = { list: async () => [] } as unknown as SnapshotStore;
    const backups = BackupService.create({
      snapshots,
      reports,
      drills,
      config: config!,
      clock: () => NOW,
    });
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(() => ({
          result:
            options.allow === false
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })),
    });
    const router = await createBackupsRouter({
      httpAuth: mockServices.httpAuth(),
      permissions,
      catalog: {
        getEntitiesByRefs: async ({ entityRefs }) => ({
          items: entityRefs.map(ref => {
            const entity = entities.find(
              candidate => stringifyEntityRef(candidate) === ref,
            );
            return entity && ref !== hidden ? entity : undefined;
          }),
        }),
      },
      index: {
        ensureLoaded: async () => {},
        list: () => indexed,
        get: ref => indexed.find(entry => entry.ref === ref),
      },
      backups,
      drills,
      reports,
      config: config!,
      clock: () => NOW,
    });
    const app = express().use(router).use(mockErrorHandler());
    return { app, knex, permissions };
  }

  it('stores a pushed report from a service token, idempotent by id', async () => {
    const { app, knex } = await setUp();
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await request(app)
        .post('/backup-reports')
        .set('Authorization', mockCredentials.service.header())
        .send(goodReport);
      expect(response.status).toBe(200);
    }
    const rows = await knex('platform_ops_backup_reports').select(
      'id',
      'received_from',
    );
    expect(rows).toEqual([
      { id: goodReport.id, received_from: 'service:external:test-service' },
    ]);
  });

  it.each(badReports)(
    'refuses a report with %s, naming the field, and stores nothing',
    async (_what, body) => {
      const { app, knex } = await setUp();
      const response = await request(app)
        .post('/backup-reports')
        .set('Authorization', mockCredentials.service.header())
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(body));
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/^Invalid body: \w+/);
      const [{ count }] = await knex('platform_ops_backup_reports').count({
        count: '*',
      });
      expect(Number(count)).toBe(0);
    },
  );

  it('has at least 50 malformed bodies to refuse', () => {
    expect(badReports.length).toBeGreaterThanOrEqual(50);
  });

  it('refuses a user without the permission with 403, and an anonymous request with 401', async () => {
    const { app, knex } = await setUp({ allow: false });
    const denied = await request(app).post('/backup-reports').send(goodReport);
    expect(denied.status).toBe(403);
    const anonymous = await request(app)
      .post('/backup-reports')
      .set('Authorization', mockCredentials.none.header())
      .send(goodReport);
    expect(anonymous.status).toBe(401);
    const drill = await request(app).post('/drills').send(goodDrill);
    expect(drill.status).toBe(403);
    expect(
      await knex('platform_ops_backup_reports').count({ count: '*' }),
    ).toEqual([{ count: 0 }]);
    expect(await knex('platform_ops_drills').count({ count: '*' })).toEqual([
      { count: 0 },
    ]);
  });

  it('records a drill once and lists it with the component overdue or not', async () => {
    const { app } = await setUp();
    const first = await request(app).post('/drills').send(goodDrill);
    expect(first.status).toBe(201);
    expect(first.body.drill).toMatchObject({
      ...goodDrill,
      recordedBy: 'user:default/mock',
    });
    const retried = await request(app).post('/drills').send(goodDrill);
    expect(retried.status).toBe(200);

    const listed = await request(app).get('/drills');
    expect(listed.status).toBe(200);
    expect(listed.body.drills.map((drill: { id: string }) => drill.id)).toEqual(
      [goodDrill.id],
    );
    expect(
      listed.body.components.map(
        (entry: { entity: { name: string }; state: string }) => [
          entry.entity.name,
          entry.state,
        ],
      ),
    ).toEqual([
      ['velero', 'missing'],
      ['orders-db', 'ok'],
    ]);

    const one = await request(app)
      .get('/drills')
      .query({ entity: 'component:default/velero' });
    expect(one.body).toEqual({
      drills: [],
      components: [expect.objectContaining({ state: 'missing' })],
    });
  });

  it('never names an entity the caller may not read', async () => {
    const { app } = await setUp();
    const recorded = await request(app)
      .post('/drills')
      .send({
        ...goodDrill,
        entityRefs: ['component:default/orders-db', hidden],
      });
    expect(recorded.status).toBe(400);
    expect(recorded.body.error.message).toContain(
      'entityRefs: no such entity in the catalog: component:default/secret-db',
    );
    const listed = await request(app).get('/drills').query({ entity: hidden });
    expect(listed.status).toBe(404);
  });

  it.each([
    ['entityRefs', { ...goodDrill, entityRefs: [] }],
    ['outcome', { ...goodDrill, outcome: 'great' }],
    ['date', { ...goodDrill, date: '2026-13-01' }],
    ['measuredRto', { ...goodDrill, measuredRto: '3 hours' }],
    ['environment', { ...goodDrill, environment: 'qa' }],
    ['scenario', { ...goodDrill, scenario: '' }],
  ])('refuses a drill with a bad %s', async (field, body) => {
    const { app } = await setUp();
    const response = await request(app).post('/drills').send(body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(`${field}:`);
  });

  it('refuses a bad drills query', async () => {
    const { app } = await setUp();
    expect(
      (await request(app).get('/drills').query({ entity: 'orders-db' })).status,
    ).toBe(400);
    expect(
      (await request(app).get('/drills').query({ other: 'x' })).status,
    ).toBe(400);
  });
});
