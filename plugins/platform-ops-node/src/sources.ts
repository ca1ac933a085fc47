import { RawAlert } from '@platform-ops/plugin-platform-ops-common';
import { createExtensionPoint } from '@backstage/backend-plugin-api';

/**
 * A live alert as the suite understands it, whatever system it came from.
 *
 * @public
 */
export type SourceAlert = RawAlert;

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
