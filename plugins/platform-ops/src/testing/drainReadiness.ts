import { Entity } from '@backstage/catalog-model';
import {
  ClusterInventory,
  drainReadiness,
  OpsSummary,
  RawPod,
  RawWorkload,
  SourceStatus,
  clusterHeadroom,
  summarizeEntity,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { testConfig, testNow } from './testConfig';

// Mirrors the drain readiness objects of demo/kubernetes/*.yaml and the
// components of demo/catalog/platform.yaml that own them. Summaries are
// made as the backend makes them: summarizeEntity, then each environment's
// drain readiness from its cluster's inventory (DrainService).

const GIB = 2 ** 30;

function component(
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'platform-ops/scope': 'platform',
        'platform-ops/environments': 'staging, production',
        'platform-ops/maintenance-window':
          'production=prod-monthly, staging=staging-monthly',
        ...annotations,
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/platform-team',
    },
  };
}

const id = (name: string) => ({ 'backstage.io/kubernetes-id': name });

export const rabbitmqEntity = component('rabbitmq', {
  ...id('rabbitmq'),
  'backstage.io/kubernetes-namespace': 'rabbitmq',
});
export const redisCacheEntity = component('redis-cache', id('redis-cache'));
export const fluentdEntity = component('fluentd', id('fluentd'));
export const postgresqlOrdersDrainEntity = component('postgresql-orders', {
  ...id('postgresql-orders'),
  'backstage.io/kubernetes-namespace': 'databases',
});
export const ingressNginxDrainEntity = component(
  'ingress-nginx',
  id('ingress-nginx'),
);
/** Named, but nothing in the clusters carries its label. */
export const veleroDrainEntity = component('velero', id('velero'));
/** Names no workloads at all, as the kubernetes component. */
export const unnamedEntity = component('kubernetes');
/** Selects with a label selector, with preferred anti-affinity only. */
export const argocdDrainEntity = component('argocd', {
  'backstage.io/kubernetes-label-selector': 'app.kubernetes.io/part-of=argocd',
});

function workload(
  fields: Partial<RawWorkload> &
    Pick<RawWorkload, 'kind' | 'namespace' | 'name' | 'replicas'>,
  kubernetesId?: string,
): RawWorkload {
  return {
    labels: kubernetesId ? { 'backstage.io/kubernetes-id': kubernetesId } : {},
    podLabels: { app: fields.name },
    topologySpread: [],
    antiAffinity: { required: [], preferred: [] },
    terminationGracePeriodSeconds: 30,
    ...fields,
  };
}

