import { createExtensionPoint } from '@backstage/backend-plugin-api';

/**
 * What every poll of a source yields: when it was fetched, the last error if
 * the fetch failed, and the last known data. A failed poll keeps the previous
 * data, so the UI can say "stale since ..." instead of "all green".
 *
 * @public
 */
export type SourceSnapshot<T> = {
  /** The source's id, such as `alertmanager:production`. */
  sourceId: string;
  environment: string;
  /** When data was last fetched successfully (ISO 8601), if ever. */
  fetchedAt?: string;
  /** When the last attempt ended (ISO 8601), successful or not. */
  attemptedAt?: string;
  /** Message of the last failed attempt, cleared by a success. */
  lastError?: string;
  data: T;
};

/**
 * A live alert as the suite understands it, whatever system it came from.
 *
 * @public
 */
export type SourceAlert = {
  fingerprint: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  state: 'active' | 'suppressed' | 'unprocessed';
  silencedBy: string[];
  inhibitedBy: string[];
  generatorURL?: string;
};

/**
 * A source of live alerts for one environment, such as an Alertmanager or a
 * Thanos ruler. The backend polls it on its schedule.
 *
 * @public
 */
export interface AlertSource {
  readonly id: string;
  readonly environment: string;
  /** Fetches every current alert; throws when the source cannot be reached. */
  fetchAlerts(options: { signal?: AbortSignal }): Promise<SourceAlert[]>;
}

/**
 * One backup as reported by a backup system.
 *
 * @public
 */
export type SourceBackup = {
  name: string;
  /** Velero schedule or tool that produced it. */
  schedule?: string;
  labels: Record<string, string>;
  phase: 'Completed' | 'PartiallyFailed' | 'Failed' | 'InProgress' | string;
  startedAt?: string;
  completedAt?: string;
  expiresAt?: string;
  /** Namespaces and resources the backup covered. */
  includedNamespaces: string[];
};

/**
 * A source of backup records for one environment, such as Velero or an S3
 * bucket of pushed reports.
 *
 * @public
 */
export interface BackupSource {
  readonly id: string;
  readonly environment: string;
  fetchBackups(options: { signal?: AbortSignal }): Promise<SourceBackup[]>;
}

/**
 * Lets backend modules add alert and backup sources beside the defaults that
 * the backend builds from config.
 *
 * @public
 */
export interface PlatformOpsSourcesExtensionPoint {
  addAlertSource(...sources: AlertSource[]): void;
  addBackupSource(...sources: BackupSource[]): void;
}

/**
 * Extension point for {@link PlatformOpsSourcesExtensionPoint}.
 *
 * @public
 */
export const platformOpsSourcesExtensionPoint =
  createExtensionPoint<PlatformOpsSourcesExtensionPoint>({
    id: 'platform-ops.sources',
  });
