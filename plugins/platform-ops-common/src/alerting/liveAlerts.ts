import { isHttpUrl } from '../values/url';
import { ALERT_LEVELS, AlertLevel } from '../values/level';
import { levelOfAlert } from './levels';
import { AlertMatcher } from './matchers';
import { MatcherIndex } from './matcherIndex';
import {
  AlertingSection,
  EnvironmentAlertingStatus,
  LevelCounts,
  LiveAlert,
  RawAlert,
} from './types';

/**
 * The latest alerts of one source, from one environment.
 *
 * @public
 */
export type AlertBatch = { environment: string; alerts: RawAlert[] };

/**
 * What decides which alerts are a component's: its matchers and the
 * environments it runs in.
 *
 * @public
 */
export type ComponentMatchers = {
  /** Typically the entity ref. */
  id: string;
  matchers: AlertMatcher[];
  environments: string[];
};

/**
 * A raw alert matched to a component, with the environment it fired in.
 *
 * @public
 */
export type MatchedAlert = { environment: string; alert: RawAlert };

/**
 * Every component's matchers, indexed once (see {@link MatcherIndex}) so
 * that many alert batches can be matched against them. Build it once per
 * set of components, match as often as alerts change.
 *
 * @public
 */
export class ComponentIndex {
  private constructor(
    private readonly index: MatcherIndex,
    private readonly environmentsOf: Map<string, string[]>,
  ) {}

  static build(components: ComponentMatchers[]): ComponentIndex {
    return new ComponentIndex(
      MatcherIndex.build(components),
      new Map(
        components.map(component => [component.id, component.environments]),
      ),
    );
  }

  /**
   * The alerts of each component: an alert belongs to every component
   * whose matchers accept its labels and that runs in the alert's
   * environment. The heartbeat alert of an environment belongs to no
   * component: it proves that the pipeline works, not that something
   * failed.
   */
  match(
    batches: AlertBatch[],
    heartbeatAlertnames: Record<string, string>,
  ): Map<string, MatchedAlert[]> {
    const matched = new Map<string, MatchedAlert[]>();
    for (const { environment, alerts } of batches) {
      const heartbeat = heartbeatAlertnames[environment];
      for (const alert of alerts) {
        if (alert.labels.alertname === heartbeat) continue;
        for (const id of this.index.match(alert.labels)) {
          if (!this.environmentsOf.get(id)?.includes(environment)) continue;
          const list = matched.get(id);
          if (list) list.push({ environment, alert });
          else matched.set(id, [{ environment, alert }]);
        }
      }
    }
    return matched;
  }
}

/**
 * Matches alerts to components in one call (see
 * {@link ComponentIndex.match}). The backend's poller (alert history) and
 * its summaries both match this way.
 *
 * @public
 */
export function matchAlerts(options: {
  batches: AlertBatch[];
  components: ComponentMatchers[];
  /** The heartbeat alertname of each environment. */
  heartbeatAlertnames: Record<string, string>;
}): Map<string, MatchedAlert[]> {
  return ComponentIndex.build(options.components).match(
    options.batches,
    options.heartbeatAlertnames,
  );
}

/**
 * A matched alert as the UI shows it, with the level the suite gives it
 * (see {@link levelOfAlert}) and only an http(s) link to its source.
 *
 * @public
 */
export function liveAlertOf(
  matched: MatchedAlert,
  options: {
    /** The component's level in the alert's environment, if any. */
    componentLevel?: AlertLevel;
    severityLevels: Record<string, string>;
  },
): LiveAlert {
  const { alert, environment } = matched;
  const { level, source } = levelOfAlert({
    labels: alert.labels,
    componentLevel: options.componentLevel,
    severityLevels: options.severityLevels,
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

/** Most urgent first: active before suppressed, then P1, P2, P3, unleveled. */
function urgency(alert: LiveAlert): number {
  const level = alert.level
    ? ALERT_LEVELS.indexOf(alert.level)
    : ALERT_LEVELS.length;
  return (alert.state === 'active' ? 0 : 10) + level;
}

/**
 * Live alerts sorted most urgent first (active before suppressed, then by
 * level), the newest first within a rank.
 *
 * @public
 */
export function rankLiveAlerts(alerts: LiveAlert[]): LiveAlert[] {
  return [...alerts].sort(
    (a, b) => urgency(a) - urgency(b) || b.startsAt.localeCompare(a.startsAt),
  );
}

/**
 * Zero alerts at every level.
 *
 * @public
 */
export function emptyCounts(): LevelCounts {
  return { P1: 0, P2: 0, P3: 0 };
}

/**
 * Alerts per level. Only active alerts count: silenced and inhibited ones
 * are somebody's decision already.
 *
 * @public
 */
export function countLevels(alerts: LiveAlert[]): LevelCounts {
  const counts = emptyCounts();
  for (const alert of alerts) {
    if (alert.level && alert.state === 'active') counts[alert.level] += 1;
  }
  return counts;
}

/**
 * Whether "no alerts" can be believed: every environment's heartbeat is ok.
 * A component without environments has nothing to believe.
 *
 * @public
 */
export function isTrustworthy(status: EnvironmentAlertingStatus[]): boolean {
  return status.length > 0 && status.every(entry => entry.heartbeat === 'ok');
}

/**
 * The alerting section with its live part filled in: the component's
 * matched alerts, ranked and counted, and the heartbeat status of its
 * environments.
 *
 * @public
 */
export function withLiveAlerts(
  section: AlertingSection,
  options: {
    matched: MatchedAlert[];
    status: EnvironmentAlertingStatus[];
    severityLevels: Record<string, string>;
  },
): AlertingSection {
  const alerts = rankLiveAlerts(
    options.matched.map(matched =>
      liveAlertOf(matched, {
        componentLevel: section.levels[matched.environment]?.value,
        severityLevels: options.severityLevels,
      }),
    ),
  );
  return {
    ...section,
    alerts,
    counts: countLevels(alerts),
    status: options.status,
    trustworthy: isTrustworthy(options.status),
  };
}
