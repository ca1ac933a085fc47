import { HeartbeatState } from '../alerting/heartbeat';
import { LevelSource } from '../alerting/levels';
import { AlertMatcher } from '../alerting/matchers';
import { BackupProtection, BackupScopeItem, BackupSourceSpec } from '../backups/annotations';
import { Release } from '../maintenance/annotations';
import { Problem } from '../problems';
import { AuditStatus } from '../scope/audits';
import { LookupField } from '../scope/lookup';
import { ScopeResolution } from '../scope/resolveScope';
import { AlertLevel } from '../values/level';

/**
 * A value together with where it came from: the entity's annotation or the
 * `platformOps` config defaults.
 *
 * @public
 */
export type Sourced<T> = { value: T; source: 'annotation' | 'config' };

/**
 * The entity a summary describes.
 *
 * @public
 */
export type SummaryEntity = {
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
};

/**
 * A Group or User from the catalog, with what is needed to reach them.
 *
 * @public
 */
export type Contact = {
  ref: string;
  /** `group` or `user`. */
  kind: string;
  /** False when the catalog has no such entity. */
  found: boolean;
  /** Display name from the entity's profile, else its title or name. */
  title?: string;
  email?: string;
  /** For groups: their direct members. */
  members?: Contact[];
};

/**
 * Scope section of a summary: which party is accountable, whom to escalate
 * to and where the outside party's audits stand.
 *
 * @public
 */
export type ScopeSection = Omit<ScopeResolution, 'problems'> & {
  /** Ordered escalation path, as entity refs. */
  escalation: string[];
  /** Contact details of the accountable team, the owner and every escalation step, by ref. */
  contacts: Record<string, Contact>;
  audits: AuditStatus[];
  runbook?: string;
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
 * Health of one data source. Returned by `GET /api/platform-ops/sources`.
 *
 * @public
 */
export type SourceStatus = {
  id: string;
  type: string;
  environment: string;
  fetchedAt?: string;
  attemptedAt?: string;
  lastError?: string;
  /** How many items (alerts, backups) the last good fetch returned. */
  items: number;
  heartbeat?: HeartbeatState;
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

/**
 * Backups section of a summary: the policy and what is declared.
 *
 * @public
 */
export type BackupsSection = {
  /** Durations written short, such as 24h or 7d. */
  policy: { rpo: Sourced<string>; retention: Sourced<string>; rto: Sourced<string> };
  source?: BackupSourceSpec;
  scope: BackupScopeItem[];
  protection: BackupProtection[];
  /** Protections not in place. */
  protectionGaps: BackupProtection[];
};

/**
 * Maintenance section of a summary: windows per environment and release.
 *
 * @public
 */
export type MaintenanceSection = {
  windows: Record<string, Sourced<string>>;
  release?: Release;
};

/**
 * Everything Platform Ops knows about one entity. Returned by
 * `GET /api/platform-ops/summary/:kind/:namespace/:name`.
 *
 * @public
 */
export type OpsSummary = {
  entity: SummaryEntity;
  /** Whether the entity carries any `platform-ops/` annotation. */
  annotated: boolean;
  scope: ScopeSection;
  alerting: AlertingSection;
  backups: BackupsSection;
  maintenance: MaintenanceSection;
  problems: Problem[];
  /** When the summary was computed (ISO 8601). */
  generatedAt: string;
};

/**
 * One incident lookup result: enough to act on without another click.
 *
 * @public
 */
export type LookupResult = {
  entity: SummaryEntity;
  /** What matched and how well. */
  match: { field: LookupField; matched: string; score: number };
  scope: ScopeSection;
  /** Live alert counts per level, from the latest snapshots. */
  alerts: LevelCounts;
  /** False when a heartbeat of the component's environments is not ok. */
  alertsTrustworthy: boolean;
};

/**
 * Response of `GET /api/platform-ops/lookup?q=...`.
 *
 * @public
 */
export type LookupResponse = {
  query: string;
  results: LookupResult[];
  /** When the entity index was last refreshed from the catalog (ISO 8601). */
  indexedAt?: string;
  /** How many annotated entities the index holds. */
  indexedEntities: number;
};
