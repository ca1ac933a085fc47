import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { tableVersion } from '../tableVersion';
import { BackupReportStore, StoredBackupReport } from './BackupReportStore';

const TABLE = 'platform_ops_backup_reports';

/** Reports read at most per component and environment. */
const DEFAULT_LIMIT = 200;

type Row = {
  id: string;
  entity_ref: string;
  environment: string;
  status: string;
  started_at: string;
  completed_at: string | null;
  expires_at: string | null;
  size_bytes: string | number | null;
  location: string | null;
  failure_reason: string | null;
  received_at: string;
  received_from: string;
};

/** This store's own migrations, with their own bookkeeping table. */
const MIGRATIONS = {
  directory: resolvePackagePath(
    '@platform-ops/plugin-platform-ops-backend',
    'migrations',
    'backup-reports',
  ),
  tableName: 'platform_ops_backup_reports__knex_migrations',
};

/**
 * The knex {@link BackupReportStore}: one row per report id, replaced
 * whole by a later report with the same id.
 */
export class DatabaseBackupReportStore implements BackupReportStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseBackupReportStore> {
    const db = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await db.migrate.latest(MIGRATIONS);
    }
    return new DatabaseBackupReportStore(db);
  }

  async record(report: StoredBackupReport): Promise<void> {
    await this.db<Row>(TABLE)
      .insert({
        id: report.id,
        entity_ref: report.entityRef,
        environment: report.environment,
        status: report.status,
        started_at: report.startedAt,
        completed_at: report.completedAt ?? null,
        expires_at: report.expiresAt ?? null,
        size_bytes: report.sizeBytes ?? null,
        location: report.location ?? null,
        failure_reason: report.failureReason ?? null,
        received_at: report.receivedAt,
        received_from: report.receivedFrom,
      })
      .onConflict('id')
      .merge();
  }

  version(): Promise<string> {
    return tableVersion(this.db, TABLE, 'received_at');
  }

  async list(options: {
    entityRef: string;
    environment: string;
    limit?: number;
  }): Promise<StoredBackupReport[]> {
    const rows = await this.db<Row>(TABLE)
      .where({
        entity_ref: options.entityRef,
        environment: options.environment,
      })
      .orderBy('started_at', 'desc')
      .limit(options.limit ?? DEFAULT_LIMIT);
    return rows.map(row => ({
      id: row.id,
      entityRef: row.entity_ref,
      environment: row.environment,
      status: row.status as StoredBackupReport['status'],
      startedAt: row.started_at,
      completedAt: row.completed_at ?? undefined,
      expiresAt: row.expires_at ?? undefined,
      sizeBytes: row.size_bytes === null ? undefined : Number(row.size_bytes),
      location: row.location ?? undefined,
      failureReason: row.failure_reason ?? undefined,
      receivedAt: row.received_at,
      receivedFrom: row.received_from,
    }));
  }
}
