import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { AlertHistoryStore } from './AlertHistoryStore';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

async function createStores(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const database = mockServices.database({ knex, migrations: { skip: false } });
  return { knex, history: await AlertHistoryStore.create({ database }) };
}

describe('AlertHistoryStore', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('creates only its own table, unless migrations are skipped', async () => {
      const knex = await databases.init(databaseId);
      await AlertHistoryStore.create({
        database: mockServices.database({ knex, migrations: { skip: true } }),
      });
      expect(await knex.schema.hasTable('platform_ops_alert_occurrences')).toBe(
        false,
      );
      await AlertHistoryStore.create({
        database: mockServices.database({ knex, migrations: { skip: false } }),
      });
      expect(await knex.schema.hasTable('platform_ops_alert_occurrences')).toBe(
        true,
      );
      expect(await knex.schema.hasTable('platform_ops_snapshots')).toBe(false);
    });

    it('counts each alert once per day however often it is recorded', async () => {
      const { history } = await createStores(databaseId);
      const seen = (
        day: string,
        fingerprint: string,
        level: 'P1' | 'P2' | 'P3' = 'P1',
      ) => ({
        day,
        entityRef: 'component:default/ingress-nginx',
        environment: 'production',
        level,
        fingerprint,
      });
      await history.record([
        seen('2026-11-21', 'a'),
        seen('2026-11-21', 'b', 'P3'),
      ]);
      await history.record([seen('2026-11-21', 'a'), seen('2026-11-22', 'a')]);
      await history.record([
        { ...seen('2026-11-22', 'c'), entityRef: 'component:default/other' },
      ]);
      expect(
        await history.dailyCounts(
          'component:default/ingress-nginx',
          '2026-11-01',
        ),
      ).toEqual([
        { day: '2026-11-21', environment: 'production', level: 'P1', count: 1 },
        { day: '2026-11-21', environment: 'production', level: 'P3', count: 1 },
        { day: '2026-11-22', environment: 'production', level: 'P1', count: 1 },
      ]);
      expect(
        await history.dailyCounts(
          'component:default/ingress-nginx',
          '2026-11-22',
        ),
      ).toHaveLength(1);
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
      const bad = {
        ...good[0],
        fingerprint: 'x'.repeat(65),
        environment: null as unknown as string,
      };
      await expect(history.record([...good, bad])).rejects.toThrow();
      expect(
        await history.dailyCounts(
          'component:default/ingress-nginx',
          '2026-11-01',
        ),
      ).toEqual([]);
    });
  });
});
