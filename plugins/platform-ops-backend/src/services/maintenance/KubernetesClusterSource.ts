import {
  ApiException,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  Observable,
  ObservableMiddleware,
} from '@kubernetes/client-node';
import {
  ClusterInventory,
  EnvironmentConfig,
} from '@platform-ops/plugin-platform-ops-common';
import { ClusterSource } from '@platform-ops/plugin-platform-ops-node';
import { STATUS_CODES } from 'http';
import { z } from 'zod';
import { pinAgent, statusMessage } from '../kubernetes/kubernetesAccess';
import { clusterKinds } from './KubernetesClusterSource.objects';

/** A Kubernetes API that takes longer than this is reported as unreachable. */
const DEFAULT_TIMEOUT_MS = 10_000;
/** Items per list request. */
const PAGE_SIZE = 500;
/** Pages per kind at most: a server that never ends a list must not loop us. */
const MAX_PAGES = 100;

const listPage = z.object({
  metadata: z.object({ continue: z.string().nullish() }).nullish(),
  items: z.array(z.unknown()),
});

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
    private readonly custom: CustomObjectsApi,
    private readonly core: CoreV1Api,
    private readonly server: URL,
    private readonly timeoutMs: number,
    private readonly plainHttpRefused: boolean,
  ) {
    this.id = `kubernetes:${environment}`;
  }

  /** The source of an environment, or undefined without `kubernetes` in config. */
  static fromConfig(
    environment: EnvironmentConfig,
    options: { timeoutMs?: number } = {},
  ): KubernetesClusterSource | undefined {
    const kubernetes = environment.kubernetes;
    if (!kubernetes) return undefined;
    const config = new KubeConfig();
    // Built from config alone: no kubeconfig file, no in-cluster account.
    config.loadFromClusterAndUser(
      {
        name: environment.name,
        server: kubernetes.url.replace(/\/+$/, ''),
        caData: kubernetes.caData,
        skipTLSVerify: kubernetes.skipTLSVerify ?? false,
      },
      {
        name: `platform-ops-${environment.name}`,
        token: kubernetes.serviceAccountToken,
      },
    );
    return new KubernetesClusterSource(
      environment.name,
      config.makeApiClient(CustomObjectsApi),
      config.makeApiClient(CoreV1Api),
      new URL(kubernetes.url),
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      kubernetes.url.startsWith('http:') && !kubernetes.skipTLSVerify,
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
    if (this.plainHttpRefused) {
      throw new Error(
        `${this.name} is plain http: set skipTLSVerify: true for it in platformOps.environments, or use https`,
      );
    }
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const failed = new AbortController();
    const signal = AbortSignal.any(
      [timeout, failed.signal, options.signal].filter(
        (item): item is AbortSignal => item !== undefined,
      ),
    );
    const read = async <K extends Kind>(kind: K) => {
      try {
        const items = await this.listAll(kind, signal);
        return clusterKinds[kind](items).values as ReturnType<
          (typeof clusterKinds)[K]
        >['values'];
      } catch (error) {
        failed.abort();
        throw this.failure(error, kind, timeout, options.signal);
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

  private async listAll(kind: Kind, signal: AbortSignal): Promise<unknown[]> {
    const path = PATHS[kind];
    const items: unknown[] = [];
    const options = {
      middleware: [this.guard(signal)],
      middlewareMergeStrategy: 'append' as const,
    };
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const query = { limit: PAGE_SIZE, _continue: token };
      let body: unknown;
      if (path.group) {
        body = await this.custom.listClusterCustomObject(
          {
            group: path.group,
            version: path.version,
            plural: path.plural,
            ...query,
          },
          options,
        );
      } else if (kind === 'nodes') {
        body = await this.core.listNode(query, options);
      } else {
        body = await this.core.listPodForAllNamespaces(query, options);
      }
      const parsed = listPage.safeParse(body);
      if (!parsed.success)
        throw new Error(
          `${this.name} sent a list of ${path.plural} that is not a list`,
        );
      items.push(...parsed.data.items);
      token = parsed.data.metadata?.continue ?? undefined;
      if (!token) return items;
    }
    throw new Error(
      `${this.name} did not end the list of ${path.plural} after ${MAX_PAGES} pages`,
    );
  }

  /** Ends the request with the signal and keeps it on the configured server. */
  private guard(signal: AbortSignal): ObservableMiddleware {
    return {
      pre: context => {
        context.setSignal(signal);
        pinAgent(context.getAgent(), this.server);
        return new Observable(Promise.resolve(context));
      },
      post: response => new Observable(Promise.resolve(response)),
    };
  }

  private get name(): string {
    return `Kubernetes API of ${this.environment} at ${this.server.origin}`;
  }

  private failure(
    error: unknown,
    kind: Kind,
    timeout: AbortSignal,
    caller?: AbortSignal,
  ): Error {
    const api = this.name;
    const plural = PATHS[kind].plural;
    if (caller?.aborted)
      return new Error(`Reading the cluster from the ${api} was cancelled`);
    if (timeout.aborted)
      return new Error(
        `${api} did not answer within ${this.timeoutMs / 1000} s`,
      );
    if (error instanceof ApiException) {
      const hint = {
        401: 'check its serviceAccountToken',
        403: `the service account may not list ${plural}`,
      }[error.code];
      const details = [statusMessage(error.body), hint].filter(Boolean);
      return new Error(
        `${api} answered ${error.code} ${
          STATUS_CODES[error.code] ?? ''
        } to listing ${plural}${
          details.length > 0 ? `: ${details.join('; ')}` : ''
        }`.replace(/ {2,}/g, ' '),
      );
    }
    const text = (error as Error)?.message ?? String(error);
    if (text.startsWith(api)) return error as Error;
    const reason = /reason: (.*)$/s.exec(text)?.[1] ?? text;
    return new Error(`${api} did not answer: ${reason}`);
  }
}
