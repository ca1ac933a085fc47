import { LoggerService } from '@backstage/backend-plugin-api';
import {
  AlertBatch,
  heartbeatAlertnames,
  levelOfAlert,
  PlatformOpsConfig,
} from '@platform-ops/plugin-platform-ops-common';
import {
  AlertSource,
  SourceAlert,
} from '@platform-ops/plugin-platform-ops-node';
import { DateTime } from 'luxon';
import { EntityIndex } from '../EntityIndex';
import { SnapshotStore } from '../SnapshotStore';
import { SourcePoller } from '../sources/SourcePoller';
import { AlertHistoryStore, AlertOccurrence } from './AlertHistoryStore';

/** Alert history is kept this long. */
const HISTORY_DAYS = 90;

/**
 * One poll of every alert source through the shared {@link SourcePoller},
 * then a record of which components' alerts fired today, for the noise
 * review. The components' matchers are indexed once per refresh of the
 * entity index, not once per poll.
 */
export class AlertPoller {
  private readonly heartbeats: Record<string, string>;
  /** The day whose history older than the kept days was last pruned. */
  private prunedOn?: string;

  private constructor(
    private readonly poller: SourcePoller<SourceAlert[]>,
    private readonly history: AlertHistoryStore,
    private readonly index: EntityIndex,
    private readonly config: PlatformOpsConfig,
    private readonly clock: () => DateTime,
  ) {
    this.heartbeats = heartbeatAlertnames(config);
  }

  static create(options: {
    sources: AlertSource[];
    snapshots: SnapshotStore;
    history: AlertHistoryStore;
    index: EntityIndex;
    config: PlatformOpsConfig;
    logger: LoggerService;
    clock?: () => DateTime;
  }): AlertPoller {
    const clock = options.clock ?? (() => DateTime.utc());
    const poller = SourcePoller.create<SourceAlert[]>({
      kind: 'alerts',
      sources: options.sources.map(source => ({
        id: source.id,
        environment: source.environment,
        fetch: fetchOptions => source.fetchAlerts(fetchOptions),
      })),
      snapshots: options.snapshots,
      logger: options.logger,
      clock,
    });
    return new AlertPoller(
      poller,
      options.history,
      options.index,
      options.config,
      clock,
    );
  }

  async poll(options: { signal?: AbortSignal } = {}): Promise<void> {
    const now = this.clock();
    const results = await this.poller.poll(options);
    await this.recordHistory(
      results.map(({ environment, data }) => ({ environment, alerts: data })),
      now,
    );
  }

  private async recordHistory(results: AlertBatch[], now: DateTime) {
    if (results.length === 0) return;
    await this.index.ensureLoaded();
    // Active and silenced alerts count as having fired: the noise review
    // lists components whose alerts are mostly silenced. Inhibited ones
    // are left out: the alert inhibiting them is recorded itself.
    const matched = this.index.componentIndex().match(
      results.map(({ environment, alerts }) => ({
        environment,
        alerts: alerts.filter(
          alert => alert.state === 'active' || alert.silencedBy.length > 0,
        ),
      })),
      this.heartbeats,
    );
    const day = now.toISODate()!;
    const occurrences: AlertOccurrence[] = [];
    for (const [ref, alerts] of matched) {
      const levels = this.index.get(ref)?.summary.alerting.levels ?? {};
      for (const match of alerts) {
        // The level the summaries give it (liveAlertOf), without the rest.
        const { level } = levelOfAlert({
          labels: match.alert.labels,
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
            active: match.alert.state === 'active',
            silenced: match.alert.silencedBy.length > 0,
          });
        }
      }
    }
    await this.history.record(occurrences);
    // The oldest day leaves once a day.
    if (this.prunedOn !== day) {
      await this.history.prune(now.minus({ days: HISTORY_DAYS }).toISODate()!);
      this.prunedOn = day;
    }
  }
}
