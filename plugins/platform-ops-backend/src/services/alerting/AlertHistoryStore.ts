import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  AlertHistoryDay,
  AlertLevel,
} from '@platform-ops/plugin-platform-ops-common';
import { Knex } from 'knex';

/** One alert seen firing for a component on a day. */
export type AlertOccurrence = {
  day: string;
  entityRef: string;
  environment: string;
  level: AlertLevel;
  fingerprint: string;
};

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

/**
 * Distinct alerts per component, environment, level and day, for reviewing
 * which alerts are noise. Recording is idempotent: polling the same alert
 * all day counts it once.
 */
export class AlertHistoryStore {
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

  /** Records occurrences in one transaction, so a failure writes none of them. */
  async record(occurrences: AlertOccurrence[]): Promise<void> {
    if (occurrences.length === 0) return;
    const rows = occurrences.map(occurrence => ({
      day: occurrence.day,
      entity_ref: occurrence.entityRef,
      environment: occurrence.environment,
      level: occurrence.level,
      fingerprint: occurrence.fingerprint,
    }));
    await this.db.transaction(async tx => {
      for (let start = 0; start < rows.length; start += BATCH) {
        await tx(TABLE)
          .insert(rows.slice(start, start + BATCH))
          .onConflict(['day', 'entity_ref', 'environment', 'fingerprint'])
          .ignore();
      }
    });
  }

  /** Daily counts for one component since a day (inclusive), oldest first. */
  async dailyCounts(
    entityRef: string,
    sinceDay: string,
  ): Promise<AlertHistoryDay[]> {
    const rows = (await this.db(TABLE)
      .select('day', 'environment', 'level')
      .count({ count: '*' })
      .where('entity_ref', entityRef)
      .andWhere('day', '>=', sinceDay)
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

  /** Deletes days before `beforeDay`; returns how many rows went. */
  async prune(beforeDay: string): Promise<number> {
    return this.db(TABLE).where('day', '<', beforeDay).delete();
  }
}
