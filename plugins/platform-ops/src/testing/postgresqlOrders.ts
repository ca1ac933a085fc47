import { Entity } from '@backstage/catalog-model';
import {
  OpsSummary,
  summarizeEntity,
} from '@platform-ops/plugin-platform-ops-common';
import { drill, hoursAgo, inventory, withLiveBackups } from './liveBackups';
import { heartbeatsOk, testConfig, testNow } from './testConfig';

// Mirrors postgresql-orders in demo/catalog/platform.yaml: its backup tool
// pushes reports. The last production report is 3 h old against an RPO of
// 1 h, and its only drill, in April, took longer than the RTO.

export const postgresqlOrdersEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'postgresql-orders',
    namespace: 'default',
    title: 'PostgreSQL (orders)',
    annotations: {
      'platform-ops/scope': 'platform',
      'platform-ops/environments': 'staging, production',
      'platform-ops/backup-policy': 'rpo=1h, retention=30d, rto=2h',
      'platform-ops/backup-source': 'push',
      'platform-ops/backup-scope': 'database:orders',
      'platform-ops/backup-protection':
        'object-lock, off-site, off-cloud, encrypted',
    },
  },
  spec: {
    type: 'database',
    lifecycle: 'production',
    owner: 'group:default/platform-team',
  },
};

function report(name: string, completedHoursAgo: number) {
  return {
    name,
    phase: 'Completed',
    labels: {},
    includedNamespaces: [],
    excludedNamespaces: [],
    startedAt: hoursAgo(completedHoursAgo + 0.1),
    completedAt: hoursAgo(completedHoursAgo),
    sizeBytes: 4_500_000_000,
    location: 's3://backups-offsite/orders',
  };
}

/** Its one drill: in staging, 2026-04-20, measured 3h against an RTO of 2h. */
export const postgresqlOrdersDrill = drill({
  id: 'drill-postgresql-orders-2026-04-20',
  entityRefs: ['component:default/postgresql-orders'],
  environment: 'staging',
  date: '2026-04-20',
  scenario: 'Point-in-time recovery of the orders database',
  ledBy: 'Ahmed Haddad',
  measuredRto: '3h',
  outcome: 'partly-succeeded',
  wentWell: 'WAL replay worked',
  toImprove: 'The base backup download was slow',
  actionItems: ['Keep a base backup in the cluster region'],
});

const summarized = summarizeEntity(postgresqlOrdersEntity, testConfig, testNow);

/** The backend's answer for postgresql-orders, as of `testNow`. */
export const postgresqlOrdersSummary: OpsSummary = withLiveBackups(
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
      sourceId: 'push',
      answeredHoursAgo: 0.3,
      fresh: true,
      inventory: inventory({
        backups: [
          report('pgbackrest-staging-20261121-2345', 0.3),
          report('pgbackrest-staging-20261023-0005', 24 * 30),
        ],
      }),
    },
    {
      environment: 'production',
      sourceId: 'push',
      answeredHoursAgo: 3,
      fresh: true,
      inventory: inventory({
        backups: [
          report('pgbackrest-production-20261121-2105', 3),
          report('pgbackrest-production-20261023-0005', 24 * 30),
        ],
      }),
    },
  ],
  [postgresqlOrdersDrill],
);
