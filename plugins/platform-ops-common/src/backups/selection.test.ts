import { DateTime } from 'luxon';
import {
  componentBackups,
  failedBackups,
  lastProvenRestore,
  lastSuccessfulBackup,
  oldestRestorableBackup,
  scopeMismatch,
} from './selection';
import { BackupInventory, RawBackup } from './types';

const NOW = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });

function backup(name: string, extra: Partial<RawBackup>): RawBackup {
  return {
    name,
    labels: {},
    phase: 'Completed',
    includedNamespaces: ['orders'],
    excludedNamespaces: [],
    ...extra,
  };
}

const inventory: BackupInventory = {
  backups: [
    backup('daily-1', {
      schedule: 'daily',
      completedAt: '2026-11-27T02:10:00Z',
      storageLocation: 'primary',
    }),
    backup('daily-2', {
      schedule: 'daily',
      completedAt: '2026-11-28T02:10:00Z',
      storageLocation: 'primary',
    }),
    // An ad-hoc backup, newer than both: never counts for the schedule.
    backup('manual', {
      completedAt: '2026-11-28T10:00:00Z',
      labels: { app: 'orders' },
    }),
    backup('daily-3', {
      schedule: 'daily',
      phase: 'InProgress',
      startedAt: '2026-11-28T11:59:00Z',
    }),
    backup('daily-0', {
      schedule: 'daily',
      phase: 'PartiallyFailed',
      failureReason: '2 volume snapshots failed',
      completedAt: '2026-11-26T02:10:00Z',
    }),
  ],
  schedules: [
    {
      name: 'daily',
      paused: false,
      includedNamespaces: ['orders', 'payments'],
      excludedNamespaces: [],
      storageLocation: 'primary',
    },
  ],
  storageLocations: [
    { name: 'primary', phase: 'Available' },
    { name: 'other', phase: 'Unavailable' },
  ],
  restores: [
    {
      name: 'r1',
      backupName: 'daily-1',
      phase: 'Completed',
      completedAt: '2026-11-27T08:00:00Z',
    },
    {
      name: 'r2',
      backupName: 'daily-2',
      phase: 'Failed',
      completedAt: '2026-11-28T08:00:00Z',
    },
    {
      name: 'r3',
      backupName: 'manual',
      phase: 'Completed',
      completedAt: '2026-11-28T11:00:00Z',
    },
  ],
};

describe('componentBackups', () => {
  it('takes only the named schedule’s backups, its storage location and their restores', () => {
    const own = componentBackups(inventory, {
      type: 'velero',
      schedule: 'daily',
    });
    expect(own.backups.map(b => b.name)).toEqual([
      'daily-1',
      'daily-2',
      'daily-3',
      'daily-0',
    ]);
    expect(own.schedule?.name).toBe('daily');
    expect(own.scheduleMissing).toBe(false);
    expect(own.storageLocations.map(l => l.name)).toEqual(['primary']);
    expect(own.restores.map(r => r.name)).toEqual(['r1', 'r2']);
  });

  it('selects by label with velero:selector', () => {
    const own = componentBackups(inventory, {
      type: 'velero',
      selector: { label: 'app', value: 'orders' },
    });
    expect(own.backups.map(b => b.name)).toEqual(['manual']);
    expect(own.schedule).toBeUndefined();
  });

  it('says when the named schedule does not exist', () => {
    expect(
      componentBackups(inventory, { type: 'velero', schedule: 'weekly' })
        .scheduleMissing,
    ).toBe(true);
  });
});

describe('the selection rule', () => {
  const own = componentBackups(inventory, {
    type: 'velero',
    schedule: 'daily',
  }).backups;

  it('takes the newest Completed backup by completion, ignoring in-progress and ad-hoc ones', () => {
    expect(lastSuccessfulBackup(own)?.name).toBe('daily-2');
  });

  it('lists failed and partially failed backups with their reasons', () => {
    expect(failedBackups(own)).toEqual([
      expect.objectContaining({
        name: 'daily-0',
        failureReason: '2 volume snapshots failed',
      }),
    ]);
  });

  it('finds the oldest restorable backup, skipping expired ones', () => {
    expect(oldestRestorableBackup(own, NOW)?.name).toBe('daily-1');
    const expired = own.map(b =>
      b.name === 'daily-1' ? { ...b, expiresAt: '2026-11-28T00:00:00Z' } : b,
    );
    expect(oldestRestorableBackup(expired, NOW)?.name).toBe('daily-2');
  });

  it('proves a restore only with a completed one', () => {
    const { restores } = componentBackups(inventory, {
      type: 'velero',
      schedule: 'daily',
    });
    expect(lastProvenRestore(restores)?.name).toBe('r1');
    expect(lastProvenRestore([])).toBeUndefined();
  });
});

describe('scopeMismatch', () => {
  it('names what is declared but not covered, and covered but not declared', () => {
    expect(
      scopeMismatch(
        [
          { kind: 'pvc', target: 'orders/data-orders-db-0' },
          { kind: 'namespace', target: 'billing' },
          { kind: 'database', target: 'orders' },
        ],
        { includedNamespaces: ['orders', 'payments'], excludedNamespaces: [] },
      ),
    ).toEqual({
      declaredNotCovered: [{ kind: 'namespace', target: 'billing' }],
      coveredNotDeclared: ['payments'],
    });
  });

  it('treats an empty or * inclusion as every namespace not excluded', () => {
    const declared = [{ kind: 'namespace' as const, target: 'orders' }];
    expect(
      scopeMismatch(declared, {
        includedNamespaces: ['*'],
        excludedNamespaces: [],
      }),
    ).toEqual({
      declaredNotCovered: [],
      coveredNotDeclared: [],
    });
    expect(
      scopeMismatch(declared, {
        includedNamespaces: [],
        excludedNamespaces: ['orders'],
      }),
    ).toEqual({
      declaredNotCovered: declared,
      coveredNotDeclared: [],
    });
  });
});
