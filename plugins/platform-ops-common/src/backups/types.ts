import { Sourced } from '../values/sourced';
import {
  BackupProtection,
  BackupScopeItem,
  BackupSourceSpec,
} from './annotations';
import { DrillState, RetentionState, RpoState, RtoState } from './compliance';
import { Drill } from './drills';

/**
 * A backup as the summary shows it.
 *
 * @public
 */
export type BackupRecord = {
  name: string;
  phase: string;
  startedAt?: string;
  completedAt?: string;
  expiresAt?: string;
  failureReason?: string;
  sizeBytes?: number;
  storageLocation?: string;
  location?: string;
};

/**
 * A component's backups in one environment, judged against its policy.
 *
 * @public
 */
export type BackupEnvironmentStatus = {
  environment: string;
  /** The source the data came from, such as `velero:production` or `push`. */
  sourceId: string;
  /** When the source last answered (ISO 8601). */
  fetchedAt?: string;
  /** Why the last attempt failed, without internal addresses. */
  lastError?: string;
  /** False when the source has not answered recently: nothing is `ok` then. */
  fresh: boolean;
  rpo: RpoState;
  lastSuccess?: BackupRecord;
  retention: RetentionState;
  oldestRestorable?: BackupRecord;
  /** Failed and partially failed backups, newest first, with their reasons. */
  failures: BackupRecord[];
  /** Backups still running; they never count for the RPO. */
  inProgress: number;
  /** The Velero schedule named by `velero:schedule=NAME`. */
  schedule?: RawSchedule;
  /** True when the annotation names a schedule the cluster does not have. */
  scheduleMissing: boolean;
  /** Where the backups go; `Unavailable` means every backup there fails. */
  storageLocations: RawStorageLocation[];
  /** The newest completed restore of one of these backups. */
  lastRestore?: RawRestore;
  /** Declared scope against what the schedule or backups cover. */
  scopeMismatch?: ScopeMismatch;
};

/**
 * Backups section of a summary: the policy and what is declared, then how
 * the backups, restores and drills stand against it.
 *
 * @public
 */
export type BackupsSection = {
  /** Durations written short, such as 24h or 7d. */
  policy: {
    rpo: Sourced<string>;
    retention: Sourced<string>;
    rto: Sourced<string>;
  };
  source?: BackupSourceSpec;
  scope: BackupScopeItem[];
  protection: BackupProtection[];
  /** Protections not in place. */
  protectionGaps: BackupProtection[];
  /** One entry per environment whose backups are known (live). */
  environments: BackupEnvironmentStatus[];
  /** The worst RPO state over the environments; absent when nothing is backed up. */
  rpo?: RpoState;
  /** The newest recorded drill of this component (live). */
  lastDrill?: Drill;
  /** Whether drills are due; absent when nothing is backed up on purpose. */
  drill?: { state: DrillState; interval: string; nextDue?: string };
  /** The last drill's measured RTO against the objective. */
  rto?: { state: RtoState; measured?: string };
};

/**
 * One backup as a backup system reports it: a Velero `Backup`, or a report
 * pushed by an application-specific tool.
 *
 * @public
 */
export type RawBackup = {
  name: string;
  /** The Velero schedule that made it (label `velero.io/schedule-name`). */
  schedule?: string;
  labels: Record<string, string>;
  /** Velero's phase: Completed, PartiallyFailed, Failed, InProgress, ... */
  phase: string;
  /** Why it failed, as the backup system says. */
  failureReason?: string;
  errors?: number;
  warnings?: number;
  startedAt?: string;
  completedAt?: string;
  /** When the backup system deletes it; past this it cannot be restored. */
  expiresAt?: string;
  storageLocation?: string;
  /** Namespaces it covered; `*` means all. */
  includedNamespaces: string[];
  excludedNamespaces: string[];
  sizeBytes?: number;
  /** Where a pushed backup was written, as the tool reported it. */
  location?: string;
};

/**
 * A Velero `Schedule`: what it covers and whether it runs.
 *
 * @public
 */
export type RawSchedule = {
  name: string;
  paused: boolean;
  cron?: string;
  lastBackupAt?: string;
  storageLocation?: string;
  includedNamespaces: string[];
  excludedNamespaces: string[];
  labelSelector?: Record<string, string>;
};

/**
 * A Velero `BackupStorageLocation`. While it is `Unavailable`, every backup
 * written to it fails.
 *
 * @public
 */
export type RawStorageLocation = {
  name: string;
  phase: string;
  lastValidatedAt?: string;
  message?: string;
  default?: boolean;
};

/**
 * A Velero `Restore` of one backup.
 *
 * @public
 */
export type RawRestore = {
  name: string;
  backupName: string;
  phase: string;
  startedAt?: string;
  completedAt?: string;
};

/**
 * Everything one backup source knows in one environment.
 *
 * @public
 */
export type BackupInventory = {
  backups: RawBackup[];
  schedules: RawSchedule[];
  storageLocations: RawStorageLocation[];
  restores: RawRestore[];
};

/**
 * Declared backup scope against what Velero covers, named both ways.
 *
 * @public
 */
export type ScopeMismatch = {
  /** Declared items whose namespace the backups do not cover. */
  declaredNotCovered: BackupScopeItem[];
  /** Namespaces the backups name that the declared scope does not mention. */
  coveredNotDeclared: string[];
};
