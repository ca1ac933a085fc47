import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Change } from '@platform-ops/plugin-platform-ops-common';
import { DatabaseChangeStore } from './DatabaseChangeStore';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

async function createStore(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const database = mockServices.database({ knex, migrations: { skip: false } });
  return { knex, changes: await DatabaseChangeStore.create({ database }) };
}

function change(id: string, extra: Partial<Change> = {}): Change {
  return {
    id,
    title: 'Upgrade ingress-nginx to 1.12',
    class: 'major',
    status: 'planned',
    entityRefs: ['component:default/ingress-nginx'],
    environments: ['staging', 'production'],
    window: 'prod-monthly',
    start: '2027-01-12T01:00:00.000Z',
    end: '2027-01-12T05:00:00.000Z',
    updates: ['system-pods'],
    description: 'Controller 1.12 drops the old annotations',
    link: 'https://wiki.example.com/changes/ingress-1.12',
    contingencyPlan: 'helm rollback ingress-nginx',
    silenceAlerts: true,
    announcedAt: '2026-11-28T12:00:00.000Z',
    announcedBy: 'user:default/jane',
    noticeRequired: '30d',
    noticeGiven: '44d',
    shortNotice: false,
    sequence: 0,
    updatedAt: '2026-11-28T12:00:00.000Z',
    ...extra,
  };
}

describe('DatabaseChangeStore', () => {
  it('runs on both PostgreSQL and SQLite', () => {
    expect(databases.eachSupportedId()).toEqual([
      ['POSTGRES_15'],
      ['SQLITE_3'],
    ]);
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('keeps every field and lists by entity, environment and time', async () => {
      const { changes } = await createStore(databaseId);
      const ingress = change('change-ingress-1');
      const patch = change('change-nodes-01', {
        class: 'security-patch',
        entityRefs: [
          'component:default/kubernetes',
          'component:default/velero',
        ],
        environments: ['staging'],
        start: '2026-12-01T08:00:00.000Z',
        end: '2026-12-01T12:00:00.000Z',
        link: undefined,
        window: undefined,
      });
      expect(await changes.announce(ingress)).toEqual({
        change: ingress,
        created: true,
      });
      await changes.announce(patch);
      expect(await changes.list()).toEqual([patch, ingress]);
      expect(
        await changes.list({ entityRefs: ['component:default/velero'] }),
      ).toEqual([patch]);
      expect(await changes.list({ environment: 'production' })).toEqual([
        ingress,
      ]);
      expect(await changes.list({ from: '2026-12-01T12:00:00.000Z' })).toEqual([
        ingress,
      ]);
      expect(await changes.list({ to: '2026-12-01T08:00:01.000Z' })).toEqual([
        patch,
      ]);
    });

    it('announces a retried change once', async () => {
      const { changes, knex } = await createStore(databaseId);
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          changes.announce(change('change-retried')),
        ),
      );
      expect(results.filter(result => result.created)).toHaveLength(1);
      const [{ count }] = await knex('platform_ops_changes').count({
        count: '*',
      });
      expect(Number(count)).toBe(1);
    });

    it('updates in a transaction so concurrent updates are never lost', async () => {
      const { changes } = await createStore(databaseId);
      await changes.announce(change('change-moved'));
      await Promise.all(
        Array.from({ length: 10 }, () =>
          changes.update('change-moved', current => ({
            ...current,
            sequence: current.sequence + 1,
          })),
        ),
      );
      expect((await changes.get('change-moved'))?.sequence).toBe(10);
      expect(
        await changes.update('change-unknown', current => current),
      ).toBeUndefined();
    });

    it('keeps a retrospective and the silences of a change', async () => {
      const { changes } = await createStore(databaseId);
      await changes.announce(change('change-done-1'));
      const retrospective = {
        wentWell: 'No downtime',
        toImprove: 'Announce earlier',
        actionItems: ['Automate'],
      };
      await changes.update('change-done-1', current => ({
        ...current,
        status: 'done',
        retrospective,
      }));
      expect(await changes.get('change-done-1')).toMatchObject({
        status: 'done',
        retrospective,
      });
      const silences = [
        {
          environment: 'production',
          entityRef: 'component:default/ingress-nginx',
          silenceId: 'abc',
        },
      ];
      await changes.setSilences('change-done-1', silences);
      expect(await changes.silences('change-done-1')).toEqual(silences);
      await changes.setSilences('change-done-1', []);
      expect(await changes.silences('change-done-1')).toEqual([]);
    });

    it('says when a change was announced or updated, silences aside', async () => {
      const { changes } = await createStore(databaseId);
      const empty = await changes.version();
      await changes.announce(change('change-version-1'));
      const announced = await changes.version();
      expect(announced).not.toBe(empty);
      await changes.announce(change('change-version-1'));
      expect(await changes.version()).toBe(announced);
      await changes.update('change-version-1', current => ({
        ...current,
        status: 'postponed',
        updatedAt: '2026-11-29T08:00:00.000Z',
      }));
      const updated = await changes.version();
      expect(updated).not.toBe(announced);
      await changes.setSilences('change-version-1', [
        {
          environment: 'production',
          entityRef: 'component:default/ingress-nginx',
          silenceId: 'silence-1',
        },
      ]);
      expect(await changes.version()).toBe(updated);
    });
  });
});
