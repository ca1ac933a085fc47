import {
  AlertingSection,
  ComponentIndex,
  EnvironmentAlertingStatus,
  heartbeatAlertnames,
  heartbeatState,
  LevelCounts,
  OpsSummary,
  PlatformOpsConfig,
  SourceStatus,
  withLiveAlerts,
} from '@platform-ops/plugin-platform-ops-common';
import { SourceAlert } from '@platform-ops/plugin-platform-ops-node';
import { DateTime, Duration } from 'luxon';
import { LayerVersion } from '../liveLayers';
import { SnapshotStore, StoredSnapshot } from '../SnapshotStore';
import { freshUntil, staleAfter } from '../sources/freshness';
import { sourceStatusOf } from '../sources/sourceStatus';
import { publicError } from '../sources/publicError';
import { yieldToRequests } from '../yieldToRequests';

/** Snapshots are re-read from the database at most this often. */
const CACHE_MS = 5_000;

/** Sections filled between two chances for requests to be served. */
const CHUNK = 1_000;

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

  /**
   * Many summaries' alerting sections at once, from the snapshots as
   * stored now, with one match over all. `components` is the summaries'
   * matchers indexed already, when the caller keeps them.
   */
  async alertingOf(
    summaries: OpsSummary[],
    options: { components?: ComponentIndex } = {},
  ): Promise<AlertingSection[]> {
    const snapshots = await this.reload();
    const sectionOf = this.filler(summaries, snapshots, options.components);
    const sections: AlertingSection[] = [];
    for (let start = 0; start < summaries.length; start += CHUNK) {
      await yieldToRequests();
      sections.push(...summaries.slice(start, start + CHUNK).map(sectionOf));
    }
    return sections;
  }

  /**
   * What the sections depend on besides the summaries: the snapshots'
   * sources and times, and when a snapshot trusted now turns stale.
   */
  async version(): Promise<LayerVersion> {
    const headers = await this.snapshots.headers('alerts');
    return {
      key: JSON.stringify(headers),
      expiresAt: freshUntil(headers, this.staleAfter, this.clock()),
    };
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
      heartbeat: this.status(snapshot.environment, snapshots, now).heartbeat,
    }));
  }

  /** One match over every summary's matchers, then each section filled. */
  private sections(
    summaries: OpsSummary[],
    snapshots: AlertSnapshot[],
  ): AlertingSection[] {
    return summaries.map(this.filler(summaries, snapshots));
  }

  /** One match over every summary's matchers; fills a section from it. */
  private filler(
    summaries: OpsSummary[],
    snapshots: AlertSnapshot[],
    components?: ComponentIndex,
  ): (summary: OpsSummary) => AlertingSection {
    const matched = (
      components ??
      ComponentIndex.build(
        summaries.map(summary => ({
          id: summary.entity.ref,
          matchers: summary.alerting.matchers,
          environments: summary.alerting.environments,
        })),
      )
    ).match(
      snapshots.map(snapshot => ({
        environment: snapshot.environment,
        alerts: snapshot.data,
      })),
      this.heartbeats,
    );
    // The status depends on the environment only: once each.
    const now = this.clock();
    const statuses = new Map<string, EnvironmentAlertingStatus>();
    const statusOf = (environment: string) => {
      let status = statuses.get(environment);
      if (!status) {
        status = this.status(environment, snapshots, now);
        statuses.set(environment, status);
      }
      return status;
    };
    return summary =>
      withLiveAlerts(summary.alerting, {
        matched: matched.get(summary.entity.ref) ?? [],
        status: summary.alerting.environments.map(statusOf),
        severityLevels: this.config.alerting.severityLevels,
      });
  }

  private status(
    environment: string,
    snapshots: AlertSnapshot[],
    now: DateTime,
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
      alertnames: alertnamesOf(own),
      heartbeatAlertname: alertname,
      now,
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
    if (!this.cache || Date.now() - this.cache.at > CACHE_MS) {
      return this.reload();
    }
    return this.cache.snapshots;
  }

  private async reload(): Promise<AlertSnapshot[]> {
    const at = Date.now();
    const snapshots = await this.snapshots.list<SourceAlert[]>('alerts');
    this.cache = { at, snapshots };
    return snapshots;
  }
}

/** Every alert's name, read only as far as the heartbeat is looked for. */
function* alertnamesOf(snapshots: AlertSnapshot[]): Iterable<string> {
  for (const snapshot of snapshots) {
    for (const alert of snapshot.data) yield alert.labels.alertname;
  }
}
