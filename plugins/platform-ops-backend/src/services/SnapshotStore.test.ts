import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import {
  LEGACY_MIGRATION,
  runLegacyMigration,
} from '../__testUtils__/legacyMigration';
import { SnapshotStore } from './SnapshotStore';
import { AlertHistoryStore } from './alerting/AlertHistoryStore';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

async function createStores(databaseId: TestDatabaseId, existing?: Knex) {
  const knex = existing ?? (await databases.init(databaseId));
  const database = mockServices.database({ knex, migrations: { skip: false } });
  return {
    knex,
    snapshots: await SnapshotStore.create({ database }),
    history: await AlertHistoryStore.create({ database }),
  };
}

describe('stores', () => {
  it('run on both PostgreSQL and SQLite', () => {
    expect(databases.eachSupportedId()).toEqual([
      ['POSTGRES_15'],
      ['SQLITE_3'],
    ]);
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('creates only its own table, unless migrations are skipped', async () => {
      const knex = await databases.init(databaseId);
      await SnapshotStore.create({
        database: mockServices.database({ knex, migrations: { skip: true } }),
      });
      expect(await knex.schema.hasTable('platform_ops_snapshots')).toBe(false);
      await SnapshotStore.create({
        database: mockServices.database({ knex, migrations: { skip: false } }),
      });
      expect(await knex.schema.hasTable('platform_ops_snapshots')).toBe(true);
      expect(await knex.schema.hasTable('platform_ops_alert_occurrences')).toBe(
        false,
      );
      expect(await knex.schema.hasTable('knex_migrations')).toBe(false);
    });

    it('starts on a database where the former shared migration ran, keeping its data', async () => {
      const knex = await databases.init(databaseId);
      await runLegacyMigration(knex);
      await knex('platform_ops_snapshots').insert({
        source_id: 'alertmanager:production',
        kind: 'alerts',
        environment: 'production',
        fetched_at: '2026-11-21T10:00:00.000Z',
        attempted_at: '2026-11-21T10:00:00.000Z',
        last_error: null,
        data: '[{"fingerprint":"a1"}]',
      });
      await knex('platform_ops_alert_occurrences').insert({
        day: '2026-11-21',
        entity_ref: 'component:default/ingress-nginx',
        environment: 'production',
        level: 'P1',
        fingerprint: 'a1',
      });

      // A restart of the new version on that database, twice.
      for (let start = 0; start < 2; start++) {
        const { snapshots, history } = await createStores(databaseId, knex);
        expect(await snapshots.list('alerts')).toEqual([
          expect.objectContaining({
            sourceId: 'alertmanager:production',
            data: [{ fingerprint: 'a1' }],
          }),
        ]);
        expect(
          await history.dailyCounts(
            'component:default/ingress-nginx',
            '2026-11-01',
          ),
        ).toEqual([
          {
            day: '2026-11-21',
            environment: 'production',
            level: 'P1',
            count: 1,
          },
        ]);
      }
      expect(await knex('knex_migrations').pluck('name')).toEqual([
        LEGACY_MIGRATION,
      ]);
      expect(
        await knex('platform_ops_snapshots__knex_migrations').pluck('name'),
      ).toEqual(['20261128000000_snapshots.js']);
      expect(
        await knex('platform_ops_alert_history__knex_migrations').pluck('name'),
      ).toEqual([
        '20261128000000_alert_occurrences.js',
        '20261201000000_alert_occurrence_states.js',
      ]);
    });

    it('keeps the last good data and its time when an attempt fails', async () => {
      const { snapshots } = await createStores(databaseId);
      await snapshots.recordSuccess({
        sourceId: 'alertmanager:production',
        kind: 'alerts',
        environment: 'production',
        at: '2026-11-22T10:00:00.000Z',
        data: [{ fingerprint: 'a1' }],
      });
      await snapshots.recordFailure({
        sourceId: 'alertmanager:production',
        kind: 'alerts',
        environment: 'production',
        at: '2026-11-22T10:00:30.000Z',
        error: 'connect ECONNREFUSED 127.0.0.1:9093',
      });
      expect(await snapshots.list('alerts')).toEqual([
        {
          sourceId: 'alertmanager:production',
          kind: 'alerts',
          environment: 'production',
          fetchedAt: '2026-11-22T10:00:00.000Z',
          attemptedAt: '2026-11-22T10:00:30.000Z',
          lastError: 'connect ECONNREFUSED 127.0.0.1:9093',
          data: [{ fingerprint: 'a1' }],
        },
      ]);
      await snapshots.recordSuccess({
        sourceId: 'alertmanager:production',
        kind: 'alerts',
        environment: 'production',
        at: '2026-11-22T10:01:00.000Z',
        data: [],
      });
      const [recovered] = await snapshots.list('alerts');
      expect(recovered).toMatchObject({
        fetchedAt: '2026-11-22T10:01:00.000Z',
        data: [],
      });
      expect(recovered.lastError).toBeUndefined();
    });

    it('records a source that never answered, with empty data', async () => {
      const { snapshots } = await createStores(databaseId);
      await snapshots.recordFailure({
        sourceId: 'alertmanager:staging',
        kind: 'alerts',
        environment: 'staging',
        at: '2026-11-22T10:00:00.000Z',
        error: 'timeout',
      });
      expect(await snapshots.list('alerts')).toEqual([
        expect.objectContaining({
          fetchedAt: undefined,
          lastError: 'timeout',
          data: [],
        }),
      ]);
      expect(await snapshots.list('backups')).toEqual([]);
    });

    it('lists the snapshots of a kind without their data, for checking whether any changed', async () => {
      const { snapshots } = await createStores(databaseId);
      expect(await snapshots.headers('alerts')).toEqual([]);
      await snapshots.recordSuccess({
        sourceId: 'alertmanager:production',
        kind: 'alerts',
        environment: 'production',
        at: '2026-11-21T10:00:00.000Z',
        data: [{ fingerprint: 'a' }],
      });
      await snapshots.recordFailure({
        sourceId: 'velero:production',
        kind: 'backups',
        environment: 'production',
        at: '2026-11-21T10:00:01.000Z',
        error: 'connect ECONNREFUSED',
      });
      expect(await snapshots.headers('alerts')).toEqual([
        {
          sourceId: 'alertmanager:production',
          kind: 'alerts',
          environment: 'production',
          fetchedAt: '2026-11-21T10:00:00.000Z',
          attemptedAt: '2026-11-21T10:00:00.000Z',
        },
      ]);
      await snapshots.recordFailure({
        sourceId: 'alertmanager:production',
        kind: 'alerts',
        environment: 'production',
        at: '2026-11-21T10:00:30.000Z',
        error: 'timeout',
      });
      expect(await snapshots.headers('alerts')).toEqual([
        expect.objectContaining({
          fetchedAt: '2026-11-21T10:00:00.000Z',
          attemptedAt: '2026-11-21T10:00:30.000Z',
          lastError: 'timeout',
        }),
      ]);
      expect(await snapshots.headers('backups')).toEqual([
        expect.objectContaining({
          sourceId: 'velero:production',
          fetchedAt: undefined,
          lastError: 'connect ECONNREFUSED',
        }),
      ]);
    });
  });
});
