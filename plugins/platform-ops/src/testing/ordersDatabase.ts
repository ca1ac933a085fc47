import { Entity } from '@backstage/catalog-model';
import {
  OpsSummary,
  summarizeEntity,
} from '@platform-ops/plugin-platform-ops-common';
import {
  hoursAgo,
  inventory,
  veleroBackup,
  withLiveBackups,
} from './liveBackups';
import { heartbeatsOk, testConfig, testNow } from './testConfig';

// An application team's database with backups, an overdue audit and two
// annotation mistakes (a level that does not exist, a runbook that is not
// a URL). Its production backups are close to the RPO and cover another
// namespace than the one declared; its staging source is stale; it has
// never been drilled.

export const ordersDatabaseEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders-db',
    namespace: 'default',
    annotations: {
      'platform-ops/scope': 'application',
      'platform-ops/escalation': 'group:default/orders-team',
      'platform-ops/audits': 'application=2025-06-15',
      'platform-ops/backup-policy': 'rpo=1h, retention=30d',
      'platform-ops/backup-source': 'velero:selector=app=orders',
      'platform-ops/backup-scope':
        'pvc:orders/data-orders-db-0, database:orders',
      'platform-ops/backup-protection': 'object-lock, off-site',
      'platform-ops/alert-levels': 'production=P0',
      'platform-ops/runbook': 'wiki/runbooks/orders-db',
    },
  },
  spec: { type: 'database', lifecycle: 'production', owner: 'orders-team' },
};

const summarized = summarizeEntity(ordersDatabaseEntity, testConfig, testNow);

// The selector picks backups of the archive namespace, not of the
// database's PVC: a scope mismatch both ways.
function ordersBackup(name: string, completedHoursAgo: number, phase: string) {
  return veleroBackup({
    name,
    phase,
    labels: { app: 'orders' },
    includedNamespaces: ['orders-archive'],
    startedAt: hoursAgo(completedHoursAgo + 0.1),
    completedAt:
      phase === 'InProgress' ? undefined : hoursAgo(completedHoursAgo),
  });
}

/**
 * The backend's answer for orders-db: the entity summarized with the demo
 * config, plus the contact the backend resolves in the catalog and healthy
 * heartbeats.
 */
export const ordersDatabaseSummary: OpsSummary = withLiveBackups(
  {
    ...summarized,
    scope: {
      ...summarized.scope,
      contacts: {
        'group:default/orders-team': {
          ref: 'group:default/orders-team',
          kind: 'group',
          found: true,
          title: 'Orders team',
          email: 'orders@example.com',
        },
      },
    },
    alerting: {
      ...summarized.alerting,
      status: heartbeatsOk(summarized.alerting.environments),
      trustworthy: true,
    },
  },
  [
    {
      environment: 'staging',
      sourceId: 'velero:staging',
      answeredHoursAgo: 3,
      fresh: false,
      lastError: 'the Kubernetes API of staging did not answer within 10s',
      inventory: inventory({
        backups: [ordersBackup('orders-staging-20261121-1605', 8, 'Completed')],
      }),
    },
    {
      environment: 'production',
      sourceId: 'velero:production',
      answeredHoursAgo: 0.05,
      fresh: true,
      inventory: inventory({
        storageLocations: [
          { name: 'default', phase: 'Available', default: true },
        ],
        backups: [
          ordersBackup('orders-20261122-0005', 0, 'InProgress'),
          ordersBackup('orders-20261121-2310', 55 / 60, 'Completed'),
          ordersBackup('orders-20261023-0005', 24 * 30, 'Completed'),
        ],
      }),
    },
  ],
);
