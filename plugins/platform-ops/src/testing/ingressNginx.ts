import { Entity } from '@backstage/catalog-model';
import { OpsSummary } from '@platform-ops/plugin-platform-ops-common';

// Mirrors demo/catalog/platform.yaml, for tests and the dev app.

export const ingressNginxEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'ingress-nginx',
    namespace: 'default',
    title: 'Ingress NGINX',
    annotations: {
      'platform-ops/scope': 'platform',
      'platform-ops/escalation':
        'group:default/platform-oncall, user:default/jane',
      'platform-ops/environments': 'staging, production',
      'platform-ops/alert-matchers':
        '{namespace="ingress-nginx", app="ingress-nginx"}',
      'platform-ops/alert-levels': 'production=P1, staging=P2',
      'platform-ops/backup-source': 'none',
      'platform-ops/maintenance-window':
        'production=prod-monthly, staging=staging-monthly',
      'platform-ops/release': 'ingress-nginx@1.11',
      'platform-ops/runbook': 'https://wiki.example.com/runbooks/ingress-nginx',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/platform-team',
    system: 'kubernetes-platform',
  },
};

export const ingressNginxSummary: OpsSummary = {
  entity: {
    ref: 'component:default/ingress-nginx',
    kind: 'Component',
    namespace: 'default',
    name: 'ingress-nginx',
    title: 'Ingress NGINX',
  },
  annotated: true,
  scope: {
    party: 'platform',
    partyTitle: 'Platform team',
    insideFence: true,
    accountable: 'group:default/platform-team',
    accountableSource: 'owner',
    owner: 'group:default/platform-team',
    ownerDiffers: false,
    escalation: ['group:default/platform-oncall', 'user:default/jane'],
    contacts: {
      'group:default/platform-team': {
        ref: 'group:default/platform-team',
        kind: 'group',
        found: true,
        title: 'Platform team',
        email: 'platform-team@example.com',
      },
      'group:default/platform-oncall': {
        ref: 'group:default/platform-oncall',
        kind: 'group',
        found: true,
        title: 'Platform on-call',
        email: 'platform-oncall@example.com',
        members: [
          {
            ref: 'user:default/ahmed',
            kind: 'user',
            found: true,
            title: 'Ahmed Haddad',
            email: 'ahmed@example.com',
          },
          {
            ref: 'user:default/li-wei',
            kind: 'user',
            found: true,
            title: 'Li Wei',
            email: 'li-wei@example.com',
          },
        ],
      },
      'user:default/jane': {
        ref: 'user:default/jane',
        kind: 'user',
        found: true,
        title: 'Jane Okafor',
        email: 'jane@example.com',
      },
    },
    audits: [],
    runbook: 'https://wiki.example.com/runbooks/ingress-nginx',
  },
  alerting: {
    environments: ['staging', 'production'],
    levels: {
      staging: { value: 'P2', source: 'annotation' },
      production: { value: 'P1', source: 'annotation' },
    },
    matchers: [
      { name: 'namespace', operator: '=', value: 'ingress-nginx' },
      { name: 'app', operator: '=', value: 'ingress-nginx' },
    ],
    alerts: [],
    counts: { P1: 0, P2: 0, P3: 0 },
    status: [
      {
        environment: 'staging',
        heartbeat: 'ok',
        heartbeatAlertname: 'Watchdog',
        fetchedAt: '2026-11-22T00:04:30.000Z',
      },
      {
        environment: 'production',
        heartbeat: 'ok',
        heartbeatAlertname: 'Watchdog',
        fetchedAt: '2026-11-22T00:04:30.000Z',
      },
    ],
    trustworthy: true,
  },
  backups: {
    policy: {
      rpo: { value: '24h', source: 'config' },
      retention: { value: '7d', source: 'config' },
      rto: { value: '4h', source: 'config' },
    },
    source: { type: 'none' },
    scope: [],
    protection: [],
    protectionGaps: [],
  },
  maintenance: {
    windows: {
      staging: { value: 'staging-monthly', source: 'annotation' },
      production: { value: 'prod-monthly', source: 'annotation' },
    },
    release: { product: 'ingress-nginx', cycle: '1.11' },
  },
  problems: [],
  generatedAt: '2026-03-10T13:05:00.000Z',
};
