import {
  ApiException,
  CustomObjectsApi,
  KubeConfig,
  Observable,
  ObservableMiddleware,
} from '@kubernetes/client-node';
import {
  BackupInventory,
  EnvironmentConfig,
} from '@platform-ops/plugin-platform-ops-common';
import { BackupSource } from '@platform-ops/plugin-platform-ops-node';
import { STATUS_CODES } from 'http';
import { z } from 'zod';
import { pinAgent, statusMessage } from '../kubernetes/kubernetesAccess';
import { veleroKinds } from './VeleroBackupSource.objects';

/** A Kubernetes API that takes longer than this is reported as unreachable. */
const DEFAULT_TIMEOUT_MS = 10_000;
/** Where Velero keeps its objects unless it was installed elsewhere. */
const DEFAULT_NAMESPACE = 'velero';
/** Items per list request, so one answer stays small in a big cluster. */
const PAGE_SIZE = 500;
/** Pages per kind at most: a server that never ends a list must not loop us. */
const MAX_PAGES = 40;

const listPage = z.object({
  metadata: z.object({ continue: z.string().nullish() }).nullish(),
  items: z.array(z.unknown()),
});

/** Counts of objects left out because they did not have Velero's shape. */
export type SkippedVeleroObjects = Record<string, number>;

/**
 * Reads Velero's `Backup`, `Schedule`, `BackupStorageLocation` and `Restore`
 * objects (velero.io/v1) of one environment's cluster with
 * `@kubernetes/client-node`. It contacts only the API server URL of the
 * environment's config, with its service account token.
 */
export class VeleroBackupSource implements BackupSource {
  readonly id: string;
  private skipped: SkippedVeleroObjects = {};

  private constructor(
    readonly environment: string,
    private readonly api: CustomObjectsApi,
    private readonly server: URL,
    private readonly namespace: string,
    private readonly timeoutMs: number,
    private readonly plainHttpRefused: boolean,
    private readonly onSkipped?: (skipped: SkippedVeleroObjects) => void,
  ) {
    this.id = `velero:${environment}`;
  }

  /**
   * The source of an environment, or undefined when its config has no
   * `kubernetes`. `timeoutMs` bounds one whole inventory, every page of
   * every kind; `onSkipped` hears of objects left out as malformed.
   */
  static fromConfig(
    environment: EnvironmentConfig,
    options: {
      namespace?: string;
      timeoutMs?: number;
      onSkipped?: (skipped: SkippedVeleroObjects) => void;
    } = {},
  ): VeleroBackupSource | undefined {
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
    return new VeleroBackupSource(
      environment.name,
      config.makeApiClient(CustomObjectsApi),
      new URL(kubernetes.url),
      options.namespace ?? DEFAULT_NAMESPACE,
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      kubernetes.url.startsWith('http:') && !kubernetes.skipTLSVerify,
      options.onSkipped,
    );
  }

  /** Objects left out of the last inventory as malformed, per plural. */
  get lastSkipped(): SkippedVeleroObjects {
    return { ...this.skipped };
  }

