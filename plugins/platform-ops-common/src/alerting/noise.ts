import { DateTime } from 'luxon';
import { ALERT_LEVELS, AlertLevel } from '../values/level';

/**
 * The periods the noise review looks back over, in days.
 *
 * @public
 */
export const ALERT_NOISE_PERIODS = [30, 90] as const;

/**
 * One of {@link ALERT_NOISE_PERIODS}.
 *
 * @public
 */
export type AlertNoisePeriod = (typeof ALERT_NOISE_PERIODS)[number];

/**
 * A component is "mostly silenced" in an environment when more than this
 * share of its alert occurrences there were silenced.
 *
 * @public
 */
export const MOSTLY_SILENCED_SHARE = 0.5;

/**
 * Fewer occurrences than this never make a component "mostly silenced":
 * one alert silenced during a maintenance window is no pattern.
 *
 * @public
 */
export const MOSTLY_SILENCED_MINIMUM = 3;

/**
 * The days a review covers, and the 7-day weeks it counts "every week" in.
 *
 * @public
 */
export type AlertNoiseWindow = {
  days: AlertNoisePeriod;
  /** First day covered, YYYY-MM-DD. */
  since: string;
  /** Last day covered (today, UTC), YYYY-MM-DD. */
  until: string;
  /**
   * First day of each week, newest first. Weeks are counted back from
   * `until`, so the oldest one may be shorter than 7 days (2 days of 30).
   */
  weekStarts: string[];
  /**
   * A P1 firing in at least this many weeks "fires every week": the full
   * weeks in the period, 4 of 30 days and 12 of 90.
   */
  everyWeek: number;
};

/**
 * The window of a review of the last `days` days up to `today` (YYYY-MM-DD).
 *
 * @public
 */
export function alertNoiseWindow(
  today: string,
  days: AlertNoisePeriod,
): AlertNoiseWindow {
  const until = DateTime.fromISO(today, { zone: 'utc' });
  const since = until.minus({ days: days - 1 });
  const weekStarts: string[] = [];
  for (let end = until; end >= since; end = end.minus({ days: 7 })) {
    const start = end.minus({ days: 6 });
    weekStarts.push((start < since ? since : start).toISODate()!);
  }
  return {
    days,
    since: since.toISODate()!,
    until: until.toISODate()!,
    weekStarts,
    everyWeek: Math.floor(days / 7),
  };
}

/**
 * What the alert history holds for one component, environment and level
 * over a review's window. An occurrence is one distinct alert on one day
 * it fired, whether it notified or was silenced.
 *
 * @public
 */
export type AlertNoiseCount = {
  entityRef: string;
  environment: string;
  level: AlertLevel;
  /** Occurrences: distinct alerts per day, summed over the days. */
  fired: number;
  /** Occurrences seen silenced at any poll that day. */
  silenced: number;
  /** Distinct days with an occurrence. */
  days: number;
  /** Distinct weeks of the window with an occurrence. */
  weeks: number;
};

/**
 * One row of the review: a component's alerts at one level in one
 * environment.
 *
 * @public
 */
export type AlertNoiseRow = AlertNoiseCount & {
  /** `silenced / fired`, from 0 to 1. */
  silencedShare: number;
  /**
   * A P1 that fired in at least {@link AlertNoiseWindow.everyWeek} weeks:
   * either it is not a P1, or it is a problem to fix.
   */
  firesEveryWeek: boolean;
};

/**
 * A component whose alerts in one environment were mostly silenced.
 *
 * @public
 */
export type MostlySilencedComponent = {
  entityRef: string;
  environment: string;
  fired: number;
  silenced: number;
  silencedShare: number;
  /** The levels its alerts had, most urgent first. */
  levels: AlertLevel[];
};

/**
 * The alert-noise review of a period.
 *
 * @public
 */
