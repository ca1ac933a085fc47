import { BackupSourceSpec } from '@platform-ops/plugin-platform-ops-common';

/** Where the backup status comes from, in words. */
export function describeBackupSource(source: BackupSourceSpec): string {
  switch (source.type) {
    case 'none':
      return 'none: nothing is backed up, on purpose';
    case 'push':
      return 'reports pushed by the backup tool';
    default:
      return 'schedule' in source
        ? `Velero schedule ${source.schedule}`
        : `Velero backups of ${source.selector.label}=${source.selector.value}`;
  }
}
