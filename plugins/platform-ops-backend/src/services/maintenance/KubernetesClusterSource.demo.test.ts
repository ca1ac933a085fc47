import {
  ClusterInventory,
  clusterHeadroom,
  DrainReadiness,
  drainReadiness,
  PlatformOpsConfig,
  summarizeEntity,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import {
  DemoClusters,
  startDemoClusters,
} from '../../__testUtils__/demoClusters';
import { loadDemoEntities } from '../../__testUtils__/demoPlatform';
import { KubernetesClusterSource } from './KubernetesClusterSource';

// The demo's workloads, budgets, nodes and pods, served by the demo's
// stand-in, read by the real client and judged by the common checks with
// each demo component's own annotations: what the README and the demo
// promise for drain readiness must hold whenever the demo starts.

const NOW = Date.now();
const ENVIRONMENTS = ['production', 'staging'];

describe('the demo clusters', () => {
  const inventories = new Map<string, ClusterInventory>();
  let demo: DemoClusters | undefined;
  let config: PlatformOpsConfig;

  beforeAll(async () => {
    demo = await startDemoClusters({ now: NOW });
    config = demo.config;
    for (const cluster of demo.clusters) {
      const source = KubernetesClusterSource.fromConfig(cluster.environment, {
        timeoutMs: 5000,
      })!;
      inventories.set(cluster.environment.name, await source.fetchInventory());
    }
  });

  afterAll(async () => {
    await demo?.stop();
  });

  /** A demo component's drain readiness in one environment, as its card gets it. */
  function readiness(name: string, environment: string): DrainReadiness {
    const entity = loadDemoEntities().find(e => e.metadata.name === name)!;
    const { maintenance } = summarizeEntity(
      entity,
      config,
      DateTime.fromMillis(NOW),
    );
    return drainReadiness({
      environment,
      sourceId: `kubernetes:${environment}`,
      inventory: inventories.get(environment),
      fresh: true,
      fetchedAt: new Date(NOW).toISOString(),
      selection: maintenance.workloadSelection,
      maxGraceSeconds: config.maintenance.maxGracePeriod.as('seconds'),
    });
  }

  function failures(name: string, environment: string): string[] {
    return readiness(name, environment)
      .checks.filter(check => check.state === 'fail')
      .map(check => `${check.workload}: ${check.message}`);
  }

  it('reads every workload, budget, node and pod of both files', () => {
    for (const environment of ENVIRONMENTS) {
      const inventory = inventories.get(environment)!;
      expect(
        inventory.workloads.map(w => `${w.kind} ${w.namespace}/${w.name}`),
      ).toEqual([
        'Deployment ingress-nginx/ingress-nginx-controller',
        'StatefulSet databases/postgresql-orders',
        'StatefulSet logging/fluentd-aggregator',
        'StatefulSet rabbitmq/rabbitmq',
        'StatefulSet redis/redis-cache',
      ]);
      expect(inventory.disruptionBudgets).toHaveLength(5);
      expect(inventory.pods.every(pod => pod.phase === 'Running')).toBe(true);
      expect(
        inventory.pods.every(pod => pod.cpuMillis > 0 && pod.memoryBytes > 0),
      ).toBe(true);
    }
    expect(inventories.get('production')!.nodes).toHaveLength(3);
    expect(inventories.get('staging')!.nodes).toHaveLength(2);
  });

  it('shows rabbitmq with one replica, in both environments', () => {
    for (const environment of ENVIRONMENTS) {
      expect(readiness('rabbitmq', environment).state).toBe('not-ready');
      expect(failures('rabbitmq', environment)).toEqual([
        'StatefulSet rabbitmq/rabbitmq: 1 replica: downtime when its node is drained; run at least 2',
      ]);
    }
  });

  it('shows redis-cache with two replicas and nothing spreading them', () => {
    for (const environment of ENVIRONMENTS) {
      expect(failures('redis-cache', environment)).toEqual([
        'StatefulSet redis/redis-cache: 2 replicas with nothing spreading them across nodes: they can share a node and go down together; add a topologySpreadConstraint on kubernetes.io/hostname',
      ]);
    }
  });

  it("shows fluentd's aggregator with a 120 s grace period", () => {
    for (const environment of ENVIRONMENTS) {
      expect(failures('fluentd', environment)).toEqual([
        'StatefulSet logging/fluentd-aggregator: terminationGracePeriodSeconds is 120 s: every node drain can wait that long for it; keep it at or under 60 s',
      ]);
    }
  });

  it('shows the budget of postgresql-orders blocking the drain', () => {
    for (const environment of ENVIRONMENTS) {
      expect(failures('postgresql-orders', environment)).toEqual([
        'StatefulSet databases/postgresql-orders: PodDisruptionBudget postgresql-orders allows no disruption at 2 replicas: the drain cannot finish; allow at least one (maxUnavailable: 1)',
      ]);
    }
  });

  it('shows ingress-nginx drain-ready, every check passing in full', () => {
    for (const environment of ENVIRONMENTS) {
      const ingress = readiness('ingress-nginx', environment);
      expect(ingress.state).toBe('ready');
      expect(ingress.workloads).toEqual([
        'Deployment ingress-nginx/ingress-nginx-controller',
      ]);
      expect(ingress.checks.map(check => check.state)).toEqual([
        'pass',
        'pass',
        'pass',
        'pass',
      ]);
    }
  });

  it('lets production lose its largest node and not staging', () => {
    expect(clusterHeadroom(inventories.get('production')!)).toEqual({
      state: 'ok',
      largestNode: 'prod-worker-3',
      message:
        'Can lose its largest node (prod-worker-3): pods request 5.5 CPU and 15.8 GiB; the other nodes have 7.8 CPU and 30.0 GiB',
    });
    expect(clusterHeadroom(inventories.get('staging')!)).toEqual({
      state: 'short',
      largestNode: 'staging-worker-1',
      message:
        'Cannot lose its largest node (staging-worker-1): pods request 2.8 CPU and 8.5 GiB; the other nodes have 1.9 CPU and 7.0 GiB',
    });
  });

  it('says what to add on every other demo component in its environments', () => {
    const others = loadDemoEntities().filter(
      entity =>
        entity.kind === 'Component' &&
        entity.metadata.annotations?.['platform-ops/environments'] &&
        ![
          'rabbitmq',
          'redis-cache',
          'fluentd',
          'postgresql-orders',
          'ingress-nginx',
        ].includes(entity.metadata.name),
    );
    expect(others.length).toBeGreaterThan(0);
    for (const entity of others) {
      for (const environment of ENVIRONMENTS) {
        const result = readiness(entity.metadata.name, environment);
        expect(result.state).toBe('no-workloads');
        expect(result.message).toMatch(
          /backstage\.io\/kubernetes-id.*backstage\.io\/kubernetes-label-selector/,
        );
      }
    }
  });
});
