import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  AlertHistoryDay,
  AlertLevel,
  AlertNoiseCount,
} from '@platform-ops/plugin-platform-ops-common';
import { Knex } from 'knex';

/** One alert seen firing for a component on a day. */
export type AlertOccurrence = {
  day: string;
  entityRef: string;
  environment: string;
  level: AlertLevel;
  fingerprint: string;
  /**
   * Seen notifying (neither silenced nor inhibited). Left out, it is true:
   * only active alerts were recorded before silences were.
   */
  active?: boolean;
  /** Seen silenced. */
  silenced?: boolean;
};

const KEY = ['day', 'entity_ref', 'environment', 'fingerprint'] as const;

const TABLE = 'platform_ops_alert_occurrences';

/**
 * This store's own migrations, in their own folder with their own
 * bookkeeping table; see the SnapshotStore for why.
 */
const MIGRATIONS = {
  directory: resolvePackagePath(
    '@platform-ops/plugin-platform-ops-backend',
    'migrations',
    'alert-history',
  ),
  tableName: 'platform_ops_alert_history__knex_migrations',
};

/** Rows per insert statement: below every database's bound-parameter limit. */
const BATCH = 200;

/** What a row records besides its key, as bits: seen notifying, seen silenced. */
const ACTIVE = 1;
const SILENCED = 2;

type Row = {
  day: string;
  entity_ref: string;
  environment: string;
  level: AlertLevel;
  fingerprint: string;
  active: boolean;
  silenced: boolean;
};

/**
 * Distinct alerts per component, environment, level and day, for reviewing
 * which alerts are noise. Recording is idempotent: polling the same alert
 * all day counts it once.
 *
 * A poll sees mostly the alerts of the poll before. The store remembers
 * which rows of the newest day it has written and with what, and writes
 * only those that are new or newly notifying or silenced. Rows only ever
 * gain states and are deleted only by `prune`, so what it remembers is in
 * the database; another replica's store writing the same rows again is
 * harmless.
 */
