import {
  AlertingSection,
  EnvironmentAlertingStatus,
  heartbeatAlertnames,
  heartbeatState,
  LevelCounts,
  matchAlerts,
  OpsSummary,
  PlatformOpsConfig,
  SourceStatus,
  withLiveAlerts,
} from '@platform-ops/plugin-platform-ops-common';
import { SourceAlert } from '@platform-ops/plugin-platform-ops-node';
import { DateTime, Duration } from 'luxon';
import { SnapshotStore, StoredSnapshot } from '../SnapshotStore';
import { staleAfter } from '../sources/freshness';
import { sourceStatusOf } from '../sources/sourceStatus';
import { publicError } from '../sources/publicError';

/** Snapshots are re-read from the database at most this often. */
const CACHE_MS = 5_000;

type AlertSnapshot = StoredSnapshot<SourceAlert[]>;

/**
 * The read side of alerting: live alerts of components from the stored
 * snapshots, with levels, heartbeat state and freshness per environment.
 * Matching, ranking, counting and trust are the common package's, the same
 * as the poller's.
 */
export class AlertService {
  private cache?: { at: number; snapshots: AlertSnapshot[] };
  private readonly heartbeats: Record<string, string>;

  private constructor(
    private readonly snapshots: SnapshotStore,
    private readonly config: PlatformOpsConfig,
    private readonly clock: () => DateTime,
  ) {
    this.heartbeats = heartbeatAlertnames(config);
  }

  static create(options: {
    snapshots: SnapshotStore;
    config: PlatformOpsConfig;
    clock?: () => DateTime;
  }): AlertService {
    return new AlertService(
      options.snapshots,
      options.config,
      options.clock ?? (() => DateTime.utc()),
    );
  }

  /** The summary's alerting section, filled with live data. */
  async withAlerts(summary: OpsSummary): Promise<OpsSummary> {
    const [alerting] = this.sections([summary], await this.current());
    return { ...summary, alerting };
  }

  /** Many summaries' alerting sections at once, with one match over all. */
  async withAlertsAll(summaries: OpsSummary[]): Promise<OpsSummary[]> {
    const sections = this.sections(summaries, await this.current());
    return summaries.map((summary, index) => ({
      ...summary,
      alerting: sections[index],
    }));
  }

  /** Live counts per level and trust, for many summaries at once. */
  async countsFor(
    summaries: OpsSummary[],
  ): Promise<Array<{ counts: LevelCounts; trustworthy: boolean }>> {
    return this.sections(summaries, await this.current()).map(section => ({
      counts: section.counts,
      trustworthy: section.trustworthy,
    }));
  }

  /** Health of every alert source, as any signed-in user may see it. */
  async sources(): Promise<SourceStatus[]> {
    const snapshots = await this.current();
    const now = this.clock();
    return snapshots.map(snapshot => ({
      ...sourceStatusOf(snapshot, {
        items: snapshot.data.length,
        staleAfter: this.staleAfter,
        now,
      }),
      heartbeat: this.status(snapshot.environment, snapshots).heartbeat,
    }));
  }

  /** One match over every summary's matchers, then each section filled. */
  private sections(
    summaries: OpsSummary[],
    snapshots: AlertSnapshot[],
  ): AlertingSection[] {
    const matched = matchAlerts({
      batches: snapshots.map(snapshot => ({
        environment: snapshot.environment,
        alerts: snapshot.data,
      })),
      components: summaries.map(summary => ({
        id: summary.entity.ref,
        matchers: summary.alerting.matchers,
        environments: summary.alerting.environments,
      })),
      heartbeatAlertnames: this.heartbeats,
    });
    return summaries.map(summary =>
      withLiveAlerts(summary.alerting, {
        matched: matched.get(summary.entity.ref) ?? [],
        status: summary.alerting.environments.map(environment =>
          this.status(environment, snapshots),
        ),
        severityLevels: this.config.alerting.severityLevels,
      }),
    );
  }

  private status(
    environment: string,
    snapshots: AlertSnapshot[],
  ): EnvironmentAlertingStatus {
    const configured = this.config.environments.find(
      entry => entry.name === environment,
    );
    const alertname = this.heartbeats[environment] ?? 'Watchdog';
    const own = snapshots.filter(
      snapshot => snapshot.environment === environment,
    );
    // With several sources in one environment, the worst one decides.
    const failed = own.find(snapshot => snapshot.lastError);
    const oldest = own
      .map(snapshot => snapshot.fetchedAt)
      .sort()
      .find(() => true);
    const lastError = failed?.lastError && publicError(failed.lastError);
    const heartbeat = heartbeatState({
      configured: own.length > 0 || Boolean(configured?.alertmanager),
      fetchedAt: own.every(snapshot => snapshot.fetchedAt) ? oldest : undefined,
      lastError,
      alertnames: own.flatMap(snapshot =>
        snapshot.data.map(alert => alert.labels.alertname),
      ),
      heartbeatAlertname: alertname,
      now: this.clock(),
      staleAfter: this.staleAfter,
    });
    return {
      environment,
      heartbeat,
      heartbeatAlertname: alertname,
      fetchedAt: oldest,
      lastError,
    };
  }

  private get staleAfter(): Duration {
    return staleAfter(this.config.alerting.pollInterval);
  }

  private async current(): Promise<AlertSnapshot[]> {
    const now = Date.now();
    if (!this.cache || now - this.cache.at > CACHE_MS) {
      this.cache = {
        at: now,
        snapshots: await this.snapshots.list<SourceAlert[]>('alerts'),
      };
    }
    return this.cache.snapshots;
  }
}
