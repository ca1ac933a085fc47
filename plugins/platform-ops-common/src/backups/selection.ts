import { DateTime } from 'luxon';
import { BackupScopeItem, BackupSourceSpec } from './annotations';
import {
  BackupInventory,
  RawBackup,
  RawRestore,
  RawSchedule,
  RawStorageLocation,
  ScopeMismatch,
} from './types';

/** Velero phases that mean the backup did not fully work. */
const FAILED_PHASES = ['Failed', 'PartiallyFailed', 'FailedValidation'];

/**
 * The part of an environment's inventory that is one component's.
 *
 * @public
 */
export type ComponentBackups = {
  backups: RawBackup[];
  /** The component's Velero schedule, with `velero:schedule=NAME`. */
  schedule?: RawSchedule;
  /** True when the annotation names a schedule the cluster does not have. */
  scheduleMissing: boolean;
  storageLocations: RawStorageLocation[];
  restores: RawRestore[];
};

/**
 * Picks a component's backups from an inventory. With
 * `velero:schedule=NAME` only backups of that schedule count, never an
 * ad-hoc one; with `velero:selector=LABEL=VALUE`, backups carrying that
 * label. Pushed reports are already the component's own.
 *
 * @public
 */
export function componentBackups(
  inventory: BackupInventory,
  spec: BackupSourceSpec,
): ComponentBackups {
  let backups: RawBackup[] = inventory.backups;
  let schedule: RawSchedule | undefined;
  let scheduleMissing = false;
  if (spec.type === 'velero' && 'schedule' in spec) {
    backups = inventory.backups.filter(
      backup => backup.schedule === spec.schedule,
    );
    schedule = inventory.schedules.find(entry => entry.name === spec.schedule);
    scheduleMissing = !schedule;
  } else if (spec.type === 'velero') {
    const { label, value } = spec.selector;
    backups = inventory.backups.filter(
      backup => backup.labels[label] === value,
    );
  }
  const names = new Set(backups.map(backup => backup.name));
  const locationNames = new Set(
    [schedule?.storageLocation, ...backups.map(b => b.storageLocation)].filter(
      (name): name is string => Boolean(name),
    ),
  );
  // A schedule without a location writes to the default one.
  const storageLocations = inventory.storageLocations.filter(
    location =>
      locationNames.has(location.name) ||
      (schedule !== undefined && !schedule.storageLocation && location.default),
  );
  return {
    backups,
    schedule,
    scheduleMissing,
    storageLocations,
    restores: inventory.restores.filter(restore =>
      names.has(restore.backupName),
    ),
  };
}

function time(text: string | undefined): number {
  const parsed = text ? DateTime.fromISO(text) : undefined;
  return parsed?.isValid ? parsed.toMillis() : -Infinity;
}

function newestFirst<T>(items: T[], at: (item: T) => string | undefined): T[] {
  return [...items].sort((a, b) => time(at(b)) - time(at(a)));
}

/**
 * The last successful backup: the newest `Completed` one by completion
 * time. In-progress, failed and partially failed backups never count.
 *
 * @public
 */
export function lastSuccessfulBackup(
  backups: RawBackup[],
): RawBackup | undefined {
  return newestFirst(
    backups.filter(
      backup => backup.phase === 'Completed' && backup.completedAt,
    ),
    backup => backup.completedAt,
  )[0];
}

/**
 * The oldest backup that can still be restored: `Completed` and not
 * expired.
 *
 * @public
 */
export function oldestRestorableBackup(
  backups: RawBackup[],
  now: DateTime,
): RawBackup | undefined {
  const restorable = backups.filter(
    backup =>
      backup.phase === 'Completed' &&
      backup.completedAt &&
      !(backup.expiresAt && time(backup.expiresAt) <= now.toMillis()),
  );
  return newestFirst(restorable, backup => backup.completedAt).pop();
}

/**
 * Failed and partially failed backups, newest first.
 *
 * @public
 */
export function failedBackups(backups: RawBackup[]): RawBackup[] {
  return newestFirst(
    backups.filter(backup => FAILED_PHASES.includes(backup.phase)),
    backup => backup.completedAt ?? backup.startedAt,
  );
}

/**
 * The last proven restore: the newest `Completed` restore of one of the
 * component's backups. Until a restore has worked, backups prove nothing.
 *
 * @public
 */
export function lastProvenRestore(
  restores: RawRestore[],
): RawRestore | undefined {
  return newestFirst(
    restores.filter(restore => restore.phase === 'Completed'),
    restore => restore.completedAt,
  )[0];
}

/** The namespace a declared item lives in, if Velero can cover it. */
function namespaceOf(item: BackupScopeItem): string | undefined {
  if (item.kind === 'namespace') return item.target;
  if (item.kind === 'pvc') return item.target.split('/')[0];
  // Databases, buckets, volumes and files are backed up by other tools.
  return undefined;
}

/**
 * Compares the declared scope with a Velero coverage (a schedule's, or a
 * backup's). An empty or `*` inclusion covers every namespace not
 * excluded; only namespaces named explicitly can be "covered but not
 * declared".
 *
 * @public
 */
export function scopeMismatch(
  declared: BackupScopeItem[],
  coverage: { includedNamespaces: string[]; excludedNamespaces: string[] },
): ScopeMismatch {
  const { includedNamespaces: included, excludedNamespaces: excluded } =
    coverage;
  const all = included.length === 0 || included.includes('*');
  const covers = (namespace: string) =>
    (all || included.includes(namespace)) && !excluded.includes(namespace);
  const declaredNamespaces = new Set(
    declared.map(namespaceOf).filter((ns): ns is string => Boolean(ns)),
  );
  return {
    declaredNotCovered: declared.filter(item => {
      const namespace = namespaceOf(item);
      return namespace !== undefined && !covers(namespace);
    }),
    coveredNotDeclared: all
      ? []
      : included.filter(namespace => !declaredNamespaces.has(namespace)),
  };
}
