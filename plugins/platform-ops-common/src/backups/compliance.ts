import { DateTime, Duration } from 'luxon';
import { BACKUP_PROTECTIONS, BackupProtection } from './annotations';

/**
 * How the last successful backup stands against the RPO: `ok`, `at-risk`
 * (older than 80 % of the RPO), `breached` (older than the RPO, or none at
 * all), or `unknown` when the source is stale or has never answered.
 *
 * @public
 */
export type RpoState = 'ok' | 'at-risk' | 'breached' | 'unknown';

/** Past this share of the RPO, the next missed backup breaches it. */
const AT_RISK_SHARE = 0.8;

/**
 * The RPO state of a component in one environment. A stale source never
 * gives `ok`: old data cannot prove that backups still run.
 *
 * @public
 */
export function rpoState(options: {
  lastSuccessAt?: DateTime;
  rpo: Duration;
  /** Whether the source answered recently. */
  fresh: boolean;
  now: DateTime;
}): RpoState {
  if (!options.fresh) return 'unknown';
  if (!options.lastSuccessAt) return 'breached';
  const age = options.now.diff(options.lastSuccessAt).as('milliseconds');
  const limit = options.rpo.as('milliseconds');
  if (age > limit) return 'breached';
  if (age > limit * AT_RISK_SHARE) return 'at-risk';
  return 'ok';
}

/**
 * How far back one can restore against the retention: `ok`, `short`, or
 * `unknown` when the source is stale.
 *
 * @public
 */
export type RetentionState = 'ok' | 'short' | 'unknown';

/**
 * The retention state. Backups made once per RPO and kept for the retention
 * reach back at least `retention - rpo` at any moment (the backup that would
 * reach further has just expired), so that is the bar.
 *
 * @public
 */
export function retentionState(options: {
  oldestRestorableAt?: DateTime;
  retention: Duration;
  rpo: Duration;
  fresh: boolean;
  now: DateTime;
}): RetentionState {
  if (!options.fresh) return 'unknown';
  if (!options.oldestRestorableAt) return 'short';
  const reach = options.now.diff(options.oldestRestorableAt).as('milliseconds');
  const bar =
    options.retention.as('milliseconds') - options.rpo.as('milliseconds');
  return reach >= bar ? 'ok' : 'short';
}

/**
 * The last drill's measured recovery time against the RTO: `ok`,
 * `exceeded`, or `unknown` without a drill that measured it.
 *
 * @public
 */
export type RtoState = 'ok' | 'exceeded' | 'unknown';

/**
 * The RTO state from the last drill's measured recovery time.
 *
 * @public
 */
export function rtoState(options: {
  measured?: Duration;
  rto: Duration;
}): RtoState {
  if (!options.measured) return 'unknown';
  return options.measured.as('milliseconds') > options.rto.as('milliseconds')
    ? 'exceeded'
    : 'ok';
}

/**
 * Whether restores are drilled often enough: `ok`, `overdue` (the newest
 * drill is older than the interval) or `missing` (never drilled).
 *
 * @public
 */
export type DrillState = 'ok' | 'overdue' | 'missing';

/**
 * The drill state and when the next drill is due.
 *
 * @public
 */
export function drillState(options: {
  lastDrillOn?: DateTime;
  interval: Duration;
  now: DateTime;
}): { state: DrillState; nextDue?: DateTime } {
  if (!options.lastDrillOn) return { state: 'missing' };
  const nextDue = options.lastDrillOn.plus(options.interval);
  return { state: nextDue < options.now ? 'overdue' : 'ok', nextDue };
}

/**
 * The protections from the full list that a component has not declared.
 *
 * @public
 */
export function protectionGapsOf(
  declared: readonly BackupProtection[],
): BackupProtection[] {
  return BACKUP_PROTECTIONS.filter(item => !declared.includes(item));
}
