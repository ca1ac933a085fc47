import {
  ALERT_LEVELS,
  AlertingSection,
  AlertMatcher,
  compileMatcherRegex,
  EnvironmentAlertingStatus,
  heartbeatState,
  isHttpUrl,
  LevelCounts,
  levelOfAlert,
  LiveAlert,
  matcherAccepts,
  OpsSummary,
  PlatformOpsConfig,
  SourceStatus,
} from '@platform-ops/plugin-platform-ops-common';
import { SourceAlert } from '@platform-ops/plugin-platform-ops-node';
import { DateTime, Duration } from 'luxon';
import { SnapshotStore, StoredSnapshot } from '../SnapshotStore';

/** Snapshots are re-read from the database at most this often. */
const CACHE_MS = 5_000;

/**
 * Data older than this many poll intervals, and at least the minimum, no
 * longer proves anything. The minimum absorbs the scheduler's own pick-up
 * delay when the interval is short.
 */
const STALE_AFTER_POLLS = 3;
const STALE_AFTER_MINIMUM = Duration.fromObject({ seconds: 60 });

type AlertSnapshot = StoredSnapshot<SourceAlert[]>;

/** A compiled matcher set of one component. */
function compile(matchers: AlertMatcher[]) {
  const compiled = matchers.map(matcher => ({
    matcher,
    regex: matcher.operator.includes('~')
      ? compileMatcherRegex(matcher.value)
      : undefined,
  }));
  return (labels: Record<string, string>) =>
    compiled.length > 0 &&
    compiled.every(({ matcher, regex }) =>
      matcherAccepts(matcher, labels[matcher.name], regex),
    );
}

function emptyCounts(): LevelCounts {
  return { P1: 0, P2: 0, P3: 0 };
}

/**
 * The read side of alerting: live alerts of a component from the stored
 * snapshots, with levels, heartbeat state and freshness per environment.
 */
export class AlertService {
  private cache?: { at: number; snapshots: AlertSnapshot[] };

  private constructor(
    private readonly snapshots: SnapshotStore,
    private readonly config: PlatformOpsConfig,
    private readonly clock: () => DateTime,
  ) {}

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
    const snapshots = await this.current();
    return { ...summary, alerting: this.section(summary, snapshots) };
  }

  /** Live counts per level and trust, for many summaries at once. */
  async countsFor(
    summaries: OpsSummary[],
  ): Promise<Array<{ counts: LevelCounts; trustworthy: boolean }>> {
    const snapshots = await this.current();
    return summaries.map(summary => {
      const section = this.section(summary, snapshots);
      return { counts: section.counts, trustworthy: section.trustworthy };
    });
  }

  /** Health of every alert source. */
  async sources(): Promise<SourceStatus[]> {
    const snapshots = await this.current();
    return snapshots.map(snapshot => ({
      id: snapshot.sourceId,
      type: snapshot.sourceId.split(':')[0],
      environment: snapshot.environment,
      fetchedAt: snapshot.fetchedAt,
      attemptedAt: snapshot.attemptedAt,
      lastError: snapshot.lastError,
      items: snapshot.data.length,
      heartbeat: this.status(snapshot.environment, snapshots).heartbeat,
    }));
  }

  private section(
    summary: OpsSummary,
    snapshots: AlertSnapshot[],
  ): AlertingSection {
    const { alerting } = summary;
    const accepts = compile(alerting.matchers);
    const alerts: LiveAlert[] = [];
    for (const snapshot of snapshots) {
      if (!alerting.environments.includes(snapshot.environment)) continue;
      for (const alert of snapshot.data) {
        if (accepts(alert.labels))
          alerts.push(this.toLiveAlert(alert, snapshot.environment, summary));
      }
    }
    alerts.sort(
      (a, b) => rank(a) - rank(b) || b.startsAt.localeCompare(a.startsAt),
    );
    const counts = emptyCounts();
    for (const alert of alerts) {
      if (alert.level && alert.state === 'active') counts[alert.level] += 1;
    }
    const status = alerting.environments.map(environment =>
      this.status(environment, snapshots),
    );
    return {
      ...alerting,
      alerts,
      counts,
      status,
      trustworthy:
        status.length > 0 && status.every(entry => entry.heartbeat === 'ok'),
    };
  }

  private toLiveAlert(
    alert: SourceAlert,
    environment: string,
    summary: OpsSummary,
  ): LiveAlert {
    const { level, source } = levelOfAlert({
      labels: alert.labels,
      componentLevel: summary.alerting.levels[environment]?.value,
      severityLevels: this.config.alerting.severityLevels,
    });
    return {
      fingerprint: alert.fingerprint,
      environment,
      alertname: alert.labels.alertname ?? '(no alertname)',
      level,
      levelSource: source,
      state: alert.state,
      silencedBy: alert.silencedBy,
      inhibitedBy: alert.inhibitedBy,
      startsAt: alert.startsAt,
      summary: alert.annotations.summary,
      description: alert.annotations.description,
      generatorURL: isHttpUrl(alert.generatorURL)
        ? alert.generatorURL
        : undefined,
      labels: alert.labels,
    };
  }

  private status(
    environment: string,
    snapshots: AlertSnapshot[],
  ): EnvironmentAlertingStatus {
    const configured = this.config.environments.find(
      entry => entry.name === environment,
    );
    const alertname =
      configured?.alertmanager?.heartbeat.alertname ?? 'Watchdog';
    const own = snapshots.filter(
      snapshot => snapshot.environment === environment,
    );
    // With several sources in one environment, the worst one decides.
    const failed = own.find(snapshot => snapshot.lastError);
    const oldest = own
      .map(snapshot => snapshot.fetchedAt)
      .sort()
      .find(() => true);
    const heartbeat = heartbeatState({
      configured: own.length > 0 || Boolean(configured?.alertmanager),
      fetchedAt: own.every(snapshot => snapshot.fetchedAt) ? oldest : undefined,
      lastError: failed?.lastError,
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
      lastError: failed?.lastError,
    };
  }

  private get staleAfter(): Duration {
    const polls = this.config.alerting.pollInterval.mapUnits(
      value => value * STALE_AFTER_POLLS,
    );
    return polls > STALE_AFTER_MINIMUM ? polls : STALE_AFTER_MINIMUM;
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

/** Most urgent first: active before suppressed, then P1, P2, P3, unleveled. */
function rank(alert: LiveAlert): number {
  const level = alert.level
    ? ALERT_LEVELS.indexOf(alert.level)
    : ALERT_LEVELS.length;
  return (alert.state === 'active' ? 0 : 10) + level;
}
