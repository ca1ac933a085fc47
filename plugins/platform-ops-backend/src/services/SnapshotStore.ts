import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { isDatabaseUnavailable } from './databaseUnavailable';

/**
 * The latest result of one data source. A failed attempt keeps the last good
 * data and records the error beside it.
 */
export type StoredSnapshot<T> = {
  sourceId: string;
  kind: 'alerts' | 'backups' | 'clusters';
  environment: string;
  fetchedAt?: string;
  attemptedAt: string;
  lastError?: string;
  data: T;
};

type Row = {
  source_id: string;
  kind: string;
  environment: string;
  fetched_at: string | null;
  attempted_at: string;
  last_error: string | null;
  data: string;
};

const TABLE = 'platform_ops_snapshots';

/**
 * This store's own migrations. Each store of the plugin keeps its
 * migrations in its own folder with its own bookkeeping table: knex refuses
 * to run a folder when its bookkeeping table lists a migration the folder
 * lacks, so stores sharing `knex_migrations` could not migrate separately.
 * The default `knex_migrations` is left alone: in databases from before
 * this split it lists `20261122000000_alerting.js`, which created this
 * table, so the migration here creates the table only when it is missing.
 */
const MIGRATIONS = {
  directory: resolvePackagePath(
    '@platform-ops/plugin-platform-ops-backend',
    'migrations',
    'snapshots',
  ),
  tableName: 'platform_ops_snapshots__knex_migrations',
};

/**
 * Keeps each source's latest snapshot in the plugin database, so that one
 * replica can poll and every replica can serve.
 */
export class SnapshotStore {
  /** The last snapshots read of each kind, for while the database is down. */
  private readonly lastRead = new Map<string, StoredSnapshot<unknown>[]>();

  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<SnapshotStore> {
    const db = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await db.migrate.latest(MIGRATIONS);
    }
    return new SnapshotStore(db);
  }

  /** Replaces the source's snapshot with fresh data, clearing any error. */
  async recordSuccess<T>(snapshot: {
    sourceId: string;
    kind: StoredSnapshot<T>['kind'];
    environment: string;
    at: string;
    data: T;
  }): Promise<void> {
    await this.upsert({
      source_id: snapshot.sourceId,
      kind: snapshot.kind,
      environment: snapshot.environment,
      fetched_at: snapshot.at,
      attempted_at: snapshot.at,
      last_error: null,
      data: JSON.stringify(snapshot.data),
    });
  }

  /** Records a failed attempt; the last good data and its time stay. */
  async recordFailure(failure: {
    sourceId: string;
    kind: StoredSnapshot<unknown>['kind'];
    environment: string;
    at: string;
    error: string;
  }): Promise<void> {
    const updated = await this.db<Row>(TABLE)
      .where({ source_id: failure.sourceId })
      .update({ attempted_at: failure.at, last_error: failure.error });
    if (updated === 0) {
      await this.upsert({
        source_id: failure.sourceId,
        kind: failure.kind,
        environment: failure.environment,
        fetched_at: null,
        attempted_at: failure.at,
        last_error: failure.error,
        data: '[]',
      });
    }
  }

  /**
   * The snapshots of one kind. While the database cannot be reached, the
   * last ones read: each carries its fetch and attempt times, so it is
   * judged stale by its age like any snapshot of a source that is down.
   */
  async list<T>(kind: StoredSnapshot<T>['kind']): Promise<StoredSnapshot<T>[]> {
    let rows: Row[];
    try {
      rows = await this.db<Row>(TABLE).where({ kind }).orderBy('source_id');
    } catch (error) {
      const last = this.lastRead.get(kind);
      if (last && isDatabaseUnavailable(error)) {
        return last as StoredSnapshot<T>[];
      }
      throw error;
    }
    const snapshots = rows.map(row => ({
      sourceId: row.source_id,
      kind: row.kind as StoredSnapshot<T>['kind'],
      environment: row.environment,
      fetchedAt: row.fetched_at ?? undefined,
      attemptedAt: row.attempted_at,
      lastError: row.last_error ?? undefined,
      data: JSON.parse(row.data) as T,
    }));
    this.lastRead.set(kind, snapshots);
    return snapshots;
  }

  /**
   * The snapshots of one kind without their data: which sources there are
   * and when each was last fetched and attempted. Cheap enough to ask
   * often whether any snapshot changed, on this replica or another.
   */
  async headers(
    kind: StoredSnapshot<unknown>['kind'],
  ): Promise<Omit<StoredSnapshot<unknown>, 'data'>[]> {
    const rows: Omit<Row, 'data'>[] = await this.db<Row>(TABLE)
      .select(
        'source_id',
        'kind',
        'environment',
        'fetched_at',
        'attempted_at',
        'last_error',
      )
      .where({ kind })
      .orderBy('source_id');
    return rows.map(row => ({
      sourceId: row.source_id,
      kind: row.kind as StoredSnapshot<unknown>['kind'],
      environment: row.environment,
      fetchedAt: row.fetched_at ?? undefined,
      attemptedAt: row.attempted_at,
      lastError: row.last_error ?? undefined,
    }));
  }

  private async upsert(row: Row): Promise<void> {
    await this.db<Row>(TABLE).insert(row).onConflict('source_id').merge();
  }
}
