import { DateTime, Duration } from 'luxon';
import { formatDuration, parseDuration } from '../values/duration';
import { BackupScopeItem, BackupSourceSpec } from './annotations';
import {
  drillState,
  retentionState,
  RpoState,
  rpoState,
  rtoState,
} from './compliance';
import { Drill } from './drills';
import {
  componentBackups,
  failedBackups,
  lastProvenRestore,
  lastSuccessfulBackup,
  oldestRestorableBackup,
  scopeMismatch,
} from './selection';
import {
  BackupEnvironmentStatus,
  BackupInventory,
  BackupRecord,
  BackupsSection,
  RawBackup,
} from './types';

/** At most this many failures are listed per environment. */
const FAILURES_SHOWN = 5;

/** Worst first: a breach, then not knowing, then a risk. */
const RPO_ORDER: RpoState[] = ['breached', 'unknown', 'at-risk', 'ok'];

function record(backup: RawBackup | undefined): BackupRecord | undefined {
  if (!backup) return undefined;
  return {
    name: backup.name,
    phase: backup.phase,
    startedAt: backup.startedAt,
    completedAt: backup.completedAt,
    expiresAt: backup.expiresAt,
    failureReason: backup.failureReason,
    sizeBytes: backup.sizeBytes,
    storageLocation: backup.storageLocation,
    location: backup.location,
  };
}

function at(text: string | undefined): DateTime | undefined {
  const time = text ? DateTime.fromISO(text) : undefined;
  return time?.isValid ? time : undefined;
}

/**
 * How a component's backups stand in one environment: the last good backup
 * against the RPO, how far back one can restore against the retention,
 * failures with their reasons, the schedule and storage locations, the last
 * proven restore and the declared scope against what is covered.
 *
 * @public
 */
export function backupEnvironmentStatus(options: {
  environment: string;
  sourceId: string;
  /** Undefined when the source has never answered. */
  inventory?: BackupInventory;
  fetchedAt?: string;
  lastError?: string;
  fresh: boolean;
  spec: BackupSourceSpec;
  declaredScope: BackupScopeItem[];
  rpo: Duration;
  retention: Duration;
  now: DateTime;
}): BackupEnvironmentStatus {
  const { now, rpo, retention } = options;
  const fresh = options.fresh && options.inventory !== undefined;
  const own = componentBackups(
    options.inventory ?? {
      backups: [],
      schedules: [],
      storageLocations: [],
      restores: [],
    },
    options.spec,
  );
  const lastSuccess = lastSuccessfulBackup(own.backups);
  const oldest = oldestRestorableBackup(own.backups, now);
  // What Velero covers: the schedule's template, else the newest backup's.
  const coverage = own.schedule ?? lastSuccess ?? own.backups[0];
  return {
    environment: options.environment,
    sourceId: options.sourceId,
    fetchedAt: options.fetchedAt,
    lastError: options.lastError,
    fresh,
    rpo: rpoState({
      lastSuccessAt: at(lastSuccess?.completedAt),
      rpo,
      fresh,
      now,
    }),
    lastSuccess: record(lastSuccess),
    retention: retentionState({
      oldestRestorableAt: at(oldest?.completedAt),
      retention,
      rpo,
      fresh,
      now,
    }),
    oldestRestorable: record(oldest),
    failures: failedBackups(own.backups)
      .slice(0, FAILURES_SHOWN)
      .map(backup => record(backup)!),
    inProgress: own.backups.filter(backup => backup.phase === 'InProgress')
      .length,
    schedule: own.schedule,
    scheduleMissing: own.scheduleMissing,
    storageLocations: own.storageLocations,
    lastRestore: lastProvenRestore(own.restores),
    scopeMismatch:
      options.spec.type === 'velero' && coverage
        ? scopeMismatch(options.declaredScope, coverage)
        : undefined,
  };
}

/**
 * The backups section with its live part: the status per environment, the
 * worst RPO state, the last drill with the RTO it measured, and whether a
 * drill is due. A component that is not backed up on purpose (`none`) owes
 * no drills.
 *
 * @public
 */
export function withBackupStatus(
  section: BackupsSection,
  options: {
    environments: BackupEnvironmentStatus[];
    /** This component's drills, in any order. */
    drills: Drill[];
    drillInterval: Duration;
    now: DateTime;
  },
): BackupsSection {
  if (section.source?.type === 'none') {
    return { ...section, environments: [] };
  }
  const lastDrill = [...options.drills].sort((a, b) =>
    b.date.localeCompare(a.date),
  )[0];
  const states = options.environments.map(entry => entry.rpo);
  const drill = drillState({
    lastDrillOn: lastDrill ? DateTime.fromISO(lastDrill.date) : undefined,
    interval: options.drillInterval,
    now: options.now,
  });
  const rto = parseDuration('rto', section.policy.rto.value).value!;
  const measured = lastDrill?.measuredRto
    ? parseDuration('measuredRto', lastDrill.measuredRto).value
    : undefined;
  return {
    ...section,
    environments: options.environments,
    rpo: RPO_ORDER.find(state => states.includes(state)),
    lastDrill,
    drill: {
      state: drill.state,
      interval: formatDuration(options.drillInterval),
      nextDue: drill.nextDue?.toISODate() ?? undefined,
    },
    rto: {
      state: rtoState({ measured, rto }),
      measured: lastDrill?.measuredRto,
    },
  };
}
