import { Entity } from '@backstage/catalog-model';
import {
  OpsSummary,
  summarizeEntity,
} from '@platform-ops/plugin-platform-ops-common';
import { heartbeatsOk, testConfig, testNow } from './testConfig';

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

const summarized = summarizeEntity(ingressNginxEntity, testConfig, testNow);

/**
 * The backend's answer for ingress-nginx: the entity summarized with the
 * demo config, plus what the backend adds from its sources: the contacts it
 * resolves in the catalog, and healthy heartbeats with no alert firing.
 */
export const ingressNginxSummary: OpsSummary = {
  ...summarized,
  scope: {
    ...summarized.scope,
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
  },
  alerting: {
    ...summarized.alerting,
    status: heartbeatsOk(summarized.alerting.environments),
    trustworthy: true,
  },
};
