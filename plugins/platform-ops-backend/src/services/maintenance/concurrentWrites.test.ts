import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Change } from '@platform-ops/plugin-platform-ops-common';
import { DatabaseCalendarTokenStore } from './DatabaseCalendarTokenStore';
import { DatabaseChangeStore } from './DatabaseChangeStore';

// 100 concurrent writes to each maintenance store, every one sent twice at
// once: none lost, none doubled. The backup stores have the same proof in
// backupStores.test.ts.

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const WRITES = 100;

async function createStores(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const database = mockServices.database({ knex, migrations: { skip: false } });
  return {
    knex,
    changes: await DatabaseChangeStore.create({ database }),
    tokens: await DatabaseCalendarTokenStore.create({ database }),
  };
}

function change(index: number): Change {
  const id = `change-concurrent-${String(index).padStart(3, '0')}`;
  return {
    id,
    title: `Change ${index}`,
    class: 'minor',
    status: 'planned',
    entityRefs: [
      `component:default/service-${index}`,
      'component:default/ingress-nginx',
    ],
    environments: ['production'],
    start: '2027-01-12T01:00:00.000Z',
    end: '2027-01-12T05:00:00.000Z',
    updates: [],
    description: '',
    contingencyPlan: 'roll back',
    silenceAlerts: false,
    announcedAt: '2026-11-28T12:00:00.000Z',
    announcedBy: 'user:default/jane',
    noticeRequired: '7d',
    noticeGiven: '44d',
    shortNotice: false,
    sequence: 0,
    updatedAt: '2026-11-28T12:00:00.000Z',
  };
}

async function count(
  knex: Awaited<ReturnType<typeof createStores>>['knex'],
  table: string,
): Promise<number> {
  const [{ rows }] = await knex(table).count({ rows: '*' });
  return Number(rows);
}

describe.each(databases.eachSupportedId())(
  'concurrent writes to the maintenance stores on %p',
  databaseId => {
    it(`announces ${WRITES} changes sent twice at once exactly once each`, async () => {
      const { knex, changes } = await createStores(databaseId);
      const writes = Array.from({ length: WRITES }, (_, i) => change(i));
      const results = await Promise.all(
        [...writes, ...writes].map(entry => changes.announce(entry)),
      );
      expect(results.filter(result => result.created)).toHaveLength(WRITES);
      expect(await count(knex, 'platform_ops_changes')).toBe(WRITES);
      expect(await count(knex, 'platform_ops_change_entities')).toBe(
        2 * WRITES,
      );
      const listed = await changes.list();
      expect(listed.map(entry => entry.id).sort()).toEqual(
        writes.map(entry => entry.id).sort(),
      );
      expect(
        await changes.list({ entityRefs: ['component:default/ingress-nginx'] }),
      ).toHaveLength(WRITES);
    });

    it(`applies ${WRITES} concurrent status updates to one change, none lost`, async () => {
      const { changes } = await createStores(databaseId);
      await changes.announce(change(0));
      await Promise.all(
        Array.from({ length: WRITES }, () =>
          changes.update(change(0).id, current => ({
            ...current,
            sequence: current.sequence + 1,
          })),
        ),
      );
      expect((await changes.get(change(0).id))?.sequence).toBe(WRITES);
    });

    it(`issues calendar tokens for ${WRITES} users, each twice at once: one row and one working token per user`, async () => {
      const { knex, tokens } = await createStores(databaseId);
      const users = Array.from(
        { length: WRITES },
        (_, i) => `user:default/user-${i}`,
      );
      const issued = await Promise.all(
        [...users, ...users].map(async user => ({
          user,
          token: await tokens.issue(user),
        })),
      );
      expect(await count(knex, 'platform_ops_calendar_tokens')).toBe(WRITES);
      const resolved = await Promise.all(
        issued.map(async ({ user, token }) => ({
          user,
          owner: await tokens.resolve(token),
        })),
      );
      // Of each user's two tokens, the one stored last works, the other not.
      for (const user of users) {
        const owners = resolved
          .filter(entry => entry.user === user)
          .map(entry => entry.owner);
        expect(owners.filter(owner => owner === user)).toHaveLength(1);
        expect(owners.filter(owner => owner === undefined)).toHaveLength(1);
      }
    });
  },
);
