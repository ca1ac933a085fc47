import { ClusterInventory, RawWorkload } from './clusterTypes';
import {
  clusterHeadroom,
  disruptionsAllowed,
  selectWorkloads,
  workloadChecks,
} from './drain';
import { drainReadiness } from './drainReadiness';
import { parseSelectorText, selectorMatches } from './labelSelectors';
import { workloadSelectionOf } from './workloadSelection';
import { problemsOfAspect } from '../entity/aspects';

function workload(extra: Partial<RawWorkload> = {}): RawWorkload {
  return {
    kind: 'Deployment',
    namespace: 'ingress-nginx',
    name: 'ingress-nginx-controller',
    labels: { 'backstage.io/kubernetes-id': 'ingress-nginx' },
    replicas: 3,
    podLabels: { app: 'ingress-nginx' },
    terminationGracePeriodSeconds: 30,
    topologySpread: [{ topologyKey: 'kubernetes.io/hostname' }],
    antiAffinity: { required: [], preferred: [] },
    ...extra,
  };
}

const budget = {
  namespace: 'ingress-nginx',
  name: 'ingress-nginx',
  selector: { matchLabels: { app: 'ingress-nginx' } },
  maxUnavailable: 1,
};

function states(checks: ReturnType<typeof workloadChecks>) {
  return Object.fromEntries(checks.map(check => [check.check, check.state]));
}

describe('workloadChecks', () => {
  it('passes a drain-ready workload', () => {
    expect(states(workloadChecks(workload(), [budget], 60))).toEqual({
      replicas: 'pass',
      spread: 'pass',
      'grace-period': 'pass',
      'disruption-budget': 'pass',
    });
  });

  it('fails one replica and says what happens', () => {
    const [replicas] = workloadChecks(workload({ replicas: 1 }), [budget], 60);
    expect(replicas).toMatchObject({
      state: 'fail',
      message: expect.stringMatching(
        /^1 replica: downtime when its node is drained/,
      ),
    });
  });

  it('weighs spread: constraint or required anti-affinity pass, preferred is weak, none fails', () => {
    const spread = (extra: Partial<RawWorkload>) =>
      states(
        workloadChecks(
          workload({ topologySpread: [], ...extra }),
          [budget],
          60,
        ),
      ).spread;
    expect(
      spread({
        antiAffinity: { required: ['kubernetes.io/hostname'], preferred: [] },
      }),
    ).toBe('pass');
    expect(
      spread({
        antiAffinity: { required: [], preferred: ['kubernetes.io/hostname'] },
      }),
    ).toBe('weak');
    expect(
      spread({
        antiAffinity: {
          required: ['topology.kubernetes.io/zone'],
          preferred: [],
        },
      }),
    ).toBe('fail');
    expect(
      spread({
        topologySpread: [{ topologyKey: 'topology.kubernetes.io/zone' }],
      }),
    ).toBe('fail');
  });

  it.each([
    [60, 'pass'],
    [61, 'fail'],
    [undefined, 'pass'],
    [120, 'fail'],
  ])('grace period %s s against 60 s is %s', (seconds, state) => {
    expect(
      states(
        workloadChecks(
          workload({ terminationGracePeriodSeconds: seconds }),
          [budget],
          60,
        ),
      )['grace-period'],
    ).toBe(state);
  });

  it('fails a missing budget and one that allows no disruption, naming it', () => {
    expect(
      states(workloadChecks(workload(), [], 60))['disruption-budget'],
    ).toBe('fail');
    const strict = {
      ...budget,
      name: 'orders-pdb',
      maxUnavailable: undefined,
      minAvailable: 1,
    };
    const checks = workloadChecks(workload({ replicas: 1 }), [strict], 60);
    expect(
      checks.find(check => check.check === 'disruption-budget')?.message,
    ).toContain(
      'PodDisruptionBudget orders-pdb allows no disruption at 1 replica',
    );
    // A budget in another namespace or for other pods does not count.
    expect(
      states(
        workloadChecks(workload(), [{ ...budget, namespace: 'other' }], 60),
      )['disruption-budget'],
    ).toBe('fail');
  });
});

