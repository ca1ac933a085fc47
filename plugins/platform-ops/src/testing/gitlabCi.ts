import { Entity } from '@backstage/catalog-model';
import { OpsSummary } from '@platform-ops/plugin-platform-ops-common';
import { ingressNginxSummary } from './ingressNginx';

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

export const gitlabCiSummary: OpsSummary = {
  ...ingressNginxSummary,
  entity: {
    ref: 'component:default/gitlab-ci',
    kind: 'Component',
    namespace: 'default',
    name: 'gitlab-ci',
    title: 'GitLab CI',
  },
  scope: {
    party: 'it-systems',
    partyTitle: 'IT systems team',
    insideFence: false,
    accountable: 'group:default/it-systems',
    accountableSource: 'party',
    owner: 'group:default/it-systems',
    ownerDiffers: false,
    escalation: ['user:default/maria', 'group:default/it-systems'],
    contacts: {
      'group:default/it-systems': {
        ref: 'group:default/it-systems',
        kind: 'group',
        found: true,
        title: 'IT systems team',
        email: 'it-systems@example.com',
        members: [
          {
            ref: 'user:default/maria',
            kind: 'user',
            found: true,
            title: 'Maria Santos',
            email: 'maria@example.com',
          },
          {
            ref: 'user:default/tomas',
            kind: 'user',
            found: true,
            title: 'Tomas Novak',
            email: 'tomas@example.com',
          },
        ],
      },
      'user:default/maria': {
        ref: 'user:default/maria',
        kind: 'user',
        found: true,
        title: 'Maria Santos',
        email: 'maria@example.com',
      },
    },
    audits: [
      {
        kind: 'provider',
        last: '2026-04-14',
        interval: '365d',
        nextDue: '2027-04-14',
        state: 'ok',
      },
    ],
    runbook: 'https://wiki.example.com/runbooks/gitlab-ci',
  },
  problems: [],
};
