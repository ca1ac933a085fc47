import { DateTime, Duration } from 'luxon';
import { freshUntil, staleAfter } from './freshness';
import { isFresh } from './sourceStatus';

const NOW = DateTime.fromISO('2026-11-22T12:00:00Z', { zone: 'utc' });
const MINUTE = Duration.fromObject({ minutes: 1 });

describe('freshUntil', () => {
  it('is the moment the first fresh snapshot turns stale', () => {
    const snapshots = [
      { fetchedAt: '2026-11-22T11:59:30.000Z' },
      { fetchedAt: '2026-11-22T11:59:50.000Z' },
      // Stale already, failing, or never fetched: nothing left to change.
      { fetchedAt: '2026-11-22T11:58:00.000Z' },
      { fetchedAt: '2026-11-22T11:59:40.000Z', lastError: 'timeout' },
      {},
    ];
    const until = freshUntil(snapshots, MINUTE, NOW)!;
    expect(DateTime.fromMillis(until, { zone: 'utc' }).toISO()).toBe(
      '2026-11-22T12:00:30.001Z',
    );
    const snapshot = {
      sourceId: 'alertmanager:production',
      kind: 'alerts' as const,
      environment: 'production',
      attemptedAt: '2026-11-22T11:59:30.000Z',
      fetchedAt: '2026-11-22T11:59:30.000Z',
      data: [],
    };
    expect(isFresh(snapshot, MINUTE, DateTime.fromMillis(until - 1))).toBe(
      true,
    );
    expect(isFresh(snapshot, MINUTE, DateTime.fromMillis(until))).toBe(false);
  });

  it('is undefined when nothing is fresh', () => {
    expect(freshUntil([], MINUTE, NOW)).toBeUndefined();
    expect(
      freshUntil([{ fetchedAt: '2026-11-22T11:00:00.000Z' }], MINUTE, NOW),
    ).toBeUndefined();
  });

  it('goes with staleAfter: three polls, at least a minute', () => {
    expect(staleAfter(Duration.fromObject({ seconds: 30 })).as('seconds')).toBe(
      90,
    );
    expect(staleAfter(Duration.fromObject({ seconds: 2 })).as('seconds')).toBe(
      60,
    );
  });
});
