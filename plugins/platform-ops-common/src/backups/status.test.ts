import { DateTime, Duration } from 'luxon';
import { Drill } from './drills';
import { backupEnvironmentStatus, withBackupStatus } from './status';
import { BackupInventory, BackupsSection } from './types';

const NOW = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });

const inventory: BackupInventory = {
  backups: [
    {
      name: 'daily-1',
      schedule: 'daily',
      labels: {},
      phase: 'Completed',
      completedAt: '2026-11-28T02:00:00Z',
      includedNamespaces: ['orders'],
      excludedNamespaces: [],
    },
  ],
  schedules: [
    {
      name: 'daily',
      paused: true,
      includedNamespaces: ['orders', 'payments'],
      excludedNamespaces: [],
    },
  ],
  storageLocations: [{ name: 'default', phase: 'Unavailable', default: true }],
  restores: [],
};

const base = {
  environment: 'production',
  sourceId: 'velero:production',
  spec: { type: 'velero' as const, schedule: 'daily' },
  declaredScope: [{ kind: 'namespace' as const, target: 'orders' }],
  rpo: Duration.fromObject({ hours: 24 }),
  retention: Duration.fromObject({ days: 7 }),
  now: NOW,
};

describe('backupEnvironmentStatus', () => {
  it('judges the last backup, names the paused schedule, the unavailable location and the scope mismatch', () => {
    const status = backupEnvironmentStatus({
      ...base,
      inventory,
      fresh: true,
      fetchedAt: NOW.toISO()!,
    });
    expect(status).toMatchObject({
      rpo: 'ok',
      lastSuccess: { name: 'daily-1' },
      retention: 'short',
      schedule: { name: 'daily', paused: true },
      storageLocations: [{ name: 'default', phase: 'Unavailable' }],
      scopeMismatch: {
        declaredNotCovered: [],
        coveredNotDeclared: ['payments'],
      },
      fresh: true,
    });
  });

  it('is unknown, with the last known backup kept, when the source is stale', () => {
    const status = backupEnvironmentStatus({
      ...base,
      inventory,
      fresh: false,
      lastError: 'Velero did not answer',
    });
    expect(status).toMatchObject({
      rpo: 'unknown',
      retention: 'unknown',
      lastSuccess: { name: 'daily-1' },
    });
  });

  it('is unknown when the source never answered', () => {
    expect(backupEnvironmentStatus({ ...base, fresh: true }).rpo).toBe(
      'unknown',
    );
  });
});

const section: BackupsSection = {
  policy: {
    rpo: { value: '24h', source: 'config' },
    retention: { value: '7d', source: 'config' },
    rto: { value: '4h', source: 'config' },
  },
  source: { type: 'velero', schedule: 'daily' },
  scope: [],
  protection: [],
  protectionGaps: [],
  environments: [],
};

function drill(date: string, measuredRto?: string): Drill {
  return {
    id: `drill-${date}`,
    entityRefs: ['component:default/orders'],
    environment: 'staging',
    date,
    scenario: 'restore the orders database',
    ledBy: 'user:default/jane',
    measuredRto,
    outcome: 'succeeded',
    wentWell: '',
    toImprove: '',
    actionItems: [],
    recordedBy: 'user:default/jane',
    recordedAt: `${date}T12:00:00Z`,
  };
}

describe('withBackupStatus', () => {
  const drillInterval = Duration.fromObject({ days: 180 });
  const production = backupEnvironmentStatus({
    ...base,
    inventory,
    fresh: true,
  });
  const staging = backupEnvironmentStatus({
    ...base,
    environment: 'staging',
    inventory,
    fresh: false,
  });

  it('takes the worst RPO state, the newest drill and its measured RTO', () => {
    const filled = withBackupStatus(section, {
      environments: [production, staging],
      drills: [drill('2026-03-01', '2h'), drill('2026-10-01', '5h')],
      drillInterval,
      now: NOW,
    });
    expect(filled.rpo).toBe('unknown');
    expect(filled.lastDrill?.date).toBe('2026-10-01');
    expect(filled.drill).toEqual({
      state: 'ok',
      interval: '180d',
      nextDue: '2027-03-30',
    });
    expect(filled.rto).toEqual({ state: 'exceeded', measured: '5h' });
  });

  it('says a drill is missing or overdue', () => {
    expect(
      withBackupStatus(section, {
        environments: [],
        drills: [],
        drillInterval,
        now: NOW,
      }).drill?.state,
    ).toBe('missing');
    expect(
      withBackupStatus(section, {
        environments: [],
        drills: [drill('2026-01-01')],
        drillInterval,
        now: NOW,
      }).drill?.state,
    ).toBe('overdue');
  });

  it('owes nothing when nothing is backed up on purpose', () => {
    const none = withBackupStatus(
      { ...section, source: { type: 'none' } },
      { environments: [production], drills: [], drillInterval, now: NOW },
    );
    expect(none.environments).toEqual([]);
    expect(none.drill).toBeUndefined();
    expect(none.rpo).toBeUndefined();
  });
});
