import { Entity } from '@backstage/catalog-model';
import {
  OpsSummary,
  summarizeEntity,
} from '@platform-ops/plugin-platform-ops-common';
import {
  drill,
  hoursAgo,
  inventory,
  veleroBackup,
  withLiveBackups,
} from './liveBackups';
import { heartbeatsOk, testConfig, testNow } from './testConfig';

// Mirrors argocd in demo/catalog/platform.yaml: backed up by the shared
// Velero schedule. Production is fine but had a failed and a partially
// failed night; in staging the schedule is paused and the storage location
// is unavailable.

export const argocdEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'argocd',
    namespace: 'default',
    title: 'Argo CD',
    annotations: {
      'platform-ops/scope': 'platform',
      'platform-ops/environments': 'staging, production',
      'platform-ops/backup-policy': 'rpo=24h, retention=14d, rto=4h',
      'platform-ops/backup-source': 'velero:schedule=daily-platform',
      'platform-ops/backup-scope': 'namespace:argocd',
      'platform-ops/backup-protection': 'object-lock, off-site, encrypted',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/platform-team',
  },
};

const schedule = {
  name: 'daily-platform',
  cron: '5 19 * * *',
  includedNamespaces: ['argocd'],
  excludedNamespaces: [],
};

function nightly(day: string, completedHoursAgo: number) {
  return {
    name: `daily-platform-${day}190500`,
    schedule: 'daily-platform',
    includedNamespaces: ['argocd'],
    startedAt: hoursAgo(completedHoursAgo + 0.25),
    completedAt: hoursAgo(completedHoursAgo),
    expiresAt: testNow
      .minus({ hours: completedHoursAgo })
      .plus({ days: 14 })
      .toISO()!,
  };
}

/** The drill the argocd fixture had, on 2026-10-01, within its RTO. */
export const argocdDrill = drill({
  id: 'drill-argocd-2026-10-01',
  entityRefs: ['component:default/argocd'],
  environment: 'production',
  date: '2026-10-01',
  scenario: 'Lose the argocd namespace; restore it from the nightly backup',
  ledBy: 'Jane Okafor',
  measuredRto: '3h',
  outcome: 'succeeded',
  wentWell: 'The runbook was right; applications resynced on their own',
  toImprove: 'Finding the right backup took an hour',
  actionItems: [
    'Link the backup list from the runbook',
    'Name restores after the drill',
  ],
});

const summarized = summarizeEntity(argocdEntity, testConfig, testNow);

/** The backend's answer for argocd, with live backups as of `testNow`. */
export const argocdSummary: OpsSummary = withLiveBackups(
  {
    ...summarized,
    alerting: {
      ...summarized.alerting,
      status: heartbeatsOk(['staging', 'production']),
      trustworthy: true,
    },
  },
  [
    {
      environment: 'staging',
      sourceId: 'velero:staging',
      answeredHoursAgo: 0.05,
      fresh: true,
      inventory: inventory({
        schedules: [{ ...schedule, paused: true }],
        storageLocations: [
          {
            name: 'default',
            phase: 'Unavailable',
            default: true,
            lastValidatedAt: hoursAgo(0.1),
            message: 'bucket velero-staging not found',
          },
        ],
        backups: [
          veleroBackup({ ...nightly('20261118', 77), phase: 'Completed' }),
        ],
      }),
    },
    {
      environment: 'production',
      sourceId: 'velero:production',
      answeredHoursAgo: 0.05,
      fresh: true,
      inventory: inventory({
        schedules: [
          { ...schedule, paused: false, lastBackupAt: hoursAgo(5.25) },
        ],
        storageLocations: [
          {
            name: 'default',
            phase: 'Available',
            default: true,
            lastValidatedAt: hoursAgo(0.1),
          },
        ],
        backups: [
          veleroBackup({ ...nightly('20261121', 5), phase: 'Completed' }),
          veleroBackup({
            ...nightly('20261120', 29),
            phase: 'PartiallyFailed',
            failureReason:
              '2 items failed: volume snapshot of argocd/repo-server-cache timed out',
          }),
          veleroBackup({
            ...nightly('20261119', 53),
            phase: 'Failed',
            failureReason: 'backup storage location default is unavailable',
          }),
          veleroBackup({ ...nightly('20261108', 317), phase: 'Completed' }),
        ],
        restores: [
          {
            name: 'argocd-drill-20261110',
            backupName: 'daily-platform-20261108190500',
            phase: 'Completed',
            startedAt: hoursAgo(279),
            completedAt: hoursAgo(278),
          },
        ],
      }),
    },
  ],
  [argocdDrill],
);
