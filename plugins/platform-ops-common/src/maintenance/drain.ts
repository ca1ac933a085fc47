import {
  ClusterInventory,
  RawDisruptionBudget,
  RawLabelSelector,
  RawWorkload,
} from './clusterTypes';
import { selectorMatches } from './labelSelectors';

/** The node label that spreading across nodes is about. */
const HOSTNAME = 'kubernetes.io/hostname';

/** What Kubernetes uses when a pod sets no grace period. */
const DEFAULT_GRACE_SECONDS = 30;

/**
 * One drain check of one workload: `pass`, `weak` (passes, but may not
 * hold) or `fail`, with one sentence saying what to change.
 *
 * @public
 */
export type DrainCheck = {
  /** `Deployment orders/orders-api`. */
  workload: string;
  check: 'replicas' | 'spread' | 'grace-period' | 'disruption-budget';
  state: 'pass' | 'weak' | 'fail';
  message: string;
};

/**
 * Which workloads are a component's, by Backstage's own Kubernetes
 * annotations.
 *
 * @public
 */
export type WorkloadSelection = {
  /** `backstage.io/kubernetes-id`, matched against the label of that name. */
  kubernetesId?: string;
  /** `backstage.io/kubernetes-label-selector`, parsed. */
  labelSelector?: RawLabelSelector;
  /** `backstage.io/kubernetes-namespace`. */
  namespace?: string;
};

/**
 * The component's workloads in a cluster.
 *
 * @public
 */
export function selectWorkloads(
  workloads: RawWorkload[],
  selection: WorkloadSelection,
): RawWorkload[] {
  return workloads.filter(workload => {
    if (selection.namespace && workload.namespace !== selection.namespace) {
      return false;
    }
    if (selection.labelSelector) {
      return selectorMatches(selection.labelSelector, workload.labels);
    }
    return (
      selection.kubernetesId !== undefined &&
      workload.labels['backstage.io/kubernetes-id'] === selection.kubernetesId
    );
  });
}

function nameOf(workload: RawWorkload): string {
  return `${workload.kind} ${workload.namespace}/${workload.name}`;
}

/** An int-or-percent of a count, rounded up as Kubernetes does. */
function countOf(value: number | string, total: number): number | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : undefined;
  const percent = /^(\d{1,3})%$/.exec(value.trim());
  if (percent) return Math.ceil((Number(percent[1]) * total) / 100);
  return /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

/**
 * How many pods a budget lets a drain evict at `replicas`, or undefined
 * when its numbers cannot be read.
 *
 * @public
 */
export function disruptionsAllowed(
  budget: RawDisruptionBudget,
  replicas: number,
): number | undefined {
  if (budget.maxUnavailable !== undefined) {
    return countOf(budget.maxUnavailable, replicas);
  }
  if (budget.minAvailable !== undefined) {
    const minimum = countOf(budget.minAvailable, replicas);
    return minimum === undefined ? undefined : Math.max(0, replicas - minimum);
  }
  // A budget with neither allows any disruption, as Kubernetes treats it.
  return replicas;
}

/**
 * The drain checks of one workload: at least two replicas, spread across
 * nodes, a grace period at most `maxGraceSeconds`, and a disruption budget
 * that allows at least one eviction at the current replica count.
 *
 * @public
 */
