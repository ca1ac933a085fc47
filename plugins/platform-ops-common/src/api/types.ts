import { AlertMatcher } from '../alerting/matchers';
import { BackupProtection, BackupScopeItem, BackupSourceSpec } from '../backups/annotations';
import { Release } from '../maintenance/annotations';
import { Problem } from '../problems';
import { AuditStatus } from '../scope/audits';
import { LookupField } from '../scope/lookup';
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
export type ScopeSection = {
  /** The party from `platform-ops/scope`, if valid. */
  party?: string;
  /** The party's title from config, if the party is known. */
  partyTitle?: string;
  /** True inside the platform team's fence, false outside, absent if unknown. */
  insideFence?: boolean;
  /** Entity ref of the accountable team. */
  accountable?: string;
  /** `owner`: the entity's spec.owner; `party`: the party's configured owner. */
  accountableSource?: 'owner' | 'party';
  /** The entity's spec.owner as a full ref. */
  owner?: string;
  /** True when the party's owner is accountable but spec.owner names someone else. */
  ownerDiffers: boolean;
  /** Ordered escalation path, as entity refs. */
  escalation: string[];
  /** Contact details of the accountable team, the owner and every escalation step, by ref. */
  contacts: Record<string, Contact>;
  audits: AuditStatus[];
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
