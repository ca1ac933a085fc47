import { ClusterInventory } from './clusterTypes';
import {
  clusterHeadroom,
  DrainCheck,
  Headroom,
  selectWorkloads,
  WorkloadSelection,
  workloadChecks,
} from './drain';

/**
 * Whether draining a node in one environment takes a component down:
 * `ready` when every check of every workload passes, `not-ready` when one
 * fails, `unknown` when the cluster's data is stale or missing, and
 * `no-workloads` when nothing in the cluster is the component's.
 *
 * @public
 */
export type DrainReadiness = {
  environment: string;
  sourceId: string;
  state: 'ready' | 'not-ready' | 'unknown' | 'no-workloads';
  /** The workloads found, such as `Deployment rabbitmq/rabbitmq`. */
  workloads: string[];
  checks: DrainCheck[];
  headroom?: Headroom;
  /** Why the state is what it is, when the checks alone do not say. */
  message?: string;
  fetchedAt?: string;
  lastError?: string;
  fresh: boolean;
};

const HOW_TO_SELECT =
  "add backstage.io/kubernetes-id (the value of the workloads' backstage.io/kubernetes-id label) or backstage.io/kubernetes-label-selector";

/**
 * The drain readiness of a component in one environment, from the last
 * known state of its cluster. Stale data still shows its checks, marked
 * `unknown`: old data cannot prove a drain is safe.
 *
 * @public
 */
export function drainReadiness(options: {
  environment: string;
  sourceId: string;
  /** Undefined when the cluster has never answered. */
  inventory?: ClusterInventory;
  fresh: boolean;
  fetchedAt?: string;
  lastError?: string;
  selection?: WorkloadSelection;
  maxGraceSeconds: number;
}): DrainReadiness {
  const { environment, sourceId, inventory, fetchedAt, lastError } = options;
  const base = {
    environment,
    sourceId,
    fetchedAt,
    lastError,
    fresh: options.fresh && inventory !== undefined,
  };
  if (!options.selection) {
    return {
      ...base,
      state: 'no-workloads',
      workloads: [],
      checks: [],
      message: `No workloads are named: ${HOW_TO_SELECT}`,
    };
  }
  if (!inventory) {
    return {
      ...base,
      state: 'unknown',
      workloads: [],
      checks: [],
      message: `The Kubernetes API of ${environment} has not answered yet`,
    };
  }
  const workloads = selectWorkloads(inventory.workloads, options.selection);
  const headroom = clusterHeadroom(inventory);
  if (workloads.length === 0) {
    return {
      ...base,
      state: base.fresh ? 'no-workloads' : 'unknown',
      workloads: [],
      checks: [],
      headroom,
      message: `No Deployment or StatefulSet in ${environment} matches this component: check its backstage.io/kubernetes-id label or ${HOW_TO_SELECT}`,
    };
  }
  const checks = workloads.flatMap(workload =>
    workloadChecks(
      workload,
      inventory.disruptionBudgets,
      options.maxGraceSeconds,
    ),
  );
  const failing = checks.some(check => check.state === 'fail');
  let state: DrainReadiness['state'] = failing ? 'not-ready' : 'ready';
  if (!base.fresh) state = 'unknown';
  return {
    ...base,
    state,
    workloads: workloads.map(
      workload => `${workload.kind} ${workload.namespace}/${workload.name}`,
    ),
    checks,
    headroom,
    message: base.fresh
      ? undefined
      : `No fresh data from ${environment}'s Kubernetes API: the checks below are from the last answer`,
  };
}
