import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';

const TABLE = 'platform_ops_poll_leases';

/** This store's own migrations, as every store of the plugin has. */
const MIGRATIONS = {
  directory: resolvePackagePath(
    '@platform-ops/plugin-platform-ops-backend',
    'migrations',
    'poll-leases',
  ),
  tableName: 'platform_ops_poll_leases__knex_migrations',
};

type Row = {
  poll_id: string;
  next_due_at: number | string;
  holder: string | null;
  expires_at: number | string | null;
};

/**
 * Decides which replica runs each poll. Every replica ticks often; a tick
 * runs the poll only when it is due and no live lease holds it, claiming
 * it in one conditional update, so with any number of replicas on one
 * database a poll runs once per interval. The lease lasts one interval and
 * is renewed every half interval while the poll runs, so a slow poll is
 * never doubled; a replica that dies mid-poll stops renewing, and the
 * first tick after its lease ends takes over, within two intervals.
 * Whatever it had not stored is polled again.
 *
 * The backend scheduler's global tasks cannot promise that: a run whose
 * replica died is released only by its janitor, once a minute, after the
 * task's timeout.
 */
export class PollLeases {
  private constructor(
    private readonly db: Knex,
    private readonly holder: string,
    private readonly now: () => number,
  ) {}

  static async create(options: {
    database: DatabaseService;
    /** Names this replica in the table; random by default. */
    holder?: string;
    now?: () => number;
  }): Promise<PollLeases> {
    const db = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await db.migrate.latest(MIGRATIONS);
    }
    return new PollLeases(
      db,
      options.holder ?? randomUUID(),
      options.now ?? Date.now,
    );
  }

  /**
   * Runs `poll` if it is due and not held, under a lease of one interval;
   * returns whether it ran. A failing poll still counts as run: the next
   * attempt comes an interval later, not at once.
   */
  async runIfDue(
    pollId: string,
    intervalMs: number,
    poll: () => Promise<void>,
  ): Promise<boolean> {
    if (!(await this.claim(pollId, intervalMs))) return false;
    const renewal = setInterval(() => {
      this.renew(pollId, intervalMs).catch(() => {
        // A failed renewal lets the lease lapse: at worst a second poll.
      });
    }, intervalMs / 2);
    try {
      await poll();
    } finally {
      clearInterval(renewal);
      await this.db<Row>(TABLE)
        .where({ poll_id: pollId, holder: this.holder })
        .update({ holder: null, expires_at: null });
    }
    return true;
  }

  private async renew(pollId: string, intervalMs: number): Promise<void> {
    await this.db<Row>(TABLE)
      .where({ poll_id: pollId, holder: this.holder })
      .update({ expires_at: this.now() + intervalMs });
  }

  private async claim(pollId: string, intervalMs: number): Promise<boolean> {
    const now = this.now();
    await this.db<Row>(TABLE)
      .insert({
        poll_id: pollId,
        next_due_at: 0,
        holder: null,
        expires_at: null,
      })
      .onConflict('poll_id')
      .ignore();
    const claimed = await this.db<Row>(TABLE)
      .where('poll_id', pollId)
      .andWhere('next_due_at', '<=', now)
      .andWhere(free =>
        free.whereNull('expires_at').orWhere('expires_at', '<=', now),
      )
      .update({
        holder: this.holder,
        expires_at: now + intervalMs,
        next_due_at: now + intervalMs,
      });
    return claimed === 1;
  }
}

/**
 * How often each replica checks whether a poll is due: a quarter of the
 * interval, between 1 and 15 seconds. A poll then starts at most that much
 * after it is due.
 */
export function leaseTickSeconds(intervalMs: number): number {
  return Math.min(15, Math.max(1, Math.round(intervalMs / 4000)));
}
