import { createExtensionPoint } from '@backstage/backend-plugin-api';
import {
  BackupInventory,
  ClusterInventory,
  RawAlert,
  RawBackup,
} from '@platform-ops/plugin-platform-ops-common';

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
export type SourceBackup = RawBackup;

/**
 * A source of backup records for one environment, such as the Velero of its
 * cluster or an S3 bucket of reports. The backend polls it on its schedule
 * and keeps the last good inventory when a poll fails.
 *
 * @public
 */
export interface BackupSource {
  readonly id: string;
  readonly environment: string;
  /**
   * Fetches every backup with the schedules, storage locations and restores
   * that explain it; throws when the source cannot be reached.
   */
  fetchInventory(options: { signal?: AbortSignal }): Promise<BackupInventory>;
}

/**
 * A source of a cluster's workloads, disruption budgets, nodes and pods for
 * one environment, read to tell whether draining a node takes components
 * down. The backend polls it on its schedule.
 *
 * @public
 */
export interface ClusterSource {
  readonly id: string;
  readonly environment: string;
  fetchInventory(options: { signal?: AbortSignal }): Promise<ClusterInventory>;
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
  addClusterSource(...sources: ClusterSource[]): void;
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
