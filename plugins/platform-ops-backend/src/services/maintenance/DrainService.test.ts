import { Entity } from '@backstage/catalog-model';
import {
  ClusterInventory,
  parsePlatformOpsConfig,
  summarizeEntity,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { SnapshotStore, StoredSnapshot } from '../SnapshotStore';
import { DrainService } from './DrainService';

const NOW = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });
const { config } = parsePlatformOpsConfig({
  environments: [{ name: 'staging' }, { name: 'production' }],
});

const rabbitmq: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'rabbitmq',
    annotations: {
      'platform-ops/scope': 'platform',
      'backstage.io/kubernetes-id': 'rabbitmq',
    },
  },
  spec: { owner: 'group:default/platform-team' },
};

const GIB = 2 ** 30;
const cluster: ClusterInventory = {
  workloads: [
    {
      kind: 'StatefulSet',
      namespace: 'rabbitmq',
      name: 'rabbitmq',
      labels: { 'backstage.io/kubernetes-id': 'rabbitmq' },
      replicas: 1,
      podLabels: { app: 'rabbitmq' },
      topologySpread: [],
      antiAffinity: { required: [], preferred: [] },
    },
  ],
  disruptionBudgets: [],
  nodes: [
    {
      name: 'node-1',
      unschedulable: false,
      cpuMillis: 2000,
      memoryBytes: 8 * GIB,
    },
    {
      name: 'node-2',
      unschedulable: false,
      cpuMillis: 2000,
      memoryBytes: 8 * GIB,
    },
  ],
  pods: [
    {
      namespace: 'rabbitmq',
      name: 'rabbitmq-0',
      nodeName: 'node-1',
      phase: 'Running',
      daemonSet: false,
      cpuMillis: 3000,
      memoryBytes: GIB,
    },
  ],
};

function snapshot(
  environment: string,
  extra: Partial<StoredSnapshot<ClusterInventory>> = {},
) {
  return {
    sourceId: `kubernetes:${environment}`,
    kind: 'clusters' as const,
    environment,
    fetchedAt: NOW.minus({ minutes: 1 }).toISO()!,
    attemptedAt: NOW.minus({ minutes: 1 }).toISO()!,
    data: cluster,
    ...extra,
  };
}

function serviceWith(snapshots: StoredSnapshot<ClusterInventory>[]) {
  const store = { list: async () => snapshots } as unknown as SnapshotStore;
  return DrainService.create({
    snapshots: store,
    config: config!,
    clock: () => NOW,
  });
}

describe('DrainService', () => {
  const summary = summarizeEntity(rabbitmq, config!, NOW);

  it('checks the component’s workloads in each environment and names a cluster short of headroom', async () => {
    const service = serviceWith([
      snapshot('production'),
      snapshot('staging', {
        lastError:
          'Kubernetes API of staging at https://10.0.0.9:6443 did not answer: connect ECONNREFUSED 10.0.0.9:6443',
      }),
    ]);
    const { maintenance } = await service.withDrainReadiness(summary);
    const [staging, production] = maintenance.drainReadiness;
    expect(production).toMatchObject({
      environment: 'production',
      state: 'not-ready',
      fresh: true,
    });
    expect(production.checks[0].message).toMatch(
      /^1 replica: downtime when its node is drained/,
    );
    expect(staging).toMatchObject({
      environment: 'staging',
      state: 'unknown',
      fresh: false,
    });
    expect(staging.lastError).not.toContain('10.0.0.9');
    expect(await service.sources()).toEqual([
      expect.objectContaining({
        id: 'kubernetes:production',
        state: 'ok',
        warnings: [expect.stringMatching(/^Cannot lose its largest node/)],
        headroom: expect.objectContaining({ state: 'short' }),
      }),
      expect.objectContaining({ id: 'kubernetes:staging', state: 'failing' }),
    ]);
  });

  it('says which config is missing when an environment has no cluster source', async () => {
    const { maintenance } = await serviceWith([]).withDrainReadiness(summary);
    expect(maintenance.drainReadiness[0]).toMatchObject({
      state: 'unknown',
      lastError: expect.stringContaining(
        'add kubernetes to its entry in platformOps.environments',
      ),
    });
  });

  it('never crashes on malformed objects in a snapshot', async () => {
    const odd = {
      ...cluster,
      workloads: [
        {
          ...cluster.workloads[0],
          topologySpread: [{} as never],
          antiAffinity: { required: [], preferred: [] },
        },
      ],
      disruptionBudgets: [
        {
          namespace: 'rabbitmq',
          name: 'odd',
          selector: { matchExpressions: [{ key: 'app', operator: 'Weird' }] },
          minAvailable: 'lots',
        },
      ],
    };
    const { maintenance } = await serviceWith([
      snapshot('production', { data: odd }),
    ]).withDrainReadiness(summary);
    expect(maintenance.drainReadiness[1].state).toBe('not-ready');
  });
});
