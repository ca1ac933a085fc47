import { DateTime } from 'luxon';
import {
  MaintenanceWindowConfig,
  PlatformOpsConfig,
} from '../config/readConfig';
import { occurrencesBetween } from './recurrence';

/**
 * One occurrence of a named maintenance window.
 *
 * @public
 */
export type WindowOccurrence = {
  /** The window's name in `platformOps.maintenance.windows`. */
  window: string;
  /** Start and end in UTC (ISO 8601). */
  start: string;
  end: string;
  /** The window's own IANA time zone, for showing its local time. */
  timezone: string;
};

/** At most this many occurrences per request. */
export const MAX_OCCURRENCES = 400;

/**
 * The occurrences of a window that overlap `[from, to)`, oldest first, at
 * most `limit` (and never more than 400).
 *
 * @public
 */
export function windowOccurrences(
  name: string,
  window: MaintenanceWindowConfig,
  range: { from: DateTime; to: DateTime; limit?: number },
): WindowOccurrence[] {
  return occurrencesBetween({
    rrule: window.rrule,
    start: window.start,
    durationMs: window.duration.as('milliseconds'),
    timezone: window.timezone,
    since: window.since,
    from: range.from.toMillis(),
    to: range.to.toMillis(),
    limit: Math.min(range.limit ?? MAX_OCCURRENCES, MAX_OCCURRENCES),
  }).map(occurrence => ({
    window: name,
    start: DateTime.fromMillis(occurrence.start, { zone: 'utc' }).toISO()!,
    end: DateTime.fromMillis(occurrence.end, { zone: 'utc' }).toISO()!,
    timezone: window.timezone,
  }));
}

/** How far ahead the next occurrence is looked for. */
const HORIZON = { days: 400 };

/**
 * The occurrence in progress at `now`, if any, and the next one to start.
 *
 * @public
 */
export function currentAndNextWindow(
  name: string,
  window: MaintenanceWindowConfig,
  now: DateTime,
): { current?: WindowOccurrence; next?: WindowOccurrence } {
  const upcoming = windowOccurrences(name, window, {
    from: now,
    to: now.plus(HORIZON),
    limit: 2,
  });
  const nowIso = now.toUTC().toISO()!;
  const current = upcoming.find(occurrence => occurrence.start <= nowIso);
  const next = upcoming.find(occurrence => occurrence.start > nowIso);
  return { current, next };
}

/**
 * One environment's window, in upgrade order.
 *
 * @public
 */
export type EnvironmentWindow = {
  environment: string;
  name: string;
  window: MaintenanceWindowConfig;
};

/**
 * The windows of the configured environments, in config order (the order
 * they are upgraded: staging before production).
 *
 * @public
 */
export function environmentWindows(
  config: PlatformOpsConfig,
  names: Record<string, string | undefined> = Object.fromEntries(
    config.environments.map(entry => [entry.name, entry.maintenanceWindow]),
  ),
): EnvironmentWindow[] {
  return config.environments.flatMap(environment => {
    const name = names[environment.name];
    const window =
      name &&
      Object.prototype.hasOwnProperty.call(config.maintenance.windows, name)
        ? config.maintenance.windows[name]
        : undefined;
    return name && window
      ? [{ environment: environment.name, name, window }]
      : [];
  });
}

/**
 * Where environments upgraded in order are not skewed as agreed: in a month
 * where an environment's first window does not come before the next
 * environment's. One sentence per month and pair.
 *
 * @public
 */
export function skewWarnings(
  windows: EnvironmentWindow[],
  options: { from: DateTime; months: number },
): string[] {
  const warnings: string[] = [];
  for (let month = 0; month < options.months; month++) {
    const start = options.from.toUTC().startOf('month').plus({ months: month });
    const firsts = windows.map(({ environment, name, window }) => {
      const [first] = windowOccurrences(name, window, {
        from: start,
        to: start.plus({ months: 1 }),
        limit: 1,
      });
      return { environment, first };
    });
    for (let index = 1; index < firsts.length; index++) {
      const before = firsts[index - 1];
      const after = firsts[index];
      if (!before.first || !after.first) continue;
      if (before.first.start >= after.first.start) {
        warnings.push(
          `In ${start.toFormat('yyyy-MM')}, ${
            before.environment
          }'s window (${describe(before.first)}) does not come before ${
            after.environment
          }'s (${describe(after.first)})`,
        );
      }
    }
  }
  return warnings;
}

/**
 * The occurrences and skew warnings of maintenance windows, each computed
 * once for many summaries built at the same moment: thousands of
 * components share a few windows, and expanding a recurrence rule in its
 * time zone is costly. Results are shared between the summaries, so they
 * must not be changed. Use one for a batch of summaries; it grows with the
 * distinct moments it is asked about.
 *
 * @public
 */
export class WindowOccurrenceCache {
  /** A number per window config object: equal names of another config differ. */
  private readonly ids = new Map<MaintenanceWindowConfig, number>();
  private readonly occurrences = new Map<
    string,
    { current?: WindowOccurrence; next?: WindowOccurrence }
  >();
  private readonly skews = new Map<string, string[]>();

  /** {@link currentAndNextWindow}, once per window and moment. */
  currentAndNext(
    name: string,
    window: MaintenanceWindowConfig,
    now: DateTime,
  ): { current?: WindowOccurrence; next?: WindowOccurrence } {
    const key = `${this.idOf(window)} ${name} ${now.toMillis()}`;
    let found = this.occurrences.get(key);
    if (!found) {
      found = currentAndNextWindow(name, window, now);
      this.occurrences.set(key, found);
    }
    return found;
  }

  /** {@link skewWarnings}, once per list of windows and range. */
  skew(
    windows: EnvironmentWindow[],
    options: { from: DateTime; months: number },
  ): string[] {
    const key = [
      options.from.toMillis(),
      options.months,
      ...windows.map(
        ({ environment, name, window }) =>
          `${environment} ${name} ${this.idOf(window)}`,
      ),
    ].join('\n');
    let found = this.skews.get(key);
    if (!found) {
      found = skewWarnings(windows, options);
      this.skews.set(key, found);
    }
    return found;
  }

  private idOf(window: MaintenanceWindowConfig): number {
    let id = this.ids.get(window);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(window, id);
    }
    return id;
  }
}

function describe(occurrence: WindowOccurrence): string {
  const local = DateTime.fromISO(occurrence.start, {
    zone: occurrence.timezone,
  });
  return `${local.toFormat('yyyy-MM-dd HH:mm')} ${occurrence.timezone}`;
}