describe('disruptionsAllowed', () => {
  it.each([
    [{ maxUnavailable: 1 }, 3, 1],
    [{ maxUnavailable: '34%' }, 3, 2],
    [{ maxUnavailable: '0%' }, 3, 0],
    [{ minAvailable: 2 }, 3, 1],
    [{ minAvailable: '100%' }, 3, 0],
    [{ minAvailable: 5 }, 3, 0],
    [{ minAvailable: 'many' }, 3, undefined],
    [{}, 3, 3],
  ])('%j at %d replicas allows %s', (numbers, replicas, allowed) => {
    expect(
      disruptionsAllowed({ namespace: 'n', name: 'b', ...numbers }, replicas),
    ).toBe(allowed);
  });
});

describe('label selectors', () => {
  it('parses the text forms and matches like Kubernetes', () => {
    const selector = parseSelectorText(
      'app=orders, tier!=cache, env in (staging,production), release, !canary',
    )!;
    expect(
      selectorMatches(selector, {
        app: 'orders',
        env: 'staging',
        release: 'v1',
      }),
    ).toBe(true);
    expect(
      selectorMatches(selector, {
        app: 'orders',
        env: 'staging',
        release: 'v1',
        canary: 'y',
      }),
    ).toBe(false);
    expect(
      selectorMatches(selector, { app: 'orders', env: 'qa', release: 'v1' }),
    ).toBe(false);
    expect(
      selectorMatches(selector, {
        app: 'orders',
        env: 'staging',
        release: 'v1',
        tier: 'cache',
      }),
    ).toBe(false);
  });

  it.each(['app=', 'app==orders', 'a b', 'env in staging', '=x'])(
    'handles %j without crashing',
    text => {
      expect(() => parseSelectorText(text)).not.toThrow();
    },
  );

  it('refuses text that is no selector', () => {
    expect(parseSelectorText('a b')).toBeUndefined();
    expect(parseSelectorText('app=orders=x')).toBeUndefined();
  });

  it('selects nothing with an unknown operator or no selector, everything with an empty one', () => {
    expect(
      selectorMatches(
        { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] },
        { a: '2' },
      ),
    ).toBe(false);
    expect(selectorMatches(undefined, { a: '1' })).toBe(false);
    expect(selectorMatches({}, { a: '1' })).toBe(true);
  });
});

describe('selectWorkloads', () => {
  const workloads = [
    workload(),
    workload({
      name: 'other',
      labels: { 'backstage.io/kubernetes-id': 'other', app: 'x' },
    }),
    workload({ namespace: 'staging-ingress', name: 'copy' }),
  ];
  it('selects by kubernetes-id, by label selector and within a namespace', () => {
    expect(
      selectWorkloads(workloads, { kubernetesId: 'ingress-nginx' }).map(
        w => w.name,
      ),
    ).toEqual(['ingress-nginx-controller', 'copy']);
    expect(
      selectWorkloads(workloads, {
        kubernetesId: 'ingress-nginx',
        namespace: 'ingress-nginx',
      }),
    ).toHaveLength(1);
    expect(
      selectWorkloads(workloads, {
        labelSelector: { matchLabels: { app: 'x' } },
      }).map(w => w.name),
    ).toEqual(['other']);
  });
});

const node = (name: string, cpu: number, gib: number) => ({
  name,
  unschedulable: false,
  cpuMillis: cpu * 1000,
  memoryBytes: gib * 2 ** 30,
});
const pod = (name: string, cpu: number, gib: number, daemonSet = false) => ({
  namespace: 'default',
  name,
  nodeName: 'node-1',
  phase: 'Running',
  daemonSet,
  cpuMillis: cpu * 1000,
  memoryBytes: gib * 2 ** 30,
});

describe('clusterHeadroom', () => {
  const inventory = (pods: ReturnType<typeof pod>[]): ClusterInventory => ({
    workloads: [],
    disruptionBudgets: [],
    nodes: [
      node('node-1', 4, 16),
      node('node-2', 4, 16),
      node('node-3', 8, 32),
    ],
    pods,
  });

  it('fits when the pods fit on the nodes left after the largest goes', () => {
    expect(
      clusterHeadroom(inventory([pod('a', 7, 30), pod('ds', 4, 8, true)])),
    ).toMatchObject({
      state: 'ok',
      largestNode: 'node-3',
    });
  });

  it('is short at the boundary plus one, by CPU or memory, and says by how much', () => {
    expect(clusterHeadroom(inventory([pod('a', 8, 32)])).state).toBe('ok');
    const cpu = clusterHeadroom(inventory([pod('a', 8.1, 1)]));
    expect(cpu.state).toBe('short');
    expect(cpu.message).toBe(
      'Cannot lose its largest node (node-3): pods request 8.1 CPU and 1.0 GiB; the other nodes have 8.0 CPU and 32.0 GiB',
    );
    expect(clusterHeadroom(inventory([pod('a', 1, 33)])).state).toBe('short');
  });

  it('is short with a single schedulable node', () => {
    expect(
      clusterHeadroom({
        workloads: [],
        disruptionBudgets: [],
        nodes: [
          node('only', 8, 32),
          { ...node('cordoned', 8, 32), unschedulable: true },
        ],
        pods: [],
      }),
    ).toMatchObject({
      state: 'short',
      message: '1 schedulable node: draining one leaves nowhere for its pods',
    });
  });
});

