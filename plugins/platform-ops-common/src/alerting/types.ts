import { AlertLevel } from '../values/level';
import { Sourced } from '../values/sourced';
import { HeartbeatState } from './heartbeat';
import { LevelSource } from './levels';
import { AlertMatcher } from './matchers';

/**
 * An alert as a source reports it, before it is matched to components.
 *
 * @public
 */
export type RawAlert = {
  fingerprint: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  state: 'active' | 'suppressed' | 'unprocessed';
  silencedBy: string[];
  inhibitedBy: string[];
  generatorURL?: string;
};

/**
 * A live alert matched to a component, with the level the suite gave it.
 *
 * @public
 */
export type LiveAlert = {
  fingerprint: string;
  environment: string;
  alertname: string;
  level?: AlertLevel;
  levelSource: LevelSource;
  /** `suppressed` alerts are silenced or inhibited; see the two lists. */
  state: 'active' | 'suppressed' | 'unprocessed';
  silencedBy: string[];
  inhibitedBy: string[];
  startsAt: string;
  summary?: string;
  description?: string;
  /** Link to the alert's source; only http(s) URLs are kept. */
  generatorURL?: string;
  labels: Record<string, string>;
};

/**
 * Alert counts per level; only alerts that are neither silenced nor
 * inhibited count.
 *
 * @public
 */
export type LevelCounts = Record<AlertLevel, number>;

/**
 * Whether one environment's alerts can be trusted, and how old they are.
 *
 * @public
 */
export type EnvironmentAlertingStatus = {
  environment: string;
  heartbeat: HeartbeatState;
  heartbeatAlertname: string;
  /** Last successful fetch (ISO 8601). */
  fetchedAt?: string;
  /** Message of the last failed attempt. */
  lastError?: string;
};

/**
 * Alerting section of a summary: the level per environment, live alerts
 * and whether they can be trusted.
 *
 * @public
 */
export type AlertingSection = {
  environments: string[];
  levels: Record<string, Sourced<AlertLevel>>;
  matchers: AlertMatcher[];
  /** Live alerts matched by `platform-ops/alert-matchers`, most urgent first. */
  alerts: LiveAlert[];
  counts: LevelCounts;
  /** One entry per environment of the component. */
  status: EnvironmentAlertingStatus[];
  /** False when any environment's heartbeat is not ok: "no alerts" then means nothing. */
  trustworthy: boolean;
};

/**
 * Alert occurrences per day, environment and level, for noise review.
 *
 * @public
 */
export type AlertHistoryDay = {
  day: string;
  environment: string;
  level: AlertLevel;
  /** Distinct alerts that fired that day. */
  count: number;
};
