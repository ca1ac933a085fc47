import { CustomObjectsApi } from '@kubernetes/client-node';
import {
  BackupInventory,
  EnvironmentConfig,
} from '@platform-ops/plugin-platform-ops-common';
import { BackupSource } from '@platform-ops/plugin-platform-ops-node';
import { KubernetesApiAccess } from '../kubernetes/KubernetesApiAccess';
import {
  KubernetesRead,
  Listing,
  PageLimits,
} from '../kubernetes/KubernetesRead';
import { veleroKinds } from './VeleroBackupSource.objects';

/** A Kubernetes API that takes longer than this is reported as unreachable. */
const DEFAULT_TIMEOUT_MS = 10_000;
/** Where Velero keeps its objects unless it was installed elsewhere. */
const DEFAULT_NAMESPACE = 'velero';
/** 40 pages of 500 items per kind at most. */
const LIMITS: PageLimits = { pageSize: 500, maxPages: 40, namesPageSize: true };

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
    private readonly access: KubernetesApiAccess,
    private readonly api: CustomObjectsApi,
    private readonly namespace: string,
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
    const access = KubernetesApiAccess.fromConfig(environment, {
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    if (!access) return undefined;
    return new VeleroBackupSource(
      environment.name,
      access,
      access.makeApiClient(CustomObjectsApi),
      options.namespace ?? DEFAULT_NAMESPACE,
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
    const reading = this.access.startRead('Velero backups', options.signal);
    const skipped: SkippedVeleroObjects = {};
    const read = async <K extends keyof typeof veleroKinds>(plural: K) => {
      try {
        const { values, invalid } = veleroKinds[plural](
          await this.listAll(plural, reading),
        );
        // An API server checks objects against Velero's CRDs, so an odd one
        // is a single object of an unexpected version: leaving it out keeps
        // the rest of the environment's status. Only when nothing fits is
        // the answer not Velero's at all, and an empty inventory would lie.
        if (invalid > 0 && values.length === 0) {
          throw new Error(
            `${this.access.name} sent ${invalid} ${plural}.velero.io, none of them in Velero's shape`,
          );
        }
        if (invalid > 0) skipped[plural] = invalid;
        return values as ReturnType<(typeof veleroKinds)[K]>['values'];
      } catch (error) {
        throw reading.fail(error, this.listing(plural));
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

  /** Every item of one kind in the namespace, page by page. */
  private listAll(plural: string, reading: KubernetesRead): Promise<unknown[]> {
    return reading.listAll(plural, LIMITS, (query, options) =>
      this.api.listNamespacedCustomObject(
        {
          group: 'velero.io',
          version: 'v1',
          namespace: this.namespace,
          plural,
          ...query,
        },
        options,
      ),
    );
  }

  /** One kind's list, in failure messages: what to check on each status. */
  private listing(plural: string): Listing {
    return {
      what: `${plural}.velero.io in namespace ${this.namespace}`,
      hints: {
        401: 'check its serviceAccountToken',
        403: 'the service account may not list Velero objects',
        404: `is Velero installed in namespace ${this.namespace}?`,
      },
    };
  }
}
