import { TestDatabaseId, TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { SnapshotStore } from './SnapshotStore';
import { AlertHistoryStore } from './alerting/AlertHistoryStore';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

async function createStores(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const database = mockServices.database({ knex, migrations: { skip: false } });
  return {
    knex,
    snapshots: await SnapshotStore.create({ database }),
    history: await AlertHistoryStore.create({ database }),
  };
}

describe('stores', () => {
  it('run on both PostgreSQL and SQLite', () => {
    expect(databases.eachSupportedId()).toEqual([['POSTGRES_15'], ['SQLITE_3']]);
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
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
      expect(recovered).toMatchObject({ fetchedAt: '2026-11-22T10:01:00.000Z', data: [] });
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
        expect.objectContaining({ fetchedAt: undefined, lastError: 'timeout', data: [] }),
      ]);
      expect(await snapshots.list('backups')).toEqual([]);
    });

    it('counts each alert once per day however often it is recorded', async () => {
      const { history } = await createStores(databaseId);
      const seen = (day: string, fingerprint: string, level: 'P1' | 'P2' | 'P3' = 'P1') => ({
        day,
        entityRef: 'component:default/ingress-nginx',
        environment: 'production',
        level,
        fingerprint,
      });
      await history.record([seen('2026-11-21', 'a'), seen('2026-11-21', 'b', 'P3')]);
      await history.record([seen('2026-11-21', 'a'), seen('2026-11-22', 'a')]);
      await history.record([{ ...seen('2026-11-22', 'c'), entityRef: 'component:default/other' }]);
      expect(await history.dailyCounts('component:default/ingress-nginx', '2026-11-01')).toEqual([
        { day: '2026-11-21', environment: 'production', level: 'P1', count: 1 },
        { day: '2026-11-21', environment: 'production', level: 'P3', count: 1 },
        { day: '2026-11-22', environment: 'production', level: 'P1', count: 1 },
      ]);
      expect(await history.dailyCounts('component:default/ingress-nginx', '2026-11-22')).toHaveLength(1);
      expect(await history.prune('2026-11-22')).toBe(2);
    });

    it('writes nothing when one row of a batch is bad', async () => {
      const { history } = await createStores(databaseId);
      const good = Array.from({ length: 450 }, (_, i) => ({
        day: '2026-11-22',
        entityRef: 'component:default/ingress-nginx',
        environment: 'production',
        level: 'P2' as const,
        fingerprint: `f${i}`,
      }));
      const bad = { ...good[0], fingerprint: 'x'.repeat(65), environment: null as unknown as string };
      await expect(history.record([...good, bad])).rejects.toThrow();
      expect(await history.dailyCounts('component:default/ingress-nginx', '2026-11-01')).toEqual([]);
    });
  });
});