const SPREAD = [
  { topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule' },
];

function budget(namespace: string, app: string, rule: object) {
  return { namespace, name: app, selector: { matchLabels: { app } }, ...rule };
}

function pods(
  count: number,
  cpuMillis: number,
  memoryGib: number,
  name: string,
): RawPod[] {
  return Array.from({ length: count }, (_, index) => ({
    namespace: 'demo',
    name: `${name}-${index}`,
    phase: 'Running',
    daemonSet: false,
    cpuMillis,
    memoryBytes: memoryGib * GIB,
  }));
}

function inventoryWith(
  replicas: { ingress: number },
  nodes: ClusterInventory['nodes'],
  podList: RawPod[],
): ClusterInventory {
  return {
    workloads: [
      workload(
        {
          kind: 'Deployment',
          namespace: 'ingress-nginx',
          name: 'ingress-nginx-controller',
          replicas: replicas.ingress,
          terminationGracePeriodSeconds: 60,
          topologySpread: SPREAD,
        },
        'ingress-nginx',
      ),
      workload(
        {
          kind: 'StatefulSet',
          namespace: 'rabbitmq',
          name: 'rabbitmq',
          replicas: 1,
          terminationGracePeriodSeconds: 60,
        },
        'rabbitmq',
      ),
      workload(
        {
          kind: 'StatefulSet',
          namespace: 'redis',
          name: 'redis-cache',
          replicas: 2,
        },
        'redis-cache',
      ),
      workload(
        {
          kind: 'StatefulSet',
          namespace: 'logging',
          name: 'fluentd-aggregator',
          replicas: 2,
          terminationGracePeriodSeconds: 120,
          antiAffinity: { required: ['kubernetes.io/hostname'], preferred: [] },
        },
        'fluentd',
      ),
      workload(
        {
          kind: 'StatefulSet',
          namespace: 'databases',
          name: 'postgresql-orders',
          replicas: 2,
          terminationGracePeriodSeconds: 60,
          topologySpread: SPREAD,
        },
        'postgresql-orders',
      ),
      workload({
        kind: 'Deployment',
        namespace: 'argocd',
        name: 'argocd-server',
        replicas: 2,
        labels: { 'app.kubernetes.io/part-of': 'argocd' },
        antiAffinity: { required: [], preferred: ['kubernetes.io/hostname'] },
      }),
    ],
    disruptionBudgets: [
      budget('ingress-nginx', 'ingress-nginx-controller', {
        maxUnavailable: 1,
      }),
      budget('rabbitmq', 'rabbitmq', { maxUnavailable: 1 }),
      budget('redis', 'redis-cache', { maxUnavailable: 1 }),
      budget('logging', 'fluentd-aggregator', { maxUnavailable: 1 }),
      budget('databases', 'postgresql-orders', { minAvailable: 2 }),
      budget('argocd', 'argocd-server', { maxUnavailable: 1 }),
    ],
    nodes,
    pods: podList,
  };
}

/** Production: three nodes, room to lose the largest. */
export const productionCluster: ClusterInventory = inventoryWith(
  { ingress: 3 },
  [
    {
      name: 'prod-worker-1',
      unschedulable: false,
      cpuMillis: 3920,
      memoryBytes: 15 * GIB,
    },
    {
      name: 'prod-worker-2',
      unschedulable: false,
      cpuMillis: 3920,
      memoryBytes: 15 * GIB,
    },
    {
      name: 'prod-worker-3',
      unschedulable: false,
      cpuMillis: 7910,
      memoryBytes: 31 * GIB,
    },
  ],
  pods(11, 500, 1.5, 'pod'),
);

/** Staging: two small nodes, short of headroom. */
export const stagingCluster: ClusterInventory = inventoryWith(
  { ingress: 2 },
  [
    {
      name: 'staging-worker-1',
      unschedulable: false,
      cpuMillis: 3920,
      memoryBytes: 15 * GIB,
    },
    {
      name: 'staging-worker-2',
      unschedulable: false,
      cpuMillis: 1930,
      memoryBytes: 7 * GIB,
    },
  ],
  pods(7, 400, 1.25, 'pod'),
);

/** What the backend last read from one cluster. */
export type ClusterReading = {
  inventory?: ClusterInventory;
  fresh: boolean;
  fetchedAt?: string;
  lastError?: string;
};

/** Both demo clusters read half a minute before `now`. */
export function freshClusters(
  now: DateTime = testNow,
): Record<string, ClusterReading> {
  const fetchedAt = now.minus({ seconds: 30 }).toISO()!;
  return {
    production: { inventory: productionCluster, fresh: true, fetchedAt },
    staging: { inventory: stagingCluster, fresh: true, fetchedAt },
  };
}

/**
 * Production unreachable for three hours: its last good data is kept, and
 * the error the backend shows for it.
 */
export function unreachableProduction(
  now: DateTime = testNow,
): Record<string, ClusterReading> {
  return {
    ...freshClusters(now),
    production: {
      inventory: productionCluster,
      fresh: false,
      fetchedAt: now.minus({ hours: 3 }).toISO()!,
      lastError:
        'Kubernetes API of production at http://127.0.0.1:16443 did not answer within 10 s',
    },
  };
}

/**
 * An entity's summary at `now` with drain readiness per environment, as
 * the backend's DrainService fills it from the clusters' snapshots.
 */
export function drainSummary(
  entity: Entity,
  options: { now?: DateTime; clusters?: Record<string, ClusterReading> } = {},
): OpsSummary {
  const now = options.now ?? testNow;
  const clusters = options.clusters ?? freshClusters(now);
  const summary = summarizeEntity(entity, testConfig, now);
  const readiness = summary.alerting.environments.map(environment => {
    const reading = clusters[environment];
    return drainReadiness({
      environment,
      sourceId: `kubernetes:${environment}`,
      inventory: reading?.inventory,
      fresh: reading?.fresh ?? false,
      fetchedAt: reading?.fetchedAt,
      lastError: reading?.lastError,
      selection: summary.maintenance.workloadSelection,
      maxGraceSeconds: testConfig.maintenance.maxGracePeriod.as('seconds'),
    });
  });
  return {
    ...summary,
    maintenance: { ...summary.maintenance, drainReadiness: readiness },
  };
}

/** The cluster sources as GET /sources reports them, staging short of headroom. */
export function clusterSources(now: DateTime = testNow): SourceStatus[] {
  const fetchedAt = now.minus({ seconds: 30 }).toISO()!;
  return (
    [
      ['production', productionCluster],
      ['staging', stagingCluster],
    ] as const
  ).map(([environment, inventory]) => {
    const headroom = clusterHeadroom(inventory);
    return {
      id: `kubernetes:${environment}`,
      type: 'kubernetes',
      environment,
      state: 'ok',
      fetchedAt,
      attemptedAt: fetchedAt,
      items: inventory.workloads.length,
      ...(headroom.state === 'short' ? { warnings: [headroom.message] } : {}),
      headroom,
    };
  });
}
