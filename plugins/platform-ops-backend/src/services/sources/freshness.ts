import { DateTime, Duration } from 'luxon';

/**
 * Data older than this many poll intervals, and at least the minimum, no
 * longer proves anything. The minimum absorbs the scheduler's own pick-up
 * delay when the interval is short.
 */
const STALE_AFTER_POLLS = 3;
const STALE_AFTER_MINIMUM = Duration.fromObject({ seconds: 60 });

/** How old a source's data may be before it counts as stale. */
export function staleAfter(pollInterval: Duration): Duration {
  const polls = pollInterval.mapUnits(value => value * STALE_AFTER_POLLS);
  return polls > STALE_AFTER_MINIMUM ? polls : STALE_AFTER_MINIMUM;
}

/**
 * The first moment, after `now`, at which one of these snapshots that
 * counts as fresh now turns stale by age alone, older than `maxAge` (epoch
 * milliseconds); none when no snapshot is fresh. What was judged from them holds until then.
 */
export function freshUntil(
  snapshots: Array<{ fetchedAt?: string; lastError?: string }>,
  maxAge: Duration,
  now: DateTime,
): number | undefined {
  let until: number | undefined;
  for (const snapshot of snapshots) {
    if (snapshot.lastError || !snapshot.fetchedAt) continue;
    const fetched = DateTime.fromISO(snapshot.fetchedAt);
    if (!fetched.isValid) continue;
    // Stale once older than maxAge: a millisecond after it.
    const end = fetched.plus(maxAge).toMillis() + 1;
    if (end > now.toMillis() && (until === undefined || end < until)) {
      until = end;
    }
  }
  return until;
}
