import { Entity } from '@backstage/catalog-model';
import {
  OpsSummary,
  summarizeEntity,
} from '@platform-ops/plugin-platform-ops-common';
import { heartbeatsOk, testConfig, testNow } from './testConfig';

// An application team's database with backups, an overdue audit and two
// annotation mistakes (a level that does not exist, a runbook that is not
// a URL).

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

/**
 * The backend's answer for orders-db: the entity summarized with the demo
 * config, plus the contact the backend resolves in the catalog and healthy
 * heartbeats.
 */
export const ordersDatabaseSummary: OpsSummary = {
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
};
