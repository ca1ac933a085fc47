import { Entity } from '@backstage/catalog-model';
import { DateTime } from 'luxon';
import { OpsSummary } from '../api/types';
import { parsePlatformOpsConfig } from '../config/readConfig';
import { summarizeEntity } from '../entity/summarizeEntity';
import { ComponentChange } from '../maintenance/types';
import { overviewQuerySchema } from './query';
import { CHANGE_UPCOMING_DAYS, overviewRowOf, sortOverviewRows } from './rows';
import { selectOverview } from './select';

const NOW = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });
const { config } = parsePlatformOpsConfig({
  environments: [{ name: 'staging' }, { name: 'production' }],
});

function summaryOf(
  name: string,
  annotations: Record<string, string> = {},
): OpsSummary {
  const entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: { 'platform-ops/scope': 'platform', ...annotations },
    },
    spec: { type: 'service', owner: `group:default/${name}-team` },
  };
  return summarizeEntity(entity, config!, NOW);
}

function change(days: number, extra: Partial<ComponentChange> = {}) {
  const start = NOW.plus({ days });
  return {
    id: `change-${days}`,
    start: start.toISO()!,
    end: start.plus({ hours: 1 }).toISO()!,
    shortNotice: false,
    ...extra,
  } as ComponentChange;
}

function withAlerts(summary: OpsSummary, P1: number, P2: number): OpsSummary {
  return {
    ...summary,
    alerting: { ...summary.alerting, counts: { P1, P2, P3: 0 } },
  };
}

const query = (raw: Record<string, unknown>) => overviewQuerySchema.parse(raw);

describe('overviewRowOf', () => {
  it('flags what is wrong, worst first', () => {
    const base = summaryOf('ingress');
    const summary: OpsSummary = {
      ...withAlerts(base, 1, 2),
      backups: {
        ...base.backups,
        rpo: 'at-risk',
        drill: { state: 'overdue', interval: '180d' },
      },
      maintenance: {
        ...base.maintenance,
        changes: [change(3, { shortNotice: true })],
        endOfLife: { state: 'eol-soon', eol: '2027-02-28', source: 'config' },
      },
    } as OpsSummary;
    const row = overviewRowOf(summary, NOW);
    expect(row.flags).toEqual([
      'has-p1',
      'has-p2',
      'backup-at-risk',
      'drill-overdue',
      'short-notice',
      'change-upcoming',
      'eol-soon',
    ]);
    expect(row).toMatchObject({
      worstLevel: 'P1',
      backup: 'at-risk',
      endOfLife: 'eol-soon',
      party: 'platform',
      owner: 'group:default/ingress-team',
      problemCount: 0,
    });
  });

  it('counts a change as coming up within the horizon only, and a past one not at all', () => {
    const base = summaryOf('ingress');
    const at = (days: number) =>
      overviewRowOf(
        {
          ...base,
          maintenance: { ...base.maintenance, changes: [change(days)] },
        },
        NOW,
      ).flags;
    expect(at(CHANGE_UPCOMING_DAYS - 1)).toEqual(['change-upcoming']);
    expect(at(CHANGE_UPCOMING_DAYS + 1)).toEqual([]);
    expect(at(-2)).toEqual([]);
  });

  it('does not ask for drills of a component that is not backed up', () => {
    const base = summaryOf('ingress', { 'platform-ops/backup-source': 'none' });
    const summary = {
      ...base,
      backups: {
        ...base.backups,
        drill: { state: 'missing', interval: '180d' },
      },
    } as OpsSummary;
    expect(overviewRowOf(summary, NOW).flags).toEqual([]);
  });

  it('flags annotation problems with their count', () => {
    const row = overviewRowOf(
      summaryOf('fluentd', { 'platform-ops/alert-levels': 'production=P0' }),
      NOW,
    );
    expect(row.flags).toEqual(['annotation-problems']);
    expect(row.problemCount).toBe(1);
  });
});

describe('sortOverviewRows and selectOverview', () => {
  const rows = sortOverviewRows([
    overviewRowOf(summaryOf('zeta'), NOW),
    overviewRowOf(withAlerts(summaryOf('beta'), 0, 1), NOW),
    overviewRowOf(
      summaryOf('alpha', { 'platform-ops/alert-levels': 'x' }),
      NOW,
    ),
    overviewRowOf(withAlerts(summaryOf('gamma'), 1, 0), NOW),
    overviewRowOf(summaryOf('Delta'), NOW),
  ]);

  it('sorts worst status first, then by name ignoring case', () => {
    expect(rows.map(row => row.entity.name)).toEqual([
      'gamma',
      'beta',
      'alpha',
      'Delta',
      'zeta',
    ]);
  });

  it('pages, counts every match and each flag before the status filter', () => {
    const page = selectOverview(rows, query({ limit: '2', offset: '1' }));
    expect(page.rows.map(row => row.entity.name)).toEqual(['beta', 'alpha']);
    expect(page.total).toBe(5);
    expect(page.flagCounts).toEqual({
      'has-p1': 1,
      'has-p2': 1,
      'annotation-problems': 1,
    });
    const flagged = selectOverview(rows, query({ status: 'has-p1,has-p2' }));
    expect(flagged.rows.map(row => row.entity.name)).toEqual(['gamma', 'beta']);
    expect(flagged.flagCounts).toEqual(page.flagCounts);
  });

  it('filters by owner, text and environment', () => {
    const names = (raw: Record<string, string>) =>
      selectOverview(rows, query(raw)).rows.map(row => row.entity.name);
    expect(names({ owner: 'group:default/zeta-team' })).toEqual(['zeta']);
    expect(names({ owner: 'Group:default/Zeta-Team' })).toEqual(['zeta']);
    expect(names({ q: 'DEL' })).toEqual(['Delta']);
    expect(names({ environment: 'production' })).toHaveLength(5);
    expect(names({ environment: 'qa' })).toEqual([]);
  });

  it('rejects bad queries naming the field', () => {
    const issues = (raw: Record<string, unknown>) =>
      overviewQuerySchema
        .safeParse(raw)
        .error?.issues.map(
          issue => `${issue.path.join('.')}: ${issue.message}`,
        );
    expect(issues({ limit: '201' })).toEqual(['limit: must be at most 200']);
    expect(issues({ limit: ['1', '2'] })).toEqual([
      'limit: must be given once, as a whole number',
    ]);
    expect(issues({ status: 'has-p1,on-fire' })?.[0]).toMatch(
      /^status.1: must be one of has-p1, /,
    );
  });
});