export class AlertHistoryStore {
  /** Rows of `writtenDay` this store has written, by key, with their state bits. */
  private written = new Map<string, number>();
  private writtenDay = '';

  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<AlertHistoryStore> {
    const db = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await db.migrate.latest(MIGRATIONS);
    }
    return new AlertHistoryStore(db);
  }

  /**
   * Records occurrences in one transaction, so a failure writes none of
   * them. An occurrence seen again that day keeps its level; it becomes
   * active or silenced once seen so, and is rewritten only then.
   */
  async record(occurrences: AlertOccurrence[]): Promise<void> {
    const rows = new Map<string, Row>();
    // One row per key: a statement may not upsert the same row twice, and
    // two sources of one environment can report the same alert.
    for (const occurrence of occurrences) {
      const key = JSON.stringify([
        occurrence.day,
        occurrence.entityRef,
        occurrence.environment,
        occurrence.fingerprint,
      ]);
      const seen = rows.get(key);
      const active = occurrence.active ?? true;
      const silenced = occurrence.silenced ?? false;
      rows.set(key, {
        day: occurrence.day,
        entity_ref: occurrence.entityRef,
        environment: occurrence.environment,
        level: seen?.level ?? occurrence.level,
        fingerprint: occurrence.fingerprint,
        active: Boolean(seen?.active) || active,
        silenced: Boolean(seen?.silenced) || silenced,
      });
    }
    const fresh = [...rows].filter(([key, row]) => {
      const known =
        row.day === this.writtenDay ? this.written.get(key) : undefined;
      return known === undefined || (known | bitsOf(row)) !== known;
    });
    if (fresh.length === 0) return;
    const all = fresh.map(([, row]) => row);
    await this.db.transaction(async tx => {
      for (let start = 0; start < all.length; start += BATCH) {
        await tx(TABLE)
          .insert(all.slice(start, start + BATCH))
          .onConflict([...KEY])
          .merge({
            active: tx.raw(`?? OR excluded.active`, [`${TABLE}.active`]),
            silenced: tx.raw(`?? OR excluded.silenced`, [`${TABLE}.silenced`]),
          })
          .whereRaw(
            `(NOT ?? AND excluded.active) OR (NOT ?? AND excluded.silenced)`,
            [`${TABLE}.active`, `${TABLE}.silenced`],
          );
      }
    });
    this.remember(fresh);
  }

  /** Keeps the rows of the newest day written, once they are committed. */
  private remember(rows: Array<[string, Row]>) {
    for (const [key, row] of rows) {
      if (row.day > this.writtenDay) {
        this.written = new Map();
        this.writtenDay = row.day;
      }
      if (row.day === this.writtenDay) {
        this.written.set(key, (this.written.get(key) ?? 0) | bitsOf(row));
      }
    }
  }

  /**
   * Daily counts for one component since a day (inclusive), oldest first.
   * Only alerts that notified count: a silenced one woke nobody.
   */
  async dailyCounts(
    entityRef: string,
    sinceDay: string,
  ): Promise<AlertHistoryDay[]> {
    const rows = (await this.db(TABLE)
      .select('day', 'environment', 'level')
      .count({ count: '*' })
      .where('entity_ref', entityRef)
      .andWhere('day', '>=', sinceDay)
      .andWhere('active', true)
      .groupBy('day', 'environment', 'level')
      .orderBy([
        { column: 'day' },
        { column: 'environment' },
        { column: 'level' },
      ])) as Array<{
      day: string;
      environment: string;
      level: string;
      count: string | number;
    }>;
    return rows.map(row => ({
      day: row.day,
      environment: row.environment,
      level: row.level as AlertLevel,
      count: Number(row.count),
    }));
  }

  /**
   * Counts per component, environment and level from `since` on, in one
   * grouped query: occurrences, the silenced ones, distinct days, and
   * distinct weeks as `weekStarts` (newest first) divide the days.
   */
  async noiseCounts(options: {
    since: string;
    weekStarts: string[];
    environment?: string;
  }): Promise<AlertNoiseCount[]> {
    const { since, weekStarts, environment } = options;
    const week = weekStarts.length
      ? `CASE ${weekStarts
          .map((_, position) => `WHEN day >= ? THEN ${position}`)
          .join(' ')} ELSE ${weekStarts.length} END`
      : '0';
    const query = this.db(TABLE)
      .select('entity_ref', 'environment', 'level')
      .count({ fired: '*' })
      .select(
        this.db.raw('SUM(CASE WHEN silenced THEN 1 ELSE 0 END) AS silenced'),
        this.db.raw('COUNT(DISTINCT day) AS days'),
        this.db.raw(`COUNT(DISTINCT ${week}) AS weeks`, weekStarts),
      )
      .where('day', '>=', since)
      .groupBy('entity_ref', 'environment', 'level');
    if (environment) query.andWhere('environment', environment);
    const rows = (await query) as Array<{
      entity_ref: string;
      environment: string;
      level: string;
      fired: string | number;
      silenced: string | number | null;
      days: string | number;
      weeks: string | number;
    }>;
    return rows.map(row => ({
      entityRef: row.entity_ref,
      environment: row.environment,
      level: row.level as AlertLevel,
      fired: Number(row.fired),
      silenced: Number(row.silenced ?? 0),
      days: Number(row.days),
      weeks: Number(row.weeks),
    }));
  }

  /** The oldest day the history holds, if any. */
  async oldestDay(): Promise<string | undefined> {
    const row = (await this.db(TABLE).min({ day: 'day' }).first()) as
      | { day: string | null }
      | undefined;
    return row?.day ?? undefined;
  }

  /** Deletes days before `beforeDay`; returns how many rows went. */
  async prune(beforeDay: string): Promise<number> {
    if (this.writtenDay < beforeDay) {
      this.written = new Map();
      this.writtenDay = '';
    }
    return this.db(TABLE).where('day', '<', beforeDay).delete();
  }
}

function bitsOf(row: Row): number {
  return (row.active ? ACTIVE : 0) | (row.silenced ? SILENCED : 0);
}