export type AlertNoiseReview = {
  days: AlertNoisePeriod;
  since: string;
  until: string;
  /** The environment asked for; every environment when absent. */
  environment?: string;
  thresholds: {
    /** Weeks a P1 must fire in to be flagged as firing every week. */
    everyWeek: number;
    /** See {@link MOSTLY_SILENCED_SHARE}. */
    mostlySilencedShare: number;
    /** See {@link MOSTLY_SILENCED_MINIMUM}. */
    mostlySilencedMinimum: number;
  };
  /** Every row: P1 first, then P2 and P3; within a level, most often first. */
  rows: AlertNoiseRow[];
  /** The P1 rows, the ones that fired on the most days first. */
  frequentP1s: AlertNoiseRow[];
  /** Highest silenced share first. */
  mostlySilenced: MostlySilencedComponent[];
};

/**
 * `GET /api/platform-ops/alerts/noise`: the review, and how current the
 * history behind it is.
 *
 * @public
 */
export type AlertNoiseResponse = AlertNoiseReview & {
  /**
   * The last successful alert poll (ISO 8601): history is recorded after
   * each one. Absent when no alert source has been read yet.
   */
  recordedAt?: string;
  /** The oldest day the history holds, when it holds any. */
  historySince?: string;
  /** Every configured environment, for the environment filter. */
  environments: string[];
};

function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

/**
 * "Fired most often": on the most days, then with the most occurrences.
 * Ties go by name so the order is stable.
 */
function byFrequency(a: AlertNoiseRow, b: AlertNoiseRow): number {
  return (
    b.days - a.days ||
    b.fired - a.fired ||
    a.entityRef.localeCompare(b.entityRef) ||
    a.environment.localeCompare(b.environment)
  );
}

function mostlySilencedOf(rows: AlertNoiseRow[]): MostlySilencedComponent[] {
  const byComponent = new Map<string, MostlySilencedComponent>();
  for (const row of rows) {
    const key = `${row.entityRef}\n${row.environment}`;
    const entry = byComponent.get(key) ?? {
      entityRef: row.entityRef,
      environment: row.environment,
      fired: 0,
      silenced: 0,
      silencedShare: 0,
      levels: [],
    };
    entry.fired += row.fired;
    entry.silenced += row.silenced;
    if (!entry.levels.includes(row.level)) entry.levels.push(row.level);
    byComponent.set(key, entry);
  }
  return [...byComponent.values()]
    .map(entry => ({
      ...entry,
      silencedShare: share(entry.silenced, entry.fired),
      levels: ALERT_LEVELS.filter(level => entry.levels.includes(level)),
    }))
    .filter(
      entry =>
        entry.fired >= MOSTLY_SILENCED_MINIMUM &&
        entry.silencedShare > MOSTLY_SILENCED_SHARE,
    )
    .sort(
      (a, b) =>
        b.silencedShare - a.silencedShare ||
        b.fired - a.fired ||
        a.entityRef.localeCompare(b.entityRef) ||
        a.environment.localeCompare(b.environment),
    );
}

/**
 * Builds the noise review from the history's counts: every row, the P1s
 * that fired most often (flagged when they fire every week), and the
 * components whose alerts were mostly silenced.
 *
 * @public
 */
export function buildAlertNoiseReview(
  counts: AlertNoiseCount[],
  window: AlertNoiseWindow,
  options: { environment?: string } = {},
): AlertNoiseReview {
  const rows = counts
    .filter(
      count =>
        count.fired > 0 &&
        (!options.environment || count.environment === options.environment),
    )
    .map(
      (count): AlertNoiseRow => ({
        ...count,
        silencedShare: share(count.silenced, count.fired),
        firesEveryWeek: count.level === 'P1' && count.weeks >= window.everyWeek,
      }),
    )
    .sort(
      (a, b) =>
        ALERT_LEVELS.indexOf(a.level) - ALERT_LEVELS.indexOf(b.level) ||
        byFrequency(a, b),
    );
  return {
    days: window.days,
    since: window.since,
    until: window.until,
    ...(options.environment ? { environment: options.environment } : {}),
    thresholds: {
      everyWeek: window.everyWeek,
      mostlySilencedShare: MOSTLY_SILENCED_SHARE,
      mostlySilencedMinimum: MOSTLY_SILENCED_MINIMUM,
    },
    rows,
    frequentP1s: rows.filter(row => row.level === 'P1'),
    mostlySilenced: mostlySilencedOf(rows),
  };
}
