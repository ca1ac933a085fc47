import { Entity } from '@backstage/catalog-model';
import {
  Change,
  ComponentChange,
  noticeOf,
  OpsSummary,
  summarizeEntity,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { ingressNginxEntity, ingressNginxSummary } from './ingressNginx';
import { testConfig, testNow } from './testConfig';

// Changes as the backend stores them, written by hand; the notice each was
// given is judged by the common notice rule, as the backend judges it.
// Against testNow (2026-11-22): staging's next window is Tue 1 Dec 09:00
// and production's Tue 8 Dec 02:00, both Europe/Stockholm.

const INGRESS_NGINX = 'component:default/ingress-nginx';

function change(
  fields: Omit<
    Change,
    | 'noticeRequired'
    | 'noticeGiven'
    | 'shortNotice'
    | 'sequence'
    | 'updatedAt'
    | 'announcedBy'
    | 'silenceAlerts'
    | 'description'
  > &
    Partial<Change>,
): Change {
  const notice = noticeOf(
    fields.class,
    DateTime.fromISO(fields.announcedAt),
    DateTime.fromISO(fields.start),
    testConfig,
  );
  return {
    description: '',
    silenceAlerts: false,
    announcedBy: 'user:default/jane',
    sequence: 0,
    updatedAt: fields.announcedAt,
    noticeRequired: notice.required,
    noticeGiven: notice.given,
    shortNotice: notice.short,
    ...fields,
  };
}

/** Major, in staging's next window, announced 9 days ahead of the 30 due. */
export const stagingUpgradeChange: Change = change({
  id: 'ingress-nginx-1-12-staging',
  title: 'Ingress NGINX 1.12 in staging',
  class: 'major',
  status: 'planned',
  entityRefs: [INGRESS_NGINX],
  environments: ['staging'],
  window: 'staging-monthly',
  start: '2026-12-01T08:00:00.000Z',
  end: '2026-12-01T12:00:00.000Z',
  updates: ['platform-services'],
  description: 'Moves the controller to 1.12 and its new default annotations.',
  link: 'https://github.com/kubernetes/ingress-nginx/releases',
  contingencyPlan: 'Roll the Helm release back to 1.11',
  silenceAlerts: true,
  announcedAt: '2026-11-21T22:00:00.000Z',
});

/** Major, in production's January window, announced 52 days ahead. */
export const productionUpgradeChange: Change = change({
  id: 'ingress-nginx-1-12-production',
  title: 'Ingress NGINX 1.12 in production',
  class: 'major',
  status: 'planned',
  entityRefs: [INGRESS_NGINX],
  environments: ['production'],
  window: 'prod-monthly',
  start: '2027-01-12T01:00:00.000Z',
  end: '2027-01-12T05:00:00.000Z',
  updates: ['platform-services'],
  contingencyPlan: 'Roll the Helm release back to 1.11',
  announcedAt: '2026-11-20T09:00:00.000Z',
});

/** A security patch at an explicit time, postponed once. */
export const securityPatchChange: Change = change({
  id: 'ingress-nginx-cve-patch',
  title: 'Patch CVE-2026-24514 in the controller image',
  class: 'security-patch',
  status: 'postponed',
  entityRefs: [INGRESS_NGINX],
  environments: ['staging', 'production'],
  start: '2026-11-25T19:00:00.000Z',
  end: '2026-11-25T20:00:00.000Z',
  updates: ['system-pods'],
  contingencyPlan: 'Pin the previous image digest',
  announcedAt: '2026-11-21T12:00:00.000Z',
  sequence: 1,
});

/** Done in November's production window, with its retrospective. */
export const doneChange: Change = change({
  id: 'ingress-nginx-1-11-3',
  title: 'Ingress NGINX 1.11.3',
  class: 'minor',
  status: 'done',
  entityRefs: [INGRESS_NGINX],
  environments: ['production'],
  window: 'prod-monthly',
  start: '2026-11-10T01:00:00.000Z',
  end: '2026-11-10T05:00:00.000Z',
  updates: ['platform-services'],
  contingencyPlan: 'Roll the Helm release back to 1.11.2',
  announcedAt: '2026-10-20T09:00:00.000Z',
  retrospective: {
    wentWell: 'No alert fired during the rollout',
    toImprove: 'Pulling the new image took most of the window',
    actionItems: ['Pre-pull images on every node', 'Shorten the window'],
  },
});

/** Cancelled before it ran. */
export const cancelledChange: Change = change({
  id: 'ingress-nginx-reload-tuning',
  title: 'Tune the controller’s config reloads',
  class: 'minor',
  status: 'cancelled',
  entityRefs: [INGRESS_NGINX],
  environments: ['staging'],
  window: 'staging-monthly',
  start: '2026-11-03T08:00:00.000Z',
  end: '2026-11-03T12:00:00.000Z',
  updates: ['platform-services'],
  contingencyPlan: 'Restore the previous ConfigMap',
  announcedAt: '2026-10-01T09:00:00.000Z',
});

/** Upcoming changes of ingress-nginx, by start, as the summary lists them. */
export const ingressNginxUpcomingChanges: ComponentChange[] = [
  securityPatchChange,
  stagingUpgradeChange,
  productionUpgradeChange,
];

/** ingress-nginx's summary with its upcoming changes, as the backend adds them. */
export const ingressNginxMaintenanceSummary: OpsSummary = {
  ...ingressNginxSummary,
  maintenance: {
    ...ingressNginxSummary.maintenance,
    changes: ingressNginxUpcomingChanges,
  },
};

/** ingress-nginx summarized at another moment, such as during a window. */
export function ingressNginxSummaryAt(now: DateTime): OpsSummary {
  const summarized = summarizeEntity(ingressNginxEntity, testConfig, now);
  return {
    ...ingressNginxSummary,
    maintenance: {
      ...summarized.maintenance,
      changes: ingressNginxUpcomingChanges,
    },
    generatedAt: summarized.generatedAt,
  };
}

// Mirrors demo/catalog/outside.yaml: an application that depends on
// ingress-nginx and so sees its changes.
export const checkoutServiceEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout-service',
    namespace: 'default',
    title: 'Checkout service',
    annotations: {
      'platform-ops/scope': 'application',
      'platform-ops/escalation':
        'user:default/sofia, group:default/checkout-team',
      'platform-ops/runbook':
        'https://wiki.example.com/runbooks/checkout-service',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/checkout-team',
    dependsOn: [INGRESS_NGINX],
  },
};

const checkoutSummarized = summarizeEntity(
  checkoutServiceEntity,
  testConfig,
  testNow,
);

/** checkout-service sees ingress-nginx's production upgrade through it. */
export const checkoutServiceSummary: OpsSummary = {
  ...checkoutSummarized,
  maintenance: {
    ...checkoutSummarized.maintenance,
    changes: [{ ...productionUpgradeChange, via: INGRESS_NGINX }],
  },
};

/**
 * An entity running `release` with the demo windows swapped, so that
 * staging's window comes after production's every month.
 */
export function releaseEntity(release: string, skewed = false): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: 'kubernetes-platform',
      namespace: 'default',
      title: 'Kubernetes platform',
      annotations: {
        'platform-ops/scope': 'platform',
        'platform-ops/environments': 'staging, production',
        'platform-ops/maintenance-window': skewed
          ? 'production=staging-monthly, staging=prod-monthly'
          : 'production=prod-monthly, staging=staging-monthly',
        'platform-ops/release': release,
      },
    },
    spec: { owner: 'group:default/platform-team' },
  };
}
