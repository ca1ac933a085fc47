import {
  BackupInventory,
  backupEnvironmentStatus,
  Drill,
  OpsSummary,
  parseDuration,
  RawBackup,
  withBackupStatus,
} from '@platform-ops/plugin-platform-ops-common';
import { testConfig, testNow } from './testConfig';

/** What one environment's backup source last told the backend. */
export type EnvironmentReading = {
  environment: string;
  sourceId: string;
  /** Undefined when the source has never answered. */
  inventory?: BackupInventory;
  /** Hours before `testNow` that the source last answered. */
  answeredHoursAgo?: number;
  fresh: boolean;
  lastError?: string;
};

/** An ISO time the given number of hours before `testNow`. */
export function hoursAgo(hours: number): string {
  return testNow.minus({ hours }).toISO()!;
}

/** A Velero backup with the fields every fixture shares. */
export function veleroBackup(
  backup: Pick<RawBackup, 'name' | 'phase'> & Partial<RawBackup>,
): RawBackup {
  return {
    labels: {},
    includedNamespaces: [],
    excludedNamespaces: [],
    storageLocation: 'default',
    ...backup,
  };
}

/** An inventory with nothing in it, to fill in part by part. */
export function inventory(parts: Partial<BackupInventory>): BackupInventory {
  return {
    backups: [],
    schedules: [],
    storageLocations: [],
    restores: [],
    ...parts,
  };
}

/** A recorded drill of the given components. */
export function drill(
  parts: Pick<Drill, 'id' | 'entityRefs' | 'environment' | 'date'> &
    Partial<Drill>,
): Drill {
  return {
    scenario: 'Restore into an empty namespace from the newest backup',
    ledBy: 'Jane Okafor',
    outcome: 'succeeded',
    wentWell: '',
    toImprove: '',
    actionItems: [],
    recordedBy: 'user:default/jane',
    recordedAt: `${parts.date}T16:00:00Z`,
    ...parts,
  };
}

/**
 * A summary with the live backup part the backend adds: each environment
 * judged by `backupEnvironmentStatus` against the summary's own policy, then
 * the drills by `withBackupStatus`, as of `testNow`.
 */
export function withLiveBackups(
  summary: OpsSummary,
  readings: EnvironmentReading[],
  drills: Drill[] = [],
): OpsSummary {
  const { backups } = summary;
  // As the backend does: without a declared source there is nothing to judge.
  if (!backups.source) return summary;
  const duration = (text: string) => parseDuration('policy', text).value!;
  const environments =
    backups.source.type !== 'none'
      ? readings.map(reading =>
          backupEnvironmentStatus({
            environment: reading.environment,
            sourceId: reading.sourceId,
            inventory: reading.inventory,
            fetchedAt:
              reading.answeredHoursAgo === undefined
                ? undefined
                : hoursAgo(reading.answeredHoursAgo),
            lastError: reading.lastError,
            fresh: reading.fresh,
            spec: backups.source!,
            declaredScope: backups.scope,
            rpo: duration(backups.policy.rpo.value),
            retention: duration(backups.policy.retention.value),
            now: testNow,
          }),
        )
      : [];
  return {
    ...summary,
    backups: withBackupStatus(backups, {
      environments,
      drills: drills.filter(entry =>
        entry.entityRefs.includes(summary.entity.ref),
      ),
      drillInterval: testConfig.backups.drillInterval,
      now: testNow,
    }),
  };
}