export function workloadChecks(
  workload: RawWorkload,
  budgets: RawDisruptionBudget[],
  maxGraceSeconds: number,
): DrainCheck[] {
  const name = nameOf(workload);
  const checks: DrainCheck[] = [];
  const add = (
    check: DrainCheck['check'],
    state: DrainCheck['state'],
    message: string,
  ) => checks.push({ workload: name, check, state, message });
  const { replicas } = workload;

  if (replicas < 2) {
    add(
      'replicas',
      'fail',
      `${replicas} replica${
        replicas === 1 ? '' : 's'
      }: downtime when its node is drained; run at least 2`,
    );
  } else {
    add('replicas', 'pass', `${replicas} replicas`);
    const spread = workload.topologySpread.some(
      constraint => constraint.topologyKey === HOSTNAME,
    );
    if (spread || workload.antiAffinity.required.includes(HOSTNAME)) {
      add(
        'spread',
        'pass',
        `spread across nodes by ${
          spread ? 'a topology spread constraint' : 'required pod anti-affinity'
        }`,
      );
    } else if (workload.antiAffinity.preferred.includes(HOSTNAME)) {
      add(
        'spread',
        'weak',
        'only preferred pod anti-affinity: the scheduler may still put replicas on one node; a topologySpreadConstraint on kubernetes.io/hostname holds',
      );
    } else {
      add(
        'spread',
        'fail',
        `${replicas} replicas with nothing spreading them across nodes: they can share a node and go down together; add a topologySpreadConstraint on kubernetes.io/hostname`,
      );
    }
  }

  const grace = workload.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
  if (grace > maxGraceSeconds) {
    add(
      'grace-period',
      'fail',
      `terminationGracePeriodSeconds is ${grace} s: every node drain can wait that long for it; keep it at or under ${maxGraceSeconds} s`,
    );
  } else {
    add('grace-period', 'pass', `grace period ${grace} s`);
  }

  const own = budgets.filter(
    budget =>
      budget.namespace === workload.namespace &&
      selectorMatches(budget.selector, workload.podLabels),
  );
  if (own.length === 0) {
    add(
      'disruption-budget',
      'fail',
      'no PodDisruptionBudget selects its pods: a drain may evict every replica at once; add one with maxUnavailable: 1',
    );
  } else {
    const blocking = own.find(
      budget => (disruptionsAllowed(budget, replicas) ?? 0) < 1,
    );
    if (blocking) {
      add(
        'disruption-budget',
        'fail',
        `PodDisruptionBudget ${
          blocking.name
        } allows no disruption at ${replicas} replica${
          replicas === 1 ? '' : 's'
        }: the drain cannot finish; allow at least one (maxUnavailable: 1)`,
      );
    } else {
      add(
        'disruption-budget',
        'pass',
        `PodDisruptionBudget ${own
          .map(budget => budget.name)
          .join(', ')} allows a disruption`,
      );
    }
  }
  return checks;
}

/**
 * Whether a cluster can lose its largest node: the requests of the pods
 * that would move must fit on the other schedulable nodes.
 *
 * @public
 */
export type Headroom = {
  state: 'ok' | 'short';
  largestNode?: string;
  message: string;
};

function cores(millis: number): string {
  return (millis / 1000).toFixed(1);
}

function gibibytes(bytes: number): string {
  return (bytes / 2 ** 30).toFixed(1);
}

/**
 * The headroom of a cluster. Largest means the most allocatable memory,
 * then CPU. DaemonSet pods stay on their node and are not counted; running
 * and pending pods are.
 *
 * @public
 */
export function clusterHeadroom(inventory: ClusterInventory): Headroom {
  const nodes = inventory.nodes.filter(node => !node.unschedulable);
  if (nodes.length < 2) {
    return {
      state: 'short',
      message: `${nodes.length} schedulable node${
        nodes.length === 1 ? '' : 's'
      }: draining one leaves nowhere for its pods`,
    };
  }
  const largest = [...nodes].sort(
    (a, b) => b.memoryBytes - a.memoryBytes || b.cpuMillis - a.cpuMillis,
  )[0];
  const rest = nodes.filter(node => node !== largest);
  const pods = inventory.pods.filter(
    pod =>
      !pod.daemonSet && (pod.phase === 'Running' || pod.phase === 'Pending'),
  );
  const cpu = pods.reduce((sum, pod) => sum + pod.cpuMillis, 0);
  const memory = pods.reduce((sum, pod) => sum + pod.memoryBytes, 0);
  const cpuLeft = rest.reduce((sum, node) => sum + node.cpuMillis, 0);
  const memoryLeft = rest.reduce((sum, node) => sum + node.memoryBytes, 0);
  const fits = cpu <= cpuLeft && memory <= memoryLeft;
  const figures = `pods request ${cores(cpu)} CPU and ${gibibytes(
    memory,
  )} GiB; the other nodes have ${cores(cpuLeft)} CPU and ${gibibytes(
    memoryLeft,
  )} GiB`;
  return {
    state: fits ? 'ok' : 'short',
    largestNode: largest.name,
    message: fits
      ? `Can lose its largest node (${largest.name}): ${figures}`
      : `Cannot lose its largest node (${largest.name}): ${figures}`,
  };
}
