import { LoggerService } from '@backstage/backend-plugin-api';
import {
  heartbeatAlertnames,
  liveAlertOf,
  matchAlerts,
  PlatformOpsConfig,
} from '@platform-ops/plugin-platform-ops-common';
import {
  AlertSource,
  SourceAlert,
} from '@platform-ops/plugin-platform-ops-node';
import { DateTime } from 'luxon';
import { EntityIndex } from '../EntityIndex';
import { SnapshotStore } from '../SnapshotStore';
import { AlertHistoryStore, AlertOccurrence } from './AlertHistoryStore';

/** Alert history is kept this long. */
const HISTORY_DAYS = 90;

/**
 * One poll of every alert source: stores each source's snapshot (or its
 * error, keeping the last good data), then records which components' alerts
 * fired today for the noise review.
 */
export class AlertPoller {
  private constructor(
    private readonly sources: AlertSource[],
    private readonly snapshots: SnapshotStore,
    private readonly history: AlertHistoryStore,
    private readonly index: EntityIndex,
    private readonly config: PlatformOpsConfig,
    private readonly logger: LoggerService,
    private readonly clock: () => DateTime,
  ) {}

  static create(options: {
    sources: AlertSource[];
    snapshots: SnapshotStore;
    history: AlertHistoryStore;
    index: EntityIndex;
    config: PlatformOpsConfig;
    logger: LoggerService;
    clock?: () => DateTime;
  }): AlertPoller {
    return new AlertPoller(
      options.sources,
      options.snapshots,
      options.history,
      options.index,
      options.config,
      options.logger,
      options.clock ?? (() => DateTime.utc()),
    );
  }

  async poll(options: { signal?: AbortSignal } = {}): Promise<void> {
    const now = this.clock();
    const fetched = await Promise.all(
      this.sources.map(source => this.pollSource(source, now, options.signal)),
    );
    await this.recordHistory(
      fetched.filter((result): result is PollResult => result !== undefined),
      now,
    );
  }

  private async pollSource(
    source: AlertSource,
    now: DateTime,
    signal?: AbortSignal,
  ): Promise<PollResult | undefined> {
    const at = now.toISO()!;
    try {
      const alerts = await source.fetchAlerts({ signal });
      await this.snapshots.recordSuccess({
        sourceId: source.id,
        kind: 'alerts',
        environment: source.environment,
        at,
        data: alerts,
      });
      return { environment: source.environment, alerts };
    } catch (error) {
      const message = (error as Error).message;
      this.logger.warn(`Alert source ${source.id} failed: ${message}`);
      await this.snapshots.recordFailure({
        sourceId: source.id,
        kind: 'alerts',
        environment: source.environment,
        at,
        error: message,
      });
      return undefined;
    }
  }

  private async recordHistory(results: PollResult[], now: DateTime) {
    if (results.length === 0) return;
    await this.index.ensureLoaded();
    // Only active alerts count as having fired: silenced ones are noise
    // someone already decided about.
    const matched = matchAlerts({
      batches: results.map(({ environment, alerts }) => ({
        environment,
        alerts: alerts.filter(alert => alert.state === 'active'),
      })),
      components: this.index.list().map(entry => ({
        id: entry.ref,
        matchers: entry.summary.alerting.matchers,
        environments: entry.summary.alerting.environments,
      })),
      heartbeatAlertnames: heartbeatAlertnames(this.config),
    });
    const day = now.toISODate()!;
    const occurrences: AlertOccurrence[] = [];
    for (const [ref, alerts] of matched) {
      const levels = this.index.get(ref)?.summary.alerting.levels ?? {};
      for (const match of alerts) {
        const { level } = liveAlertOf(match, {
          componentLevel: levels[match.environment]?.value,
          severityLevels: this.config.alerting.severityLevels,
        });
        if (level) {
          occurrences.push({
            day,
            entityRef: ref,
            environment: match.environment,
            level,
            fingerprint: match.alert.fingerprint,
          });
        }
      }
    }
    await this.history.record(occurrences);
    await this.history.prune(now.minus({ days: HISTORY_DAYS }).toISODate()!);
  }
}

type PollResult = { environment: string; alerts: SourceAlert[] };
