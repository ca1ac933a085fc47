import { DateTime, Duration } from 'luxon';
import {
  drillState,
  protectionGapsOf,
  retentionState,
  rpoState,
  rtoState,
} from './compliance';

const NOW = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });
const hours = (value: number) => Duration.fromObject({ hours: value });

describe('rpoState', () => {
  const rpo = hours(24);
  it.each([
    ['just made', 0, 'ok'],
    ['exactly 80 % of the RPO', 19.2, 'ok'],
    ['just over 80 %', 19.3, 'at-risk'],
    ['exactly the RPO', 24, 'at-risk'],
    ['just over the RPO', 24.01, 'breached'],
    ['days old', 72, 'breached'],
  ])('%s (%d h) is %s', (_description, age, state) => {
    expect(
      rpoState({
        lastSuccessAt: NOW.minus(hours(age)),
        rpo,
        fresh: true,
        now: NOW,
      }),
    ).toBe(state);
  });

  it('is breached when a source that answers has no successful backup', () => {
    expect(rpoState({ rpo, fresh: true, now: NOW })).toBe('breached');
  });

  it('is unknown, never ok, when the source is stale', () => {
    expect(
      rpoState({
        lastSuccessAt: NOW.minus(hours(1)),
        rpo,
        fresh: false,
        now: NOW,
      }),
    ).toBe('unknown');
  });
});

describe('retentionState', () => {
  const options = {
    retention: hours(7 * 24),
    rpo: hours(24),
    fresh: true,
    now: NOW,
  };
  it.each([
    ['reaches back the full retention', 7 * 24, 'ok'],
    ['reaches back retention minus one RPO', 6 * 24, 'ok'],
    ['falls short of retention minus one RPO', 6 * 24 - 1, 'short'],
  ])('%s', (_description, age, state) => {
    expect(
      retentionState({ ...options, oldestRestorableAt: NOW.minus(hours(age)) }),
    ).toBe(state);
  });

  it('is short with nothing restorable, unknown when stale', () => {
    expect(retentionState(options)).toBe('short');
    expect(retentionState({ ...options, fresh: false })).toBe('unknown');
  });
});

describe('rtoState', () => {
  it.each([
    [hours(3), 'ok'],
    [hours(4), 'ok'],
    [hours(4.5), 'exceeded'],
    [undefined, 'unknown'],
  ])('measured %s against 4h is %s', (measured, state) => {
    expect(rtoState({ measured, rto: hours(4) })).toBe(state);
  });
});

describe('drillState', () => {
  const interval = Duration.fromObject({ days: 180 });
  it('is ok within the interval, overdue after it, missing without a drill', () => {
    expect(
      drillState({ lastDrillOn: NOW.minus({ days: 179 }), interval, now: NOW }),
    ).toMatchObject({
      state: 'ok',
    });
    expect(
      drillState({ lastDrillOn: NOW.minus({ days: 181 }), interval, now: NOW })
        .state,
    ).toBe('overdue');
    expect(drillState({ interval, now: NOW })).toEqual({ state: 'missing' });
  });

  it('says when the next drill is due', () => {
    const { nextDue } = drillState({
      lastDrillOn: DateTime.fromISO('2026-06-01'),
      interval,
      now: NOW,
    });
    expect(nextDue?.toISODate()).toBe('2026-11-28');
  });
});

describe('protectionGapsOf', () => {
  it('names each protection not declared', () => {
    expect(protectionGapsOf(['object-lock', 'encrypted'])).toEqual([
      'off-site',
      'off-cloud',
    ]);
    expect(
      protectionGapsOf(['object-lock', 'off-site', 'off-cloud', 'encrypted']),
    ).toEqual([]);
  });
});
