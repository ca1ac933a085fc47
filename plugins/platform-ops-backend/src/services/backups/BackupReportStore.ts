import { BackupReport } from '@platform-ops/plugin-platform-ops-common';

/**
 * A pushed backup report as stored, with who sent it and when.
 */
export type StoredBackupReport = BackupReport & {
  receivedAt: string;
  receivedFrom: string;
};

/**
 * Where backup reports pushed by application-specific tools are kept.
 */
export interface BackupReportStore {
  /**
   * Stores a report by its id. Sending the same id again replaces it (an
   * in-progress report becomes completed) and never adds a second one.
   */
  record(report: StoredBackupReport): Promise<void>;

  /** One component's reports in one environment, newest start first. */
  list(options: {
    entityRef: string;
    environment: string;
    limit?: number;
  }): Promise<StoredBackupReport[]>;

  /** Changes whenever a report is recorded, through any replica. */
  version(): Promise<string>;
}
