import { AlertMatcher } from '../alerting/matchers';
import { BackupProtection, BackupScopeItem, BackupSourceSpec } from '../backups/annotations';
import { Release } from '../maintenance/annotations';
import { Problem } from '../problems';
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
 * Scope section of a summary: which party is accountable.
 *
 * @public
 */
export type ScopeSection = {
  /** The party from `platform-ops/scope`, if valid. */
  party?: string;
  /** The party's title from config, if the party is known. */
  partyTitle?: string;
  /** True inside the platform team's fence, false outside, absent if unknown. */
  insideFence?: boolean;
  escalation: string[];
  /** Last audit date (YYYY-MM-DD) per audit kind. */
  audits: Record<string, string>;
  runbook?: string;
};

/**
 * Alerting section of a summary: the level per environment.
 *
 * @public
 */
export type AlertingSection = {
  environments: string[];
  levels: Record<string, Sourced<AlertLevel>>;
  matchers: AlertMatcher[];
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
