import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  clusterHeadroom,
  OpsSummary,
} from '@platform-ops/plugin-platform-ops-common';
import { screen, within } from '@testing-library/react';
import { DateTime, Settings } from 'luxon';
import { platformOpsApiRef } from '../../api';
import {
  argocdDrainEntity,
  drainSummary,
  fluentdEntity,
  ingressNginxDrainEntity,
  postgresqlOrdersDrainEntity,
  productionCluster,
  rabbitmqEntity,
  redisCacheEntity,
  stagingCluster,
  unnamedEntity,
  unreachableProduction,
  veleroDrainEntity,
} from '../../testing/drainReadiness';
import { testNow } from '../../testing/testConfig';
import { EntityMaintenanceCard } from './EntityMaintenanceCard';
import { MaintenanceSummary } from './MaintenanceSummary';

// Against the test windows: staging's next is Tue 1 Dec 08:00 UTC and
// production's Tue 8 Dec 01:00 UTC. At testNow (22 Nov) both are more than
// seven days away; on 26 Nov staging's is five days away.
const FIVE_DAYS_BEFORE_STAGING = DateTime.fromISO('2026-11-26T08:00:00Z', {
  zone: 'utc',
});
const FIVE_DAYS_BEFORE_PRODUCTION = DateTime.fromISO('2026-12-03T01:00:00Z', {
  zone: 'utc',
});

function viewAt(now: DateTime) {
  Settings.now = () => now.toMillis();
  Settings.defaultZone = 'UTC';
}

