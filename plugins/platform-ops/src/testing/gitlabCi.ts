import { Entity } from '@backstage/catalog-model';
import {
  OpsSummary,
  summarizeEntity,
} from '@platform-ops/plugin-platform-ops-common';
import { heartbeatsOk, testConfig, testNow } from './testConfig';

// Mirrors gitlab-ci in demo/catalog/outside.yaml: outside the fence, the IT
// systems team accountable through the party's configured owner.

export const gitlabCiEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'gitlab-ci',
    namespace: 'default',
    title: 'GitLab CI',
    annotations: {
      'platform-ops/scope': 'it-systems',
      'platform-ops/escalation': 'user:default/maria, group:default/it-systems',
      'platform-ops/audits': 'provider=2026-04-14',
      'platform-ops/runbook': 'https://wiki.example.com/runbooks/gitlab-ci',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/it-systems',
  },
};

const summarized = summarizeEntity(gitlabCiEntity, testConfig, testNow);

const maria = {
  ref: 'user:default/maria',
  kind: 'user',
  found: true,
  title: 'Maria Santos',
  email: 'maria@example.com',
};

/**
 * The backend's answer for gitlab-ci: the entity summarized with the demo
 * config, plus the contacts the backend resolves in the catalog and healthy
 * heartbeats.
 */
export const gitlabCiSummary: OpsSummary = {
  ...summarized,
  scope: {
    ...summarized.scope,
    contacts: {
      'group:default/it-systems': {
        ref: 'group:default/it-systems',
        kind: 'group',
        found: true,
        title: 'IT systems team',
        email: 'it-systems@example.com',
        members: [
          maria,
          {
            ref: 'user:default/tomas',
            kind: 'user',
            found: true,
            title: 'Tomas Novak',
            email: 'tomas@example.com',
          },
        ],
      },
      'user:default/maria': maria,
    },
  },
  alerting: {
    ...summarized.alerting,
    status: heartbeatsOk(summarized.alerting.environments),
    trustworthy: true,
  },
};
