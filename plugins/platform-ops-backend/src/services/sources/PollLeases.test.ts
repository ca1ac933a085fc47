import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { PollLeases } from './PollLeases';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const INTERVAL = 10_000;

/** Two replicas on one database, with a clock the test moves. */
async function replicas(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const clock = { now: 1_000_000 };
  const create = (holder: string) =>
    PollLeases.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
      holder,
      now: () => clock.now,
    });
  return {
    knex,
    clock,
    first: await create('first'),
    second: await create('second'),
  };
}

describe('PollLeases', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('runs a poll once per interval across replicas', async () => {
      const { clock, first, second } = await replicas(databaseId);
      const runs: string[] = [];
      const tick = async (name: string, leases: PollLeases) =>
        leases.runIfDue('alerts', INTERVAL, async () => {
          runs.push(name);
        });

      expect(await tick('first', first)).toBe(true);
      expect(await tick('second', second)).toBe(false);
      clock.now += INTERVAL - 1;
      expect(await tick('first', first)).toBe(false);
      expect(await tick('second', second)).toBe(false);
      clock.now += 1;
      expect(await tick('second', second)).toBe(true);
      expect(await tick('first', first)).toBe(false);
      expect(runs).toEqual(['first', 'second']);
    });

    it('lets only one of many simultaneous ticks poll', async () => {
      const { first, second } = await replicas(databaseId);
      let runs = 0;
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? first : second).runIfDue('backups', INTERVAL, async () => {
            runs += 1;
          }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(runs).toBe(1);
    });

    it('keeps polls of different sources apart', async () => {
      const { first } = await replicas(databaseId);
      const noop = async () => {};
      expect(await first.runIfDue('alerts', INTERVAL, noop)).toBe(true);
      expect(await first.runIfDue('clusters', INTERVAL, noop)).toBe(true);
    });

    it('hands the poll of a replica that died mid-poll to another once its lease ends', async () => {
      const { knex, clock, second } = await replicas(databaseId);
      // What a claim leaves behind when its replica is killed mid-poll.
      await knex('platform_ops_poll_leases').insert({
        poll_id: 'alerts',
        holder: 'killed',
        next_due_at: clock.now + INTERVAL,
        expires_at: clock.now + INTERVAL,
      });
      const poll = jest.fn(async () => {});
      clock.now += INTERVAL - 1;
      expect(await second.runIfDue('alerts', INTERVAL, poll)).toBe(false);
      clock.now += 1;
      expect(await second.runIfDue('alerts', INTERVAL, poll)).toBe(true);
      expect(poll).toHaveBeenCalledTimes(1);
    });

    it('renews the lease while a slow poll runs, so it is never doubled', async () => {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({
        knex,
        migrations: { skip: false },
      });
      // Real time, short interval: the poll takes three intervals.
      const slow = await PollLeases.create({ database, holder: 'slow' });
      const other = await PollLeases.create({ database, holder: 'other' });
      const interval = 200;
      let finish!: () => void;
      const running = slow.runIfDue(
        'alerts',
        interval,
        () => new Promise<void>(resolve => (finish = resolve)),
      );
      const otherRuns: boolean[] = [];
      for (let i = 0; i < 6; i++) {
        await new Promise(resolve => setTimeout(resolve, interval / 2));
        otherRuns.push(
          await other.runIfDue('alerts', interval, async () => {}),
        );
      }
      finish();
      expect(await running).toBe(true);
      expect(otherRuns).toEqual([false, false, false, false, false, false]);
      await new Promise(resolve => setTimeout(resolve, interval + 20));
      expect(await other.runIfDue('alerts', interval, async () => {})).toBe(
        true,
      );
    });
  });
});
