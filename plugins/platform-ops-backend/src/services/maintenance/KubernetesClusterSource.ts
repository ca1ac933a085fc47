import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import {
  ClusterInventory,
  EnvironmentConfig,
} from '@platform-ops/plugin-platform-ops-common';
import { ClusterSource } from '@platform-ops/plugin-platform-ops-node';
import { KubernetesApiAccess } from '../kubernetes/KubernetesApiAccess';
import {
  KubernetesRead,
  Listing,
  PageLimits,
} from '../kubernetes/KubernetesRead';
import { clusterKinds } from './KubernetesClusterSource.objects';

/** A Kubernetes API that takes longer than this is reported as unreachable. */
const DEFAULT_TIMEOUT_MS = 10_000;
/** 100 pages of 500 items per kind at most. */
const LIMITS: PageLimits = { pageSize: 500, maxPages: 100 };

type Kind = keyof typeof clusterKinds;

/** Where each kind is listed, cluster-wide. */
const PATHS: Record<Kind, { group?: string; version: string; plural: string }> =
  {
    deployments: { group: 'apps', version: 'v1', plural: 'deployments' },
    statefulsets: { group: 'apps', version: 'v1', plural: 'statefulsets' },
    disruptionBudgets: {
      group: 'policy',
      version: 'v1',
      plural: 'poddisruptionbudgets',
    },
    nodes: { version: 'v1', plural: 'nodes' },
    pods: { version: 'v1', plural: 'pods' },
  };

/** One kind's list, in failure messages: what to check on each status. */
function listing(plural: string): Listing {
  return {
    what: plural,
    hints: {
      401: 'check its serviceAccountToken',
      403: `the service account may not list ${plural}`,
    },
  };
}

/**
 * Reads Deployments, StatefulSets, PodDisruptionBudgets, Nodes and Pods of
 * one environment's cluster with `@kubernetes/client-node`, to tell whether
 * draining a node takes components down. It contacts only the API server
 * URL of the environment's config, with its service account token, which
 * needs list on those five kinds.
 */
export class KubernetesClusterSource implements ClusterSource {
  readonly id: string;

  private constructor(
    readonly environment: string,
    private readonly access: KubernetesApiAccess,
    private readonly custom: CustomObjectsApi,
    private readonly core: CoreV1Api,
  ) {
    this.id = `kubernetes:${environment}`;
  }

  /** The source of an environment, or undefined without `kubernetes` in config. */
  static fromConfig(
    environment: EnvironmentConfig,
    options: { timeoutMs?: number } = {},
  ): KubernetesClusterSource | undefined {
    const access = KubernetesApiAccess.fromConfig(environment, {
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    if (!access) return undefined;
    return new KubernetesClusterSource(
      environment.name,
      access,
      access.makeApiClient(CustomObjectsApi),
      access.makeApiClient(CoreV1Api),
    );
  }

  /**
   * Lists the five kinds at once; the first failure ends the others, and
   * everything ends within the timeout. Malformed objects are left out:
   * one odd object must not blank a whole cluster.
   */
  async fetchInventory(
    options: { signal?: AbortSignal } = {},
  ): Promise<ClusterInventory> {
    const reading = this.access.startRead('the cluster', options.signal);
    const read = async <K extends Kind>(kind: K) => {
      try {
        const items = await this.listAll(kind, reading);
        return clusterKinds[kind](items).values as ReturnType<
          (typeof clusterKinds)[K]
        >['values'];
      } catch (error) {
        throw reading.fail(error, listing(PATHS[kind].plural));
      }
    };
    const [deployments, statefulsets, disruptionBudgets, nodes, pods] =
      await Promise.all([
        read('deployments'),
        read('statefulsets'),
        read('disruptionBudgets'),
        read('nodes'),
        read('pods'),
      ]);
    return {
      workloads: [...deployments, ...statefulsets],
      disruptionBudgets,
      nodes,
      pods,
    };
  }

  /** Every item of one kind, cluster-wide, page by page. */
  private listAll(kind: Kind, reading: KubernetesRead): Promise<unknown[]> {
    const path = PATHS[kind];
    return reading.listAll(path.plural, LIMITS, (query, options) => {
      if (path.group) {
        return this.custom.listClusterCustomObject(
          {
            group: path.group,
            version: path.version,
            plural: path.plural,
            ...query,
          },
          options,
        );
      }
      if (kind === 'nodes') return this.core.listNode(query, options);
      return this.core.listPodForAllNamespaces(query, options);
    });
  }
}
