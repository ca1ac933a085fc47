import { AuditStatus } from './audits';
import { ScopeResolution } from './resolveScope';

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
