import { AlertLevel } from '../values/level';
import { RpoState } from '../backups/compliance';
import { EndOfLifeState } from '../maintenance/endOfLife';
import { SummaryEntity } from '../api/types';

/**
 * What can be wrong with a component, as the overview filters and sorts
 * by it. Listed from worst to least bad: the overview sorts by the worst
 * flag a row carries.
 *
 * @public
 */
export const OVERVIEW_FLAGS = [
  'has-p1',
  'heartbeat-not-ok',
  'backup-breached',
  'eol-past',
  'not-drain-ready',
  'has-p2',
  'backup-at-risk',
  'backup-unknown',
  'drill-overdue',
  'short-notice',
  'change-upcoming',
  'eol-soon',
  'annotation-problems',
] as const;

/**
 * One status flag of {@link OVERVIEW_FLAGS}.
 *
 * @public
 */
export type OverviewFlag = (typeof OVERVIEW_FLAGS)[number];

/**
 * What each flag means, for filters, chips and the CSV header.
 *
 * @public
 */
export const OVERVIEW_FLAG_TITLES: Record<OverviewFlag, string> = {
  'has-p1': 'P1 firing',
  'heartbeat-not-ok': 'Heartbeat not ok',
  'backup-breached': 'Backup RPO breached',
  'eol-past': 'Past end of life',
  'not-drain-ready': 'Not drain-ready',
  'has-p2': 'P2 firing',
  'backup-at-risk': 'Backup RPO at risk',
  'backup-unknown': 'Backup state unknown',
  'drill-overdue': 'DR drill overdue or missing',
  'short-notice': 'Change at short notice',
  'change-upcoming': 'Change coming up',
  'eol-soon': 'End of life soon',
  'annotation-problems': 'Annotation problems',
};

/**
 * One component on the overview: who is accountable, and how each aspect
 * stands, in one line.
 *
 * @public
 */
export type OverviewRow = {
  entity: SummaryEntity;
  /** The scope party's name and title, when declared. */
  party?: string;
  partyTitle?: string;
  /** Entity ref of the accountable team. */
  accountable?: string;
  /** The entity's spec.owner as a full ref. */
  owner?: string;
  environments: string[];
  /** The most urgent level of a firing (not silenced) alert. */
  worstLevel?: AlertLevel;
  /** The worst backup RPO state over the environments; absent when not backed up on purpose. */
  backup?: RpoState;
  /** The next window's start over the environments (ISO 8601), and its environment. */
  nextWindow?: { environment: string; start: string; end: string };
  endOfLife?: EndOfLifeState;
  problemCount: number;
  /** Every flag that applies, worst first. */
  flags: OverviewFlag[];
};

/**
 * Response of `GET /api/platform-ops/overview`.
 *
 * @public
 */
export type OverviewResponse = {
  rows: OverviewRow[];
  /** Rows matching the filters that the caller may read, over all pages. */
  total: number;
  offset: number;
  limit: number;
  /** Rows per flag over everything the caller may read, before the flag filter. */
  flagCounts: Partial<Record<OverviewFlag, number>>;
  /** When the rows were computed (ISO 8601), and the oldest source behind them. */
  generatedAt: string;
  /** When the entity index was last read from the catalog (ISO 8601). */
  indexedAt?: string;
};
