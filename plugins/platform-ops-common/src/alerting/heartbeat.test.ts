import { DateTime, Duration } from 'luxon';
import { heartbeatState } from './heartbeat';

const now = DateTime.fromISO('2026-11-22T12:00:00Z');
const base = {
  configured: true,
  heartbeatAlertname: 'Watchdog',
  now,
  staleAfter: Duration.fromObject({ seconds: 90 }),
};

describe('heartbeatState', () => {
  it('is ok when the heartbeat fires in fresh data', () => {
    expect(
      heartbeatState({
        ...base,
        fetchedAt: '2026-11-22T11:59:30Z',
        alertnames: ['Down', 'Watchdog'],
      }),
    ).toBe('ok');
  });

  it('is missing when Alertmanager answers without the heartbeat', () => {
    expect(
      heartbeatState({
        ...base,
        fetchedAt: '2026-11-22T11:59:30Z',
        alertnames: ['Down'],
      }),
    ).toBe('missing');
    expect(
      heartbeatState({
        ...base,
        fetchedAt: '2026-11-22T11:59:30Z',
        alertnames: [],
        heartbeatAlertname: 'DeadMansSwitch',
      }),
    ).toBe('missing');
  });

  it('is unreachable when the last attempt failed, even with old data that had the heartbeat', () => {
    expect(
      heartbeatState({
        ...base,
        fetchedAt: '2026-11-22T11:59:30Z',
        lastError: 'connect ECONNREFUSED',
        alertnames: ['Watchdog'],
      }),
    ).toBe('unreachable');
  });

  it('is unreachable when nothing was ever fetched or the data is too old', () => {
    expect(heartbeatState({ ...base, alertnames: [] })).toBe('unreachable');
    expect(
      heartbeatState({
        ...base,
        fetchedAt: '2026-11-22T11:50:00Z',
        alertnames: ['Watchdog'],
      }),
    ).toBe('unreachable');
  });

  it('is unconfigured for an environment without Alertmanager', () => {
    expect(heartbeatState({ ...base, configured: false, alertnames: [] })).toBe(
      'unconfigured',
    );
  });
});
