import { Duration } from 'luxon';

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
