/**
 * A Kubernetes label selector as the API writes it.
 *
 * @public
 */
export type RawLabelSelector = {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{
    key: string;
    operator: string;
    values?: string[];
  }>;
};

/**
 * A Deployment or StatefulSet, with what decides whether draining a node
 * takes it down.
 *
 * @public
 */
export type RawWorkload = {
  kind: 'Deployment' | 'StatefulSet';
  namespace: string;
  name: string;
  /** The workload's own labels. */
  labels: Record<string, string>;
  replicas: number;
  /** The labels its pods get, from the pod template. */
  podLabels: Record<string, string>;
  terminationGracePeriodSeconds?: number;
  /** `topologySpreadConstraints` of the pod template. */
  topologySpread: Array<{ topologyKey: string; whenUnsatisfiable?: string }>;
  /** Topology keys of pod anti-affinity terms, required and preferred. */
  antiAffinity: { required: string[]; preferred: string[] };
};

/**
 * A PodDisruptionBudget.
 *
 * @public
 */
export type RawDisruptionBudget = {
  namespace: string;
  name: string;
  selector?: RawLabelSelector;
  minAvailable?: number | string;
  maxUnavailable?: number | string;
};

/**
 * A node with what pods can use of it.
 *
 * @public
 */
export type RawNode = {
  name: string;
  unschedulable: boolean;
  /** Allocatable CPU in millicores and memory in bytes. */
  cpuMillis: number;
  memoryBytes: number;
};

/**
 * A pod with its requests and where it runs.
 *
 * @public
 */
export type RawPod = {
  namespace: string;
  name: string;
  nodeName?: string;
  phase: string;
  /** DaemonSet pods stay on their node; they never need room elsewhere. */
  daemonSet: boolean;
  cpuMillis: number;
  memoryBytes: number;
};

/**
 * What one cluster's source knows for drain readiness.
 *
 * @public
 */
export type ClusterInventory = {
  workloads: RawWorkload[];
  disruptionBudgets: RawDisruptionBudget[];
  nodes: RawNode[];
  pods: RawPod[];
};
