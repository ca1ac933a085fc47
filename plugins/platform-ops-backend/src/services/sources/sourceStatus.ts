import { SourceStatus } from '@platform-ops/plugin-platform-ops-common';
import { DateTime, Duration } from 'luxon';
import { StoredSnapshot } from '../SnapshotStore';
import { publicError } from './publicError';

/**
 * A stored snapshot as every signed-in user may see it: its state, its age
 * and a cleaned error, never the raw error with internal addresses.
 */
export function sourceStatusOf(
  snapshot: StoredSnapshot<unknown>,
  options: {
    items: number;
    staleAfter: Duration;
    now: DateTime;
    warnings?: string[];
  },
): SourceStatus {
  const fetched = snapshot.fetchedAt
    ? DateTime.fromISO(snapshot.fetchedAt)
    : undefined;
  const recent =
    fetched?.isValid === true &&
    options.now.diff(fetched) <= options.staleAfter;
  let state: SourceStatus['state'] = 'ok';
  if (snapshot.lastError) state = 'failing';
  else if (!recent) state = 'stale';
  return {
    id: snapshot.sourceId,
    type: snapshot.sourceId.split(':')[0],
    environment: snapshot.environment,
    state,
    fetchedAt: snapshot.fetchedAt,
    attemptedAt: snapshot.attemptedAt,
    lastError: snapshot.lastError && publicError(snapshot.lastError),
    items: options.items,
    ...(options.warnings?.length ? { warnings: options.warnings } : {}),
  };
}

/** Whether a snapshot's data is recent and its last attempt worked. */
export function isFresh(
  snapshot: StoredSnapshot<unknown>,
  staleAfter: Duration,
  now: DateTime,
): boolean {
  if (snapshot.lastError || !snapshot.fetchedAt) return false;
  const fetched = DateTime.fromISO(snapshot.fetchedAt);
  return fetched.isValid && now.diff(fetched) <= staleAfter;
}
