import { AlertingSection, LevelCounts } from '../alerting/types';
import { HeartbeatState } from '../alerting/heartbeat';
import { DrillState } from '../backups/compliance';
import { Drill } from '../backups/drills';
import { BackupsSection } from '../backups/types';
import { Headroom } from '../maintenance/drain';
import { MaintenanceSection } from '../maintenance/types';
import { Problem } from '../problems';
import { LookupField } from '../scope/lookup';
import { ScopeSection } from '../scope/types';

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
  /** How many annotated entities the index holds that the caller may see. */
  indexedEntities: number;
};

/**
 * Health of one data source. Returned by `GET /api/platform-ops/sources`
 * to every signed-in user, so it names no internal URL.
 *
 * @public
 */
export type SourceStatus = {
  id: string;
  type: string;
  environment: string;
  /**
   * `ok`: the last attempt worked and is recent; `stale`: no attempt has
   * worked recently; `failing`: the last attempt failed.
   */
  state: 'ok' | 'stale' | 'failing';
  /** Last successful fetch (ISO 8601); the age is counted from here. */
  fetchedAt?: string;
  attemptedAt?: string;
  /** Why the last attempt failed, without internal addresses. */
  lastError?: string;
  /** How many items (alerts, backups) the last good fetch returned. */
  items: number;
  /**
   * What else is wrong with the source, in sentences, such as a Velero
   * backup storage location that is Unavailable (every backup to it fails).
   */
  warnings?: string[];
  heartbeat?: HeartbeatState;
  /**
   * A cluster source's drain headroom from its last good fetch: whether the
   * cluster can lose its largest node.
   */
  headroom?: Headroom;
};

/**
 * Where one component stands with its disaster-recovery drills.
 *
 * @public
 */
export type ComponentDrillStatus = {
  entity: SummaryEntity;
  state: DrillState;
  /** Day of the newest drill (YYYY-MM-DD). */
  lastDrill?: string;
  /** Day the next drill is due (YYYY-MM-DD). */
  nextDue?: string;
};

/**
 * Response of `GET /api/platform-ops/drills?entity=...`: the drills, newest
 * first, and the drill status of every component that has backups (or of
 * the one asked for), overdue and missing first.
 *
 * @public
 */
export type DrillsResponse = {
  drills: Drill[];
  components: ComponentDrillStatus[];
};
