import { DateTime } from 'luxon';
import { OpsSummary } from '../api/types';
import { RpoState } from '../backups/compliance';
import { AlertLevel } from '../values/level';
import { OVERVIEW_FLAGS, OverviewFlag, OverviewRow } from './types';

/**
 * How many days ahead a change flags its components `change-upcoming`:
 * two weeks, time enough to prepare for a window.
 *
 * @public
 */
export const CHANGE_UPCOMING_DAYS = 14;

const RPO_FLAGS: Partial<Record<RpoState, OverviewFlag>> = {
  breached: 'backup-breached',
  'at-risk': 'backup-at-risk',
  unknown: 'backup-unknown',
};

/** The most urgent level among the alerts that are firing and not silenced. */
function worstLevelOf(summary: OpsSummary): AlertLevel | undefined {
  const { counts } = summary.alerting;
  return (['P1', 'P2', 'P3'] as const).find(level => counts[level] > 0);
}

/** The earliest next (or current) window over the environments. */
function nextWindowOf(summary: OpsSummary): OverviewRow['nextWindow'] {
  let found: OverviewRow['nextWindow'];
  for (const [environment, { current, next }] of Object.entries(
    summary.maintenance.occurrences,
  )) {
    const occurrence = current ?? next;
    if (occurrence && (!found || occurrence.start < found.start)) {
      found = { environment, start: occurrence.start, end: occurrence.end };
    }
  }
  return found;
}

/** The flags of one summary, worst first (the order of OVERVIEW_FLAGS). */
function flagsOf(summary: OpsSummary, now: DateTime): OverviewFlag[] {
  const flags = new Set<OverviewFlag>();
  const { alerting, backups, maintenance } = summary;
  if (alerting.counts.P1 > 0) flags.add('has-p1');
  if (alerting.counts.P2 > 0) flags.add('has-p2');
  if (
    alerting.status.some(
      status =>
        status.heartbeat === 'missing' || status.heartbeat === 'unreachable',
    )
  ) {
    flags.add('heartbeat-not-ok');
  }
  const rpoFlag = backups.rpo && RPO_FLAGS[backups.rpo];
  if (rpoFlag) flags.add(rpoFlag);
  if (
    backups.rpo &&
    (backups.drill?.state === 'overdue' || backups.drill?.state === 'missing')
  ) {
    flags.add('drill-overdue');
  }
  const horizon = now.plus({ days: CHANGE_UPCOMING_DAYS }).toUTC().toISO()!;
  const nowIso = now.toUTC().toISO()!;
  const coming = maintenance.changes.filter(
    change => change.end >= nowIso && change.start <= horizon,
  );
  if (coming.length > 0) flags.add('change-upcoming');
  if (
    maintenance.changes.some(
      change => change.shortNotice && change.end >= nowIso,
    )
  ) {
    flags.add('short-notice');
  }
  if (maintenance.endOfLife?.state === 'eol') flags.add('eol-past');
  if (maintenance.endOfLife?.state === 'eol-soon') flags.add('eol-soon');
  if (maintenance.drainReadiness.some(item => item.state === 'not-ready')) {
    flags.add('not-drain-ready');
  }
  if (summary.problems.length > 0) flags.add('annotation-problems');
  return OVERVIEW_FLAGS.filter(flag => flags.has(flag));
}

/**
 * One overview row from a full summary (live parts included), at `now`.
 *
 * @public
 */
export function overviewRowOf(summary: OpsSummary, now: DateTime): OverviewRow {
  const { scope } = summary;
  return {
    entity: summary.entity,
    party: scope.party,
    partyTitle: scope.partyTitle,
    accountable: scope.accountable,
    owner: scope.owner,
    environments: summary.alerting.environments,
    worstLevel: worstLevelOf(summary),
    backup: summary.backups.rpo,
    nextWindow: nextWindowOf(summary),
    endOfLife: summary.maintenance.endOfLife?.state,
    problemCount: summary.problems.length,
    flags: flagsOf(summary, now),
  };
}

/** Rank of a row's worst flag: lower is worse; rows without flags last. */
function rankOf(row: OverviewRow): number {
  return row.flags.length > 0
    ? OVERVIEW_FLAGS.indexOf(row.flags[0])
    : OVERVIEW_FLAGS.length;
}

/** Plain code-unit order: cheap, and the same on every replica. */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * The rows in overview order, in a new array: worst status first, then
 * more flags first, then by name (title, else name, ignoring case), then by
 * ref so the order is stable.
 *
 * @public
 */
export function sortOverviewRows(rows: readonly OverviewRow[]): OverviewRow[] {
  const keyed = rows.map(row => ({
    row,
    rank: rankOf(row),
    name: (row.entity.title ?? row.entity.name).toLocaleLowerCase('en-US'),
  }));
  keyed.sort(
    (a, b) =>
      a.rank - b.rank ||
      b.row.flags.length - a.row.flags.length ||
      compareText(a.name, b.name) ||
      compareText(a.row.entity.ref, b.row.entity.ref),
  );
  return keyed.map(item => item.row);
}
