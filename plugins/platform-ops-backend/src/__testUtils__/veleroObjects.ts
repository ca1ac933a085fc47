import { KubernetesObject } from './kubernetesStandIn';

/** A velero.io/v1 object in the velero namespace. */
export function velero(kind: string, name: string, rest: object = {}) {
  return {
    apiVersion: 'velero.io/v1',
    kind,
    metadata: { name, namespace: 'velero', labels: {} },
    ...rest,
  } as KubernetesObject;
}

/**
 * A small Velero inventory with one of each state the source maps: a
 * scheduled Completed, Failed and PartiallyFailed backup, one without status,
 * a paused schedule, an unavailable location, a restore, and a backup in
 * another namespace.
 */
export const VELERO_OBJECTS: KubernetesObject[] = [
  velero('Backup', 'nightly-20261121020000', {
    metadata: {
      name: 'nightly-20261121020000',
      namespace: 'velero',
      labels: { 'velero.io/schedule-name': 'nightly', app: 'orders' },
    },
    spec: {
      includedNamespaces: ['orders'],
      excludedNamespaces: ['orders-cache'],
      storageLocation: 'default',
      ttl: '336h0m0s',
    },
    status: {
      phase: 'Completed',
      startTimestamp: '2026-11-21T02:00:00Z',
      completionTimestamp: '2026-11-21T02:10:00Z',
      expiration: '2026-12-05T02:00:00Z',
      errors: 0,
      warnings: 1,
    },
  }),
  velero('Backup', 'nightly-20261120020000', {
    metadata: {
      name: 'nightly-20261120020000',
      namespace: 'velero',
      labels: { 'velero.io/schedule-name': 'nightly' },
    },
    spec: { includedNamespaces: ['orders'] },
    status: {
      phase: 'Failed',
      failureReason: 'rpc error: AccessDenied',
      startTimestamp: '2026-11-20T02:00:00Z',
      completionTimestamp: '2026-11-20T02:01:00Z',
    },
  }),
  velero('Backup', 'nightly-20261119020000', {
    metadata: {
      name: 'nightly-20261119020000',
      namespace: 'velero',
      labels: { 'velero.io/schedule-name': 'nightly' },
    },
    status: { phase: 'PartiallyFailed', errors: 2, warnings: 1 },
  }),
  // Just created: Velero has not written a status yet.
  velero('Backup', 'manual-orders'),
  velero('Schedule', 'nightly', {
    spec: {
      schedule: '0 2 * * *',
      paused: true,
      template: {
        includedNamespaces: ['orders'],
        excludedNamespaces: ['orders-cache'],
        labelSelector: { matchLabels: { app: 'orders' } },
        storageLocation: 'default',
      },
    },
    status: { phase: 'Enabled', lastBackup: '2026-11-21T02:00:00Z' },
  }),
  velero('BackupStorageLocation', 'default', {
    spec: { default: true, provider: 'aws' },
    status: {
      phase: 'Unavailable',
      lastValidationTime: '2026-11-21T09:59:00Z',
      message: 'NoSuchBucket',
    },
  }),
  velero('Restore', 'nightly-20261121020000-drill', {
    spec: { backupName: 'nightly-20261121020000' },
    status: {
      phase: 'Completed',
      startTimestamp: '2026-11-21T08:00:00Z',
      completionTimestamp: '2026-11-21T08:20:00Z',
    },
  }),
  // Another namespace: not Velero's, never read.
  {
    ...velero('Backup', 'elsewhere'),
    metadata: { name: 'elsewhere', namespace: 'other' },
  },
];
