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

    it('records whether each occurrence notified or was silenced that day', async () => {
      const { history } = await createStores(databaseId);
      const seen = (
        fingerprint: string,
        state: { active: boolean; silenced: boolean },
        day = '2026-11-21',
      ) => ({
        day,
        entityRef: 'component:default/ingress-nginx',
        environment: 'production',
        level: 'P1' as const,
        fingerprint,
        ...state,
      });
      const active = { active: true, silenced: false };
      const silenced = { active: false, silenced: true };
      // a: fired, then was silenced; b: silenced all day; c: notified only.
      await history.record([seen('a', active), seen('b', silenced)]);
      await history.record([
        seen('a', silenced),
        seen('b', silenced),
        seen('c', active),
        // The same alert twice in one poll, as two sources may report it.
        seen('c', active),
      ]);
      // The chart counts what notified: a and c.
      expect(
        await history.dailyCounts(
          'component:default/ingress-nginx',
          '2026-11-01',
        ),
      ).toEqual([
        { day: '2026-11-21', environment: 'production', level: 'P1', count: 2 },
      ]);
      expect(
        await history.noiseCounts({
          since: '2026-11-01',
          weekStarts: ['2026-11-24', '2026-11-17'],
        }),
      ).toEqual([
        {
          entityRef: 'component:default/ingress-nginx',
          environment: 'production',
          level: 'P1',
          fired: 3,
          silenced: 2,
          days: 1,
          weeks: 1,
        },
      ]);
    });

    it('counts the noise per component, environment and level in one query', async () => {
      const { knex, history } = await createStores(databaseId);
      const occurrence = (
        day: string,
        overrides: Partial<{
          entityRef: string;
          environment: string;
          level: 'P1' | 'P2' | 'P3';
          fingerprint: string;
          silenced: boolean;
        }> = {},
      ) => ({
        day,
        entityRef: 'component:default/ingress-nginx',
        environment: 'production',
        level: 'P1' as const,
        fingerprint: 'a',
        active: !overrides.silenced,
        silenced: false,
        ...overrides,
      });
      await history.record([
        // Five weeks of a weekly P1, two alerts on one day, one too old.
        occurrence('2026-10-31'),
        occurrence('2026-11-02'),
        occurrence('2026-11-09'),
        occurrence('2026-11-16'),
        occurrence('2026-11-23'),
        occurrence('2026-11-23', { fingerprint: 'b' }),
        occurrence('2026-11-30'),
        occurrence('2026-11-30', { environment: 'staging', level: 'P2' }),
        occurrence('2026-11-29', {
          entityRef: 'component:default/orders-db',
          level: 'P3',
          silenced: true,
        }),
      ]);
      const weekStarts = [
        '2026-11-24',
        '2026-11-17',
        '2026-11-10',
        '2026-11-03',
        '2026-11-01',
      ];
      const queries: string[] = [];
      const onQuery = (query: { sql: string }) => queries.push(query.sql);
      knex.on('query', onQuery);
      const counts = await history.noiseCounts({
        since: '2026-11-01',
        weekStarts,
      });
      knex.off('query', onQuery);
      expect(queries).toHaveLength(1);
      const sorted = [...counts].sort((a, b) =>
        `${a.entityRef}${a.environment}`.localeCompare(
          `${b.entityRef}${b.environment}`,
        ),
      );
      expect(sorted).toEqual([
        {
          entityRef: 'component:default/ingress-nginx',
          environment: 'production',
          level: 'P1',
          fired: 6,
          silenced: 0,
          days: 5,
          weeks: 5,
        },
        {
          entityRef: 'component:default/ingress-nginx',
          environment: 'staging',
          level: 'P2',
          fired: 1,
          silenced: 0,
          days: 1,
          weeks: 1,
        },
        {
          entityRef: 'component:default/orders-db',
          environment: 'production',
          level: 'P3',
          fired: 1,
          silenced: 1,
          days: 1,
          weeks: 1,
        },
      ]);
      expect(
        await history.noiseCounts({
          since: '2026-11-01',
          weekStarts,
          environment: 'staging',
        }),
      ).toEqual([
        expect.objectContaining({ environment: 'staging', fired: 1 }),
      ]);
      expect(await history.oldestDay()).toBe('2026-10-31');
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

    it('writes only the occurrences of the day that are new, or newly notifying or silenced', async () => {
      const { knex, history } = await createStores(databaseId);
      const seen = (
        fingerprint: string,
        state: { active?: boolean; silenced?: boolean } = {},
        day = '2026-11-22',
      ) => ({
        day,
        entityRef: 'component:default/ingress-nginx',
        environment: 'production',
        level: 'P2' as const,
        fingerprint,
        active: state.active ?? true,
        silenced: state.silenced ?? false,
      });
      const rowsWritten: number[] = [];
      const onQuery = (query: { sql: string; bindings?: unknown[] }) => {
        if (/^insert/i.test(query.sql)) {
          // Seven values a row.
          rowsWritten.push((query.bindings?.length ?? 0) / 7);
        }
      };
      knex.on('query', onQuery);
      const poll = Array.from({ length: 450 }, (_, i) => seen(`f${i}`));
      await history.record(poll);
      expect(rowsWritten).toEqual([200, 200, 50]);
      // The next poll sees the same alerts, one new and one now silenced.
      rowsWritten.length = 0;
      await history.record(poll);
      expect(rowsWritten).toEqual([]);
      await history.record([
        ...poll.slice(1),
        seen('f0', { active: false, silenced: true }),
        seen('f450'),
      ]);
      expect(rowsWritten).toEqual([2]);
      // A new day: every alert counts again.
      rowsWritten.length = 0;
      await history.record(poll.map(row => ({ ...row, day: '2026-11-23' })));
      expect(rowsWritten).toEqual([200, 200, 50]);
      knex.off('query', onQuery);

      // Another replica's store writes what this one wrote: nothing doubles.
      const other = await AlertHistoryStore.create({
        database: mockServices.database({ knex }),
      });
      await other.record([...poll, seen('f450')]);
      const days = await history.dailyCounts(
        'component:default/ingress-nginx',
        '2026-11-01',
      );
      expect(days).toEqual([
        {
          day: '2026-11-22',
          environment: 'production',
          level: 'P2',
          count: 451,
        },
        {
          day: '2026-11-23',
          environment: 'production',
          level: 'P2',
          count: 450,
        },
      ]);
      const [noise] = await history.noiseCounts({
        since: '2026-11-22',
        weekStarts: [],
      });
      expect(noise).toMatchObject({ fired: 901, silenced: 1, days: 2 });
    });

    it('writes a day again after pruning it', async () => {
      const { history } = await createStores(databaseId);
      const row = {
        day: '2026-11-22',
        entityRef: 'component:default/ingress-nginx',
        environment: 'production',
        level: 'P1' as const,
        fingerprint: 'a',
      };
      await history.record([row]);
      expect(await history.prune('2026-11-23')).toBe(1);
      await history.record([row]);
      expect(
        await history.dailyCounts(
          'component:default/ingress-nginx',
          '2026-11-01',
        ),
      ).toEqual([
        { day: '2026-11-22', environment: 'production', level: 'P1', count: 1 },
      ]);
    });
  });
});
