import { Entity } from '@backstage/catalog-model';
import { OpsSummary } from '@platform-ops/plugin-platform-ops-common';

// An application team's database with backups and two annotation mistakes.

export const ordersDatabaseEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders-db',
    namespace: 'default',
    annotations: {
      'platform-ops/scope': 'application',
      'platform-ops/escalation': 'group:default/orders-team',
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

export const ordersDatabaseSummary: OpsSummary = {
  entity: {
    ref: 'component:default/orders-db',
    kind: 'Component',
    namespace: 'default',
    name: 'orders-db',
  },
  annotated: true,
  scope: {
    party: 'application',
    partyTitle: 'Application team',
    insideFence: false,
    accountable: 'group:default/orders-team',
    accountableSource: 'owner',
    owner: 'group:default/orders-team',
    ownerDiffers: false,
    escalation: ['group:default/orders-team'],
    contacts: {
      'group:default/orders-team': {
        ref: 'group:default/orders-team',
        kind: 'group',
        found: true,
        title: 'Orders team',
        email: 'orders@example.com',
      },
    },
    audits: [
      {
        kind: 'application',
        last: '2025-06-15',
        interval: '365d',
        nextDue: '2026-06-15',
        state: 'overdue',
      },
    ],
  },
  alerting: {
    environments: ['staging', 'production'],
    levels: {
      staging: { value: 'P3', source: 'config' },
      production: { value: 'P2', source: 'config' },
    },
    matchers: [],
    alerts: [],
    counts: { P1: 0, P2: 0, P3: 0 },
    status: [],
    trustworthy: false,
  },
  backups: {
    policy: {
      rpo: { value: '1h', source: 'annotation' },
      retention: { value: '30d', source: 'annotation' },
      rto: { value: '4h', source: 'config' },
    },
    source: { type: 'velero', selector: { label: 'app', value: 'orders' } },
    scope: [
      { kind: 'pvc', target: 'orders/data-orders-db-0' },
      { kind: 'database', target: 'orders' },
    ],
    protection: ['object-lock', 'off-site'],
    protectionGaps: ['off-cloud', 'encrypted'],
  },
  maintenance: {
    windows: {
      staging: { value: 'staging-monthly', source: 'config' },
      production: { value: 'prod-monthly', source: 'config' },
    },
  },
  problems: [
    {
      key: 'platform-ops/alert-levels',
      value: 'P0',
      expected: 'one of P1, P2, P3',
      message:
        'platform-ops/alert-levels: "P0" is not valid; expected one of P1, P2, P3.',
    },
    {
      key: 'platform-ops/runbook',
      value: 'wiki/runbooks/orders-db',
      expected: 'an absolute http:// or https:// URL',
      message:
        'platform-ops/runbook: "wiki/runbooks/orders-db" is not valid; expected an absolute http:// or https:// URL.',
    },
  ],
  generatedAt: '2026-03-10T13:05:00.000Z',
};