async function renderCard(entity: Entity, summary: OpsSummary) {
  const getSummary = jest.fn().mockResolvedValue(summary);
  await renderInTestApp(
    <TestApiProvider apis={[[platformOpsApiRef, { getSummary }]]}>
      <EntityProvider entity={entity}>
        <EntityMaintenanceCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return screen.findByRole('region', { name: 'Drain readiness' });
}

function drainIn(environment: string): HTMLElement {
  return screen.getByRole('region', {
    name: `Drain readiness in ${environment}`,
  });
}

function lines(element: HTMLElement, status: string): string[] {
  return Array.from(element.querySelectorAll(`[data-status="${status}"]`)).map(
    line => line.textContent ?? '',
  );
}

describe('drain readiness on the maintenance card', () => {
  afterEach(() => {
    Settings.now = () => Date.now();
    Settings.defaultZone = 'system';
  });

  it("shows rabbitmq's single replica as the failed check, with its fix and workload", async () => {
    viewAt(testNow);
    await renderCard(rabbitmqEntity, drainSummary(rabbitmqEntity));

    for (const environment of ['production', 'staging']) {
      const section = drainIn(environment);
      expect(section).toHaveTextContent(
        `${environment}: Not drain-ready: 1 check fails`,
      );
      expect(lines(section, 'error')).toContain(
        'StatefulSet rabbitmq/rabbitmq: 1 replica: downtime when its node is drained; run at least 2',
      );
      expect(section).not.toHaveTextContent('Drain-ready');
    }
    expect(drainIn('production')).toHaveTextContent(
      'Cluster data as of 00:04 (0 min ago)',
    );
    // Nine and sixteen days to the windows: no warning on top.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the budget that blocks the drain of postgresql-orders', async () => {
    viewAt(testNow);
    await renderCard(
      postgresqlOrdersDrainEntity,
      drainSummary(postgresqlOrdersDrainEntity),
    );

    expect(lines(drainIn('production'), 'error')).toContain(
      'StatefulSet databases/postgresql-orders: PodDisruptionBudget postgresql-orders allows no disruption at 2 replicas: the drain cannot finish; allow at least one (maxUnavailable: 1)',
    );
  });

  it('shows the replicas of redis-cache that nothing spreads across nodes', async () => {
    viewAt(testNow);
    await renderCard(redisCacheEntity, drainSummary(redisCacheEntity));
    expect(lines(drainIn('staging'), 'error')).toEqual([
      'Not drain-ready: 1 check fails',
      'StatefulSet redis/redis-cache: 2 replicas with nothing spreading them across nodes: they can share a node and go down together; add a topologySpreadConstraint on kubernetes.io/hostname',
    ]);
  });

  it("shows fluentd's aggregator waiting 120 s on every drain", async () => {
    viewAt(testNow);
    await renderCard(fluentdEntity, drainSummary(fluentdEntity));
    expect(lines(drainIn('production'), 'error')).toContain(
      'StatefulSet logging/fluentd-aggregator: terminationGracePeriodSeconds is 120 s: every node drain can wait that long for it; keep it at or under 60 s',
    );
  });

  it('shows ingress-nginx drain-ready with what passed, and each cluster’s headroom', async () => {
    viewAt(FIVE_DAYS_BEFORE_STAGING);
    await renderCard(
      ingressNginxDrainEntity,
      drainSummary(ingressNginxDrainEntity, { now: FIVE_DAYS_BEFORE_STAGING }),
    );

    const production = drainIn('production');
    expect(production).toHaveTextContent('production: Drain-ready');
    expect(lines(production, 'ok')).toEqual([
      'Drain-ready',
      'Deployment ingress-nginx/ingress-nginx-controller: 3 replicas, spread across nodes by a topology spread constraint, grace period 60 s, PodDisruptionBudget ingress-nginx-controller allows a disruption',
      `Cluster headroom in production: ${
        clusterHeadroom(productionCluster).message
      }`,
    ]);
    const staging = drainIn('staging');
    expect(staging).toHaveTextContent('staging: Drain-ready');
    expect(lines(staging, 'warning')).toEqual([
      `Cluster headroom in staging: ${clusterHeadroom(stagingCluster).message}`,
    ]);
    expect(staging).toHaveTextContent(
      'Cluster headroom in staging: Cannot lose its largest node (staging-worker-1): pods request 2.8 CPU',
    );
    // Drain-ready: a window five days away is no cause for a warning.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('puts a warning on top when a window is less than 7 days away and the component is not drain-ready', async () => {
    viewAt(FIVE_DAYS_BEFORE_STAGING);
    await renderCard(
      rabbitmqEntity,
      drainSummary(rabbitmqEntity, { now: FIVE_DAYS_BEFORE_STAGING }),
    );

    const alerts = screen.getAllByRole('alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toHaveTextContent(
      'Not drain-ready in staging, and its maintenance window starts in 5 days: 1 check to fix before nodes are drained, or expect downtime',
    );
    // On top: before the windows and the checks.
    expect(
      alerts[0].compareDocumentPosition(
        screen.getByRole('region', { name: 'Windows' }),
      ) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('never shows stale data as ready, and says since when the cluster is unreachable', async () => {
    viewAt(FIVE_DAYS_BEFORE_PRODUCTION);
    await renderCard(
      ingressNginxDrainEntity,
      drainSummary(ingressNginxDrainEntity, {
        now: FIVE_DAYS_BEFORE_PRODUCTION,
        clusters: unreachableProduction(FIVE_DAYS_BEFORE_PRODUCTION),
      }),
    );

    const production = drainIn('production');
    expect(production).toHaveTextContent(
      'production: Drain readiness unknown: Cluster source unreachable since 2026-12-02 22:00 (3 h ago): Kubernetes API of production at http://127.0.0.1:16443 did not answer within 10 s',
    );
    expect(production).toHaveTextContent(
      'Every check passed in the last known data, which is too old to call it drain-ready',
    );
    expect(production).not.toHaveTextContent('Drain-ready');
    expect(production).not.toHaveTextContent('Can lose its largest node');
    expect(lines(production, 'ok')).toEqual([]);
    expect(production).not.toHaveTextContent('Cluster data as of');
    expect(drainIn('staging')).toHaveTextContent('staging: Drain-ready');
    expect(screen.getByRole('alert')).toHaveTextContent(
      "Drain readiness in production is unknown, and its maintenance window starts in 5 days: the cluster's data is not fresh, so nothing shows a drain is safe",
    );
  });

  it('says which label or annotation to add when no workload matches', async () => {
    viewAt(testNow);
    await renderCard(veleroDrainEntity, drainSummary(veleroDrainEntity));
    expect(drainIn('production')).toHaveTextContent(
      'production: No Deployment or StatefulSet in production has the label backstage.io/kubernetes-id=velero: add that label to its workloads, or select them with backstage.io/kubernetes-label-selector',
    );
    expect(screen.queryByText(/Drain-ready/)).toBeNull();
  });

  it('names both annotations once when the component names no workloads', async () => {
    viewAt(testNow);
    const section = await renderCard(
      unnamedEntity,
      drainSummary(unnamedEntity),
    );
    expect(lines(section, 'warning')).toEqual([
      "No workloads are named: add the backstage.io/kubernetes-id annotation (the value of its workloads' backstage.io/kubernetes-id label) or backstage.io/kubernetes-label-selector",
    ]);
    expect(
      screen.queryByRole('region', { name: 'Drain readiness in production' }),
    ).toBeNull();
  });

  it('notes a weaker pass for preferred pod anti-affinity', async () => {
    viewAt(testNow);
    await renderCard(argocdDrainEntity, drainSummary(argocdDrainEntity));
    const production = drainIn('production');
    expect(production).toHaveTextContent(
      'production: Drain-ready, with a weaker pass',
    );
    expect(lines(production, 'warning')).toContain(
      'Weaker pass, Deployment argocd/argocd-server: only preferred pod anti-affinity: the scheduler may still put replicas on one node; a topologySpreadConstraint on kubernetes.io/hostname holds',
    );
  });
});

describe('drain readiness in the overview card', () => {
  afterEach(() => {
    Settings.now = () => Date.now();
    Settings.defaultZone = 'system';
  });

  async function renderSummary(summary: OpsSummary, now: DateTime) {
    viewAt(now);
    await renderInTestApp(
      <MaintenanceSummary
        maintenance={summary.maintenance}
        problems={summary.problems}
        now={now}
      />,
    );
    return screen.getByRole('region', { name: 'Maintenance' });
  }

  it('gives one line per environment and the cluster short of headroom', async () => {
    const section = await renderSummary(drainSummary(rabbitmqEntity), testNow);
    expect(lines(section, 'error')).toEqual([
      'staging: not drain-ready, StatefulSet rabbitmq/rabbitmq: 1 replica: downtime when its node is drained; run at least 2',
      'production: not drain-ready, StatefulSet rabbitmq/rabbitmq: 1 replica: downtime when its node is drained; run at least 2',
    ]);
    expect(lines(section, 'warning')).toEqual([
      `Cluster headroom in staging: ${clusterHeadroom(stagingCluster).message}`,
    ]);
  });

  it('shows drain-ready in each environment, with no urgent window', async () => {
    const ready = await renderSummary(
      drainSummary(ingressNginxDrainEntity, { now: FIVE_DAYS_BEFORE_STAGING }),
      FIVE_DAYS_BEFORE_STAGING,
    );
    expect(lines(ready, 'ok')).toEqual([
      'staging: Drain-ready',
      'production: Drain-ready',
    ]);
  });

  it('puts an urgent window first', async () => {
    const section = await renderSummary(
      drainSummary(postgresqlOrdersDrainEntity, {
        now: FIVE_DAYS_BEFORE_STAGING,
      }),
      FIVE_DAYS_BEFORE_STAGING,
    );
    expect(lines(section, 'error')[0]).toBe(
      'Not drain-ready in staging, and its maintenance window starts in 5 days: 1 check to fix before nodes are drained, or expect downtime',
    );
  });

  it('shows stale data as unknown, never as ready', async () => {
    const stale = await renderSummary(
      drainSummary(rabbitmqEntity, { clusters: unreachableProduction() }),
      testNow,
    );
    expect(stale).toHaveTextContent(
      'production: drain readiness unknown: Cluster source unreachable since',
    );
    expect(within(stale).queryByText(/Drain-ready/)).toBeNull();
  });

  it('says which annotation to add', async () => {
    const section = await renderSummary(drainSummary(unnamedEntity), testNow);
    expect(section).toHaveTextContent(
      'Drain: No workloads are named: add the backstage.io/kubernetes-id annotation',
    );
  });
});
