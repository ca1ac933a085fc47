import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Drill } from '@platform-ops/plugin-platform-ops-common';
import { DatabaseBackupReportStore } from './DatabaseBackupReportStore';
import { DatabaseDrillStore } from './DatabaseDrillStore';
import { StoredBackupReport } from './BackupReportStore';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

async function createStores(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const database = mockServices.database({ knex, migrations: { skip: false } });
  return {
    knex,
    drills: await DatabaseDrillStore.create({ database }),
    reports: await DatabaseBackupReportStore.create({ database }),
  };
}

function drill(id: string, extra: Partial<Drill> = {}): Drill {
  return {
    id,
    entityRefs: ['component:default/postgresql-orders'],
    environment: 'staging',
    date: '2026-10-01',
    scenario: 'Restore the orders database from last night’s backup',
    ledBy: 'user:default/jane',
    measuredRto: '3h',
    outcome: 'succeeded',
    wentWell: 'The runbook was right',
    toImprove: 'Restoring the PVC took longest',
    actionItems: ['Script the PVC restore'],
    recordedBy: 'user:default/jane',
    recordedAt: '2026-10-01T15:00:00.000Z',
    ...extra,
  };
}

function report(
  id: string,
  extra: Partial<StoredBackupReport> = {},
): StoredBackupReport {
  return {
    id,
    entityRef: 'component:default/postgresql-orders',
    environment: 'production',
    status: 'completed',
    startedAt: '2026-11-28T01:00:00Z',
    completedAt: '2026-11-28T01:20:00Z',
    sizeBytes: 5_000_000_000,
    receivedAt: '2026-11-28T01:20:05.000Z',
    receivedFrom: 'external:pg-dump-cronjob',
    ...extra,
  };
}

describe('backup stores', () => {
  it('run on both PostgreSQL and SQLite', () => {
    expect(databases.eachSupportedId()).toEqual([
      ['POSTGRES_15'],
      ['SQLITE_3'],
    ]);
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('records a drill with every field and lists it by entity, newest first', async () => {
      const { drills } = await createStores(databaseId);
      await drills.record(
        drill('drill-0000001', {
          date: '2026-03-01',
          entityRefs: ['component:default/velero'],
        }),
      );
      const second = drill('drill-0000002', {
        entityRefs: [
          'component:default/postgresql-orders',
          'component:default/velero',
        ],
      });
      expect(await drills.record(second)).toEqual({
        drill: second,
        created: true,
      });
      expect(
        await drills.list({ entityRef: 'component:default/velero' }),
      ).toEqual([second, expect.objectContaining({ id: 'drill-0000001' })]);
      expect(
        (
          await drills.list({
            entityRef: 'component:default/postgresql-orders',
          })
        ).map(d => d.id),
      ).toEqual(['drill-0000002']);
      expect((await drills.list()).map(d => d.id)).toEqual([
        'drill-0000002',
        'drill-0000001',
      ]);
    });

    it('keeps the first drill when the same id is recorded again', async () => {
      const { drills } = await createStores(databaseId);
      const first = drill('drill-retried');
      await drills.record(first);
      const again = await drills.record({
        ...first,
        scenario: 'changed on retry',
      });
      expect(again).toEqual({ drill: first, created: false });
      expect(await drills.list()).toEqual([first]);
    });

    it('stores 100 concurrent drill writes exactly once each', async () => {
      const { drills, knex } = await createStores(databaseId);
      const writes = Array.from({ length: 100 }, (_, i) =>
        drill(`drill-concurrent-${String(i).padStart(3, '0')}`),
      );
      // Every write is sent twice at once: none lost, none doubled.
      const results = await Promise.all(
        [...writes, ...writes].map(entry => drills.record(entry)),
      );
      expect(results.filter(result => result.created)).toHaveLength(100);
      const [{ count }] = await knex('platform_ops_drills').count({
        count: '*',
      });
      expect(Number(count)).toBe(100);
      const [{ links }] = await knex('platform_ops_drill_entities').count({
        links: '*',
      });
      expect(Number(links)).toBe(100);
    });

    it('replaces a report by id: an in-progress report becomes completed, never a second row', async () => {
      const { reports } = await createStores(databaseId);
      await reports.record(
        report('pg-dump-1', { status: 'in-progress', completedAt: undefined }),
      );
      await reports.record(report('pg-dump-1'));
      const listed = await reports.list({
        entityRef: 'component:default/postgresql-orders',
        environment: 'production',
      });
      expect(listed).toEqual([report('pg-dump-1')]);
    });

    it('stores 100 concurrent pushes exactly once each', async () => {
      const { reports, knex } = await createStores(databaseId);
      const pushes = Array.from({ length: 100 }, (_, i) =>
        report(`pg-dump-${i}`, {
          startedAt: `2026-11-${String(1 + (i % 28)).padStart(
            2,
            '0',
          )}T01:00:00Z`,
        }),
      );
      await Promise.all(
        [...pushes, ...pushes].map(entry => reports.record(entry)),
      );
      const [{ count }] = await knex('platform_ops_backup_reports').count({
        count: '*',
      });
      expect(Number(count)).toBe(100);
      const listed = await reports.list({
        entityRef: 'component:default/postgresql-orders',
        environment: 'production',
      });
      expect(listed).toHaveLength(100);
      expect(listed[0].startedAt >= listed[99].startedAt).toBe(true);
    });

    it('says when a drill or report was recorded, through any store on the database', async () => {
      const { knex, drills, reports } = await createStores(databaseId);
      const database = mockServices.database({ knex });
      const other = {
        drills: await DatabaseDrillStore.create({ database }),
        reports: await DatabaseBackupReportStore.create({ database }),
      };
      const before = [await drills.version(), await reports.version()];
      expect([await drills.version(), await reports.version()]).toEqual(before);
      await other.drills.record(drill('drill-version-1'));
      expect(await drills.version()).not.toBe(before[0]);
      expect(await reports.version()).toBe(before[1]);
      // The same id again changes nothing.
      const recorded = await drills.version();
      await other.drills.record(drill('drill-version-1'));
      expect(await drills.version()).toBe(recorded);

      await other.reports.record(
        report('report-version-1', { status: 'in-progress' }),
      );
      const inProgress = await reports.version();
      expect(inProgress).not.toBe(before[1]);
      // Completed later under the same id: one row, received again.
      await other.reports.record(
        report('report-version-1', { receivedAt: '2026-11-28T01:25:00.000Z' }),
      );
      expect(await reports.version()).not.toBe(inProgress);
    });
  });
});
