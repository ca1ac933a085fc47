import { DateTime } from 'luxon';
import { parsePlatformOpsConfig } from '../config/readConfig';
import { evaluateAudits, requiredAuditKinds } from './audits';

const NOW = DateTime.fromISO('2026-11-22T12:00:00Z', { zone: 'utc' });
const { config } = parsePlatformOpsConfig({
  audits: { application: '365d', provider: '365d', security: '90d' },
});
const day = (text: string) => DateTime.fromISO(text, { zone: 'utc' });

describe('requiredAuditKinds', () => {
  it('requires an application audit of application teams and a provider audit of other outside parties', () => {
    expect(requiredAuditKinds('application')).toEqual(['application']);
    expect(requiredAuditKinds('it-systems')).toEqual(['provider']);
    expect(requiredAuditKinds('identity')).toEqual(['provider']);
    expect(requiredAuditKinds('platform')).toEqual([]);
    expect(requiredAuditKinds(undefined)).toEqual([]);
  });
});

describe('evaluateAudits', () => {
  it('computes the next due date and keeps a recent audit ok', () => {
    const { audits, problems } = evaluateAudits({
      party: 'it-systems',
      audits: { provider: day('2026-04-14') },
      config: config!,
      now: NOW,
    });
    expect(problems).toEqual([]);
    expect(audits).toEqual([
      {
        kind: 'provider',
        last: '2026-04-14',
        interval: '365d',
        nextDue: '2027-04-14',
        state: 'ok',
      },
    ]);
  });

  it('marks an audit older than its interval as overdue', () => {
    const { audits } = evaluateAudits({
      party: 'infrastructure',
      audits: { provider: day('2025-09-15') },
      config: config!,
      now: NOW,
    });
    expect(audits).toEqual([
      expect.objectContaining({
        kind: 'provider',
        nextDue: '2026-09-15',
        state: 'overdue',
      }),
    ]);
  });

  it('marks a required audit that was never recorded as missing', () => {
    const { audits } = evaluateAudits({
      party: 'application',
      audits: undefined,
      config: config!,
      now: NOW,
    });
    expect(audits).toEqual([
      { kind: 'application', interval: '365d', state: 'missing' },
    ]);
  });

  it('shows recorded extra kinds with their own interval', () => {
    const { audits } = evaluateAudits({
      party: 'application',
      audits: { application: day('2026-03-01'), security: day('2026-06-01') },
      config: config!,
      now: NOW,
    });
    expect(audits.map(audit => [audit.kind, audit.state])).toEqual([
      ['application', 'ok'],
      ['security', 'overdue'],
    ]);
  });

  it('reports an audit kind that config has no interval for', () => {
    const { audits, problems } = evaluateAudits({
      party: 'platform',
      audits: { pentest: day('2026-01-01') },
      config: config!,
      now: NOW,
    });
    expect(audits).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        key: 'platform-ops/audits',
        value: 'pentest=2026-01-01',
      }),
    ]);
  });
});