describe('drainReadiness', () => {
  const cluster: ClusterInventory = {
    workloads: [
      workload(),
      workload({
        namespace: 'rabbitmq',
        name: 'rabbitmq',
        labels: { 'backstage.io/kubernetes-id': 'rabbitmq' },
        replicas: 1,
      }),
    ],
    disruptionBudgets: [budget],
    nodes: [node('node-1', 4, 16), node('node-2', 4, 16)],
    pods: [],
  };
  const base = {
    environment: 'production',
    sourceId: 'kubernetes:production',
    maxGraceSeconds: 60,
  };

  it('is ready, not ready, or unknown when stale, keeping the checks', () => {
    expect(
      drainReadiness({
        ...base,
        inventory: cluster,
        fresh: true,
        selection: { kubernetesId: 'ingress-nginx' },
      }).state,
    ).toBe('ready');
    const rabbit = drainReadiness({
      ...base,
      inventory: cluster,
      fresh: true,
      selection: { kubernetesId: 'rabbitmq' },
    });
    expect(rabbit.state).toBe('not-ready');
    expect(rabbit.workloads).toEqual(['Deployment rabbitmq/rabbitmq']);
    const stale = drainReadiness({
      ...base,
      inventory: cluster,
      fresh: false,
      selection: { kubernetesId: 'rabbitmq' },
    });
    expect(stale.state).toBe('unknown');
    expect(stale.checks).toEqual(rabbit.checks);
  });

  it('names the annotation to add, and says when nothing matches', () => {
    expect(
      drainReadiness({ ...base, inventory: cluster, fresh: true }).message,
    ).toContain('add backstage.io/kubernetes-id');
    expect(
      drainReadiness({
        ...base,
        inventory: cluster,
        fresh: true,
        selection: { kubernetesId: 'nothing' },
      }),
    ).toMatchObject({
      state: 'no-workloads',
      message: expect.stringContaining(
        'No Deployment or StatefulSet in production matches this component',
      ),
    });
    expect(
      drainReadiness({
        ...base,
        fresh: true,
        selection: { kubernetesId: 'rabbitmq' },
      }).state,
    ).toBe('unknown');
  });
});

describe('workloadSelectionOf', () => {
  const entity = (annotations: Record<string, string>) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'x', annotations },
  });
  it('reads Backstage’s Kubernetes annotations, the label selector winning', () => {
    expect(
      workloadSelectionOf(
        entity({
          'backstage.io/kubernetes-id': 'rabbitmq',
          'backstage.io/kubernetes-namespace': 'mq',
        }),
      ),
    ).toEqual({
      value: { kubernetesId: 'rabbitmq', namespace: 'mq' },
      problems: [],
    });
    expect(
      workloadSelectionOf(
        entity({
          'backstage.io/kubernetes-id': 'a',
          'backstage.io/kubernetes-label-selector': 'app=b',
        }),
      ).value,
    ).toEqual({
      labelSelector: { matchLabels: { app: 'b' }, matchExpressions: [] },
      namespace: undefined,
    });
    expect(workloadSelectionOf(entity({})).value).toBeUndefined();
  });

  it('reports a selector that is none, on the maintenance card', () => {
    const { value, problems } = workloadSelectionOf(
      entity({ 'backstage.io/kubernetes-label-selector': 'app orders' }),
    );
    expect(value).toBeUndefined();
    expect(problemsOfAspect(problems, 'maintenance')).toEqual(problems);
    expect(problems[0].key).toBe('backstage.io/kubernetes-label-selector');
  });
});
