import {
  drainReadiness,
  parsePlatformOpsConfig,
} from '@platform-ops/plugin-platform-ops-common';
import {
  KubernetesObject,
  KubernetesStandIn,
  startKubernetesStandIn,
} from '../../__testUtils__/kubernetesStandIn';
import { KubernetesClusterSource } from './KubernetesClusterSource';
import { parseQuantity } from './KubernetesClusterSource.objects';

const TOKEN = 'cluster-test-token-123';

const objects: KubernetesObject[] = [
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'ingress-nginx-controller',
      namespace: 'ingress-nginx',
      labels: { 'backstage.io/kubernetes-id': 'ingress-nginx' },
    },
    spec: {
      replicas: 3,
      template: {
        metadata: { labels: { app: 'ingress-nginx' } },
        spec: {
          terminationGracePeriodSeconds: 30,
          topologySpreadConstraints: [
            {
              topologyKey: 'kubernetes.io/hostname',
              whenUnsatisfiable: 'DoNotSchedule',
            },
          ],
        },
      },
    },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: {
      name: 'rabbitmq',
      namespace: 'rabbitmq',
      labels: { 'backstage.io/kubernetes-id': 'rabbitmq' },
    },
    spec: {
      replicas: 1,
      template: {
        metadata: { labels: { app: 'rabbitmq' } },
        spec: {
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                {
                  weight: 1,
                  podAffinityTerm: { topologyKey: 'kubernetes.io/hostname' },
                },
              ],
            },
          },
        },
      },
    },
  },
  // Malformed: no spec. Left out, never a crash.
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'broken', namespace: 'x' },
  },
  {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'ingress-nginx', namespace: 'ingress-nginx' },
    spec: {
      maxUnavailable: 1,
      selector: { matchLabels: { app: 'ingress-nginx' } },
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'node-1' },
    status: { allocatable: { cpu: '3920m', memory: '16Gi' } },
  },
  {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'node-2' },
    spec: { unschedulable: true },
    status: { allocatable: { cpu: '4', memory: '16393076Ki' } },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'rabbitmq-0', namespace: 'rabbitmq' },
    spec: {
      nodeName: 'node-1',
      containers: [
        { resources: { requests: { cpu: '500m', memory: '1Gi' } } },
        { resources: { requests: { cpu: '0.25' } } },
      ],
    },
    status: { phase: 'Running' },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'fluentd-abc',
      namespace: 'logging',
      ownerReferences: [{ kind: 'DaemonSet', name: 'fluentd' }],
    },
    spec: {
      nodeName: 'node-1',
      containers: [
        { resources: { requests: { cpu: '100m', memory: '200Mi' } } },
      ],
    },
    status: { phase: 'Running' },
  },
];

describe('KubernetesClusterSource with the real client', () => {
  let standIn: KubernetesStandIn;

  beforeAll(async () => {
    standIn = await startKubernetesStandIn({ objects, token: TOKEN });
  });

  afterAll(async () => {
    await standIn.stop();
  });

  function source(token = TOKEN, url = standIn.url, timeoutMs?: number) {
    const { config } = parsePlatformOpsConfig({
      environments: [
        {
          name: 'production',
          kubernetes: { url, serviceAccountToken: token, skipTLSVerify: true },
        },
      ],
    });
    return KubernetesClusterSource.fromConfig(config!.environments[0], {
      timeoutMs,
    })!;
  }

  it('reads workloads, budgets, nodes and pods and maps what drain readiness needs', async () => {
    const inventory = await source().fetchInventory();
    expect(
      inventory.workloads.map(workload => `${workload.kind} ${workload.name}`),
    ).toEqual(['Deployment ingress-nginx-controller', 'StatefulSet rabbitmq']);
    expect(inventory.workloads[1]).toMatchObject({
      replicas: 1,
      podLabels: { app: 'rabbitmq' },
      antiAffinity: { required: [], preferred: ['kubernetes.io/hostname'] },
    });
    expect(inventory.nodes).toEqual([
      {
        name: 'node-1',
        unschedulable: false,
        cpuMillis: 3920,
        memoryBytes: 16 * 2 ** 30,
      },
      {
        name: 'node-2',
        unschedulable: true,
        cpuMillis: 4000,
        memoryBytes: 16393076 * 1024,
      },
    ]);
    expect(inventory.pods).toHaveLength(2);
    expect(inventory.pods).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'rabbitmq-0',
          cpuMillis: 750,
          memoryBytes: 2 ** 30,
          daemonSet: false,
        }),
        expect.objectContaining({ name: 'fluentd-abc', daemonSet: true }),
      ]),
    );
    const readiness = (kubernetesId: string) =>
      drainReadiness({
        environment: 'production',
        sourceId: 'kubernetes:production',
        inventory,
        fresh: true,
        selection: { kubernetesId },
        maxGraceSeconds: 60,
      });
    expect(readiness('ingress-nginx').state).toBe('ready');
    expect(readiness('rabbitmq').checks[0].message).toMatch(
      /^1 replica: downtime when its node is drained/,
    );
    expect(readiness('rabbitmq').headroom?.state).toBe('short');
  });

  it('says which token is wrong', async () => {
    await expect(source('wrong-token-123').fetchInventory()).rejects.toThrow(
      /answered 401 .*check its serviceAccountToken/,
    );
  });

  it('ends within the timeout when nothing answers', async () => {
    const stopped = await startKubernetesStandIn({ objects: [], token: TOKEN });
    const url = stopped.url;
    await stopped.stop();
    await expect(source(TOKEN, url, 2000).fetchInventory()).rejects.toThrow(
      /did not answer/,
    );
  });
});

describe('parseQuantity', () => {
  it.each([
    ['500m', 0.5],
    ['2', 2],
    ['0.25', 0.25],
    ['16Gi', 16 * 2 ** 30],
    ['129e6', 129e6],
    ['1k', 1000],
    ['lots', undefined],
    [undefined, undefined],
  ])('%s is %s', (text, value) => {
    expect(parseQuantity(text)).toBe(value);
  });
});