  /**
   * Lists the four kinds at once. Fails, within the timeout, with an error
   * naming the environment and what went wrong; the first failure ends the
   * other lists.
   */
  async fetchInventory(
    options: { signal?: AbortSignal } = {},
  ): Promise<BackupInventory> {
    if (this.plainHttpRefused) {
      // The client would refuse it too, in words that name no setting.
      throw new Error(
        `${this.name} is plain http: set skipTLSVerify: true for it in platformOps.environments, or use https`,
      );
    }
    const timeout = AbortSignal.timeout(this.timeoutMs);
    // The first failed list ends the other three at once.
    const failed = new AbortController();
    const signal = AbortSignal.any(
      [timeout, failed.signal, options.signal].filter(
        (item): item is AbortSignal => item !== undefined,
      ),
    );
    const skipped: SkippedVeleroObjects = {};
    const read = async <K extends keyof typeof veleroKinds>(plural: K) => {
      try {
        const { values, invalid } = veleroKinds[plural](
          await this.listAll(plural, signal),
        );
        // An API server checks objects against Velero's CRDs, so an odd one
        // is a single object of an unexpected version: leaving it out keeps
        // the rest of the environment's status. Only when nothing fits is
        // the answer not Velero's at all, and an empty inventory would lie.
        if (invalid > 0 && values.length === 0) {
          throw new Error(
            `${this.name} sent ${invalid} ${plural}.velero.io, none of them in Velero's shape`,
          );
        }
        if (invalid > 0) skipped[plural] = invalid;
        return values as ReturnType<(typeof veleroKinds)[K]>['values'];
      } catch (error) {
        failed.abort();
        throw this.failure(error, plural, timeout, options.signal);
      }
    };
    const [backups, schedules, storageLocations, restores] = await Promise.all([
      read('backups'),
      read('schedules'),
      read('backupstoragelocations'),
      read('restores'),
    ]);
    this.skipped = skipped;
    if (Object.keys(skipped).length > 0) this.onSkipped?.(skipped);
    return { backups, schedules, storageLocations, restores };
  }

  /** Every item of one kind, page by page. */
  private async listAll(
    plural: string,
    signal: AbortSignal,
  ): Promise<unknown[]> {
    const items: unknown[] = [];
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const body = await this.api.listNamespacedCustomObject(
        {
          group: 'velero.io',
          version: 'v1',
          namespace: this.namespace,
          plural,
          limit: PAGE_SIZE,
          _continue: token,
        },
        {
          middleware: [this.guard(signal)],
          middlewareMergeStrategy: 'append',
        },
      );
      const parsed = listPage.safeParse(body);
      if (!parsed.success) {
        throw new Error(
          `${this.name} sent a list of ${plural} that is not a list`,
        );
      }
      items.push(...parsed.data.items);
      token = parsed.data.metadata?.continue ?? undefined;
      if (!token) return items;
    }
    throw new Error(
      `${this.name} did not end the list of ${plural} after ${MAX_PAGES} pages of ${PAGE_SIZE}`,
    );
  }

  /**
   * Ends the request with the signal and keeps it on the configured server.
   * The object-parameter API runs middleware as Observables.
   */
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

  /** The API server in messages; publicError drops the URL for users. */
  private get name(): string {
    return `Kubernetes API of ${this.environment} at ${this.server.origin}`;
  }

  /** Why a list failed, in words that say which cluster and what to check. */
  private failure(
    error: unknown,
    plural: string,
    timeout: AbortSignal,
    caller: AbortSignal | undefined,
  ): Error {
    const api = this.name;
    const what = `listing ${plural}.velero.io in namespace ${this.namespace}`;
    if (caller?.aborted) {
      return new Error(`Reading Velero backups from the ${api} was cancelled`);
    }
    if (timeout.aborted) {
      return new Error(
        `${api} did not answer within ${this.timeoutMs / 1000} s`,
      );
    }
    if (error instanceof ApiException) {
      const code = error.code;
      const hint = {
        401: 'check its serviceAccountToken',
        403: 'the service account may not list Velero objects',
        404: `is Velero installed in namespace ${this.namespace}?`,
      }[code];
      const details = [statusMessage(error.body), hint].filter(Boolean);
      return new Error(
        `${api} answered ${code} ${STATUS_CODES[code] ?? ''} to ${what}${
          details.length > 0 ? `: ${details.join('; ')}` : ''
        }`.replace(/ {2,}/g, ' '),
      );
    }
    const text = (error as Error)?.message ?? String(error);
    if (text.startsWith(api)) return error as Error;
    // node-fetch words it "request to URL failed, reason: connect ECONNREFUSED ...".
    const reason = /reason: (.*)$/s.exec(text)?.[1] ?? text;
    return new Error(`${api} did not answer: ${reason}`);
  }
}
