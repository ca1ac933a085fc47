import {
  RawBackup,
  RawRestore,
  RawSchedule,
  RawStorageLocation,
} from '@platform-ops/plugin-platform-ops-common';
import { z } from 'zod';
import { mapItems } from '../kubernetes/mapItems';

// Velero's objects as far as the summary reads them. Only a name is
// required: Velero fills status in later, and fields it leaves out or
// writes as null must not reject an object.

const metadata = z.object({
  name: z.string().min(1),
  labels: z.record(z.string()).nullish(),
});
const time = z.string().nullish();
const phase = z.string().nullish();
const count = z.number().int().nonnegative().nullish();
const namespaces = z.array(z.string()).nullish();

const backupSpec = z.object({
  includedNamespaces: namespaces,
  excludedNamespaces: namespaces,
  labelSelector: z
    .object({ matchLabels: z.record(z.string()).nullish() })
    .nullish(),
  storageLocation: z.string().nullish(),
});

const backup = z.object({
  metadata,
  spec: backupSpec.nullish(),
  status: z
    .object({
      phase,
      startTimestamp: time,
      completionTimestamp: time,
      expiration: time,
      failureReason: z.string().nullish(),
      validationErrors: z.array(z.string()).nullish(),
      errors: count,
      warnings: count,
    })
    .nullish(),
});

const schedule = z.object({
  metadata,
  spec: z.object({
    schedule: z.string().nullish(),
    paused: z.boolean().nullish(),
    template: backupSpec.nullish(),
  }),
  status: z.object({ lastBackup: time }).nullish(),
});

const storageLocation = z.object({
  metadata,
  spec: z.object({ default: z.boolean().nullish() }).nullish(),
  status: z
    .object({
      phase,
      lastValidationTime: time,
      message: z.string().nullish(),
    })
    .nullish(),
});

const restore = z.object({
  metadata,
  spec: z.object({ backupName: z.string().min(1) }),
  status: z
    .object({ phase, startTimestamp: time, completionTimestamp: time })
    .nullish(),
});

function plural(amount: number, word: string): string {
  return `${amount} ${word}${amount === 1 ? '' : 's'}`;
}

/**
 * Velero writes `failureReason` for Failed backups only; a partially failed
 * one gives its reasons as counts and in its log, so those are its reason.
 */
function failureReasonOf(item: z.infer<typeof backup>): string | undefined {
  const status = item.status;
  if (status?.failureReason) return status.failureReason;
  if (status?.validationErrors?.length) {
    return status.validationErrors.join('; ');
  }
  if (status?.phase === 'PartiallyFailed') {
    return `${plural(status.errors ?? 0, 'error')} and ${plural(
      status.warnings ?? 0,
      'warning',
    )}; see velero backup logs ${item.metadata.name}`;
  }
  return undefined;
}

function backupOf(item: z.infer<typeof backup>): RawBackup {
  const labels = item.metadata.labels ?? {};
  const { spec, status } = item;
  return {
    name: item.metadata.name,
    schedule: labels['velero.io/schedule-name'],
    labels,
    // A backup Velero has not picked up yet has no status.
    phase: status?.phase || 'New',
    failureReason: failureReasonOf(item),
    errors: status?.errors ?? undefined,
    warnings: status?.warnings ?? undefined,
    startedAt: status?.startTimestamp ?? undefined,
    completedAt: status?.completionTimestamp ?? undefined,
    expiresAt: status?.expiration ?? undefined,
    storageLocation: spec?.storageLocation ?? undefined,
    includedNamespaces: spec?.includedNamespaces ?? [],
    excludedNamespaces: spec?.excludedNamespaces ?? [],
    // Velero records no size on the Backup; only the bucket knows it.
  };
}

function scheduleOf(item: z.infer<typeof schedule>): RawSchedule {
  const template = item.spec.template;
  return {
    name: item.metadata.name,
    paused: item.spec.paused ?? false,
    cron: item.spec.schedule ?? undefined,
    lastBackupAt: item.status?.lastBackup ?? undefined,
    storageLocation: template?.storageLocation ?? undefined,
    includedNamespaces: template?.includedNamespaces ?? [],
    excludedNamespaces: template?.excludedNamespaces ?? [],
    // matchLabels name the coverage well enough to set beside what a
    // component declares; matchExpressions have no place in the summary.
    labelSelector: template?.labelSelector?.matchLabels ?? undefined,
  };
}

function storageLocationOf(
  item: z.infer<typeof storageLocation>,
): RawStorageLocation {
  return {
    name: item.metadata.name,
    // Empty until Velero has validated it; the summary says so.
    phase: item.status?.phase ?? '',
    lastValidatedAt: item.status?.lastValidationTime ?? undefined,
    message: item.status?.message ?? undefined,
    default: item.spec?.default ?? false,
  };
}

function restoreOf(item: z.infer<typeof restore>): RawRestore {
  return {
    name: item.metadata.name,
    backupName: item.spec.backupName,
    phase: item.status?.phase || 'New',
    startedAt: item.status?.startTimestamp ?? undefined,
    completedAt: item.status?.completionTimestamp ?? undefined,
  };
}

/**
 * Each Velero kind the inventory holds: its plural in the API path, and how
 * its list items become the suite's raw types.
 */
export const veleroKinds = {
  backups: (items: unknown[]) => mapItems(items, backup, backupOf),
  schedules: (items: unknown[]) => mapItems(items, schedule, scheduleOf),
  backupstoragelocations: (items: unknown[]) =>
    mapItems(items, storageLocation, storageLocationOf),
  restores: (items: unknown[]) => mapItems(items, restore, restoreOf),
};
