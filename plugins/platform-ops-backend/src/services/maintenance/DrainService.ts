import {
  ClusterInventory,
  clusterHeadroom,
  DrainReadiness,
  drainReadiness,
  OpsSummary,
  PlatformOpsConfig,
  SourceStatus,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime, Duration } from 'luxon';
import { LayerVersion } from '../liveLayers';
import { SnapshotStore, StoredSnapshot } from '../SnapshotStore';
import { freshUntil, staleAfter } from '../sources/freshness';
import { publicError } from '../sources/publicError';
import { isFresh, sourceStatusOf } from '../sources/sourceStatus';

/** Snapshots are re-read from the database at most this often. */
const CACHE_MS = 5_000;

type ClusterSnapshot = StoredSnapshot<ClusterInventory>;

/**
 * The read side of drain readiness: a component's workloads in each of its
 * environments' clusters, checked from the stored snapshots, with the
 * cluster's headroom.
 */
export class DrainService {
  private cache?: { at: number; snapshots: ClusterSnapshot[] };

  private constructor(
    private readonly snapshots: SnapshotStore,
    private readonly config: PlatformOpsConfig,
    private readonly clock: () => DateTime,
  ) {}

  static create(options: {
    snapshots: SnapshotStore;
    config: PlatformOpsConfig;
    clock?: () => DateTime;
  }): DrainService {
    return new DrainService(
      options.snapshots,
      options.config,
      options.clock ?? (() => DateTime.utc()),
    );
  }

  /** The summary's maintenance section with its drain readiness. */
  async withDrainReadiness(summary: OpsSummary): Promise<OpsSummary> {
    return {
      ...summary,
      maintenance: {
        ...summary.maintenance,
        drainReadiness: this.readiness(
          summary,
          await this.current(),
          this.clock(),
        ),
      },
    };
  }

  /** Many summaries' drain readiness, from the snapshots as stored now. */
  async readinessOf(summaries: OpsSummary[]): Promise<DrainReadiness[][]> {
    const snapshots = await this.reload();
    const now = this.clock();
    return summaries.map(summary => this.readiness(summary, snapshots, now));
  }

  /**
   * What the readiness depends on besides the summaries: the snapshots'
   * sources and times, and when a fresh one turns stale.
   */
  async version(): Promise<LayerVersion> {
    const headers = await this.snapshots.headers('clusters');
    return {
      key: JSON.stringify(headers),
      expiresAt: freshUntil(headers, this.staleAfter, this.clock()),
    };
  }

  private readiness(
    summary: OpsSummary,
    snapshots: ClusterSnapshot[],
    now: DateTime,
  ): DrainReadiness[] {
    return summary.alerting.environments.map(environment => {
      const snapshot = snapshots.find(
        entry => entry.environment === environment,
      );
      if (!snapshot) {
        return drainReadiness({
          environment,
          sourceId: `kubernetes:${environment}`,
          fresh: false,
          selection: summary.maintenance.workloadSelection,
          maxGraceSeconds: this.maxGraceSeconds,
          lastError: `No Kubernetes source for ${environment}: add kubernetes to its entry in platformOps.environments`,
        });
      }
      return drainReadiness({
        environment,
        sourceId: snapshot.sourceId,
        inventory: snapshot.fetchedAt ? snapshot.data : undefined,
        fresh: isFresh(snapshot, this.staleAfter, now),
        fetchedAt: snapshot.fetchedAt,
        lastError: snapshot.lastError && publicError(snapshot.lastError),
        selection: summary.maintenance.workloadSelection,
        maxGraceSeconds: this.maxGraceSeconds,
      });
    });
  }

  /** Health of every cluster source, with a cluster short of headroom named. */
  async sources(): Promise<SourceStatus[]> {
    const now = this.clock();
    return (await this.current()).map(snapshot => {
      const headroom = snapshot.fetchedAt
        ? clusterHeadroom(snapshot.data)
        : undefined;
      return {
        ...sourceStatusOf(snapshot, {
          // A source that never answered has no inventory to count.
          items: snapshot.fetchedAt ? snapshot.data.workloads.length : 0,
          staleAfter: this.staleAfter,
          now,
          warnings: headroom?.state === 'short' ? [headroom.message] : [],
        }),
        ...(headroom ? { headroom } : {}),
      };
    });
  }

  private get maxGraceSeconds(): number {
    return this.config.maintenance.maxGracePeriod.as('seconds');
  }

  private get staleAfter(): Duration {
    return staleAfter(this.config.maintenance.pollInterval);
  }

  private async current(): Promise<ClusterSnapshot[]> {
    if (!this.cache || Date.now() - this.cache.at > CACHE_MS) {
      return this.reload();
    }
    return this.cache.snapshots;
  }

  private async reload(): Promise<ClusterSnapshot[]> {
    const at = Date.now();
    const snapshots = await this.snapshots.list<ClusterInventory>('clusters');
    this.cache = { at, snapshots };
    return snapshots;
  }
}
