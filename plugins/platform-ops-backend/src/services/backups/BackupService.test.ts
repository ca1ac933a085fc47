import { Entity } from '@backstage/catalog-model';
import {
  BackupInventory,
  Drill,
  parsePlatformOpsConfig,
  summarizeEntity,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { SnapshotStore, StoredSnapshot } from '../SnapshotStore';
import { BackupReportStore, StoredBackupReport } from './BackupReportStore';
import { BackupService } from './BackupService';
import { DrillStore } from './DrillStore';

const NOW = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });

const { config } = parsePlatformOpsConfig({
  environments: [{ name: 'production' }, { name: 'staging' }],
  backups: { pollInterval: '5m', drillInterval: '180d' },
});

function entity(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: { 'platform-ops/scope': 'platform', ...annotations },
    },
    spec: { owner: 'group:default/platform-team' },
  };
}

const orders = summarizeEntity(
  entity('postgresql-orders', {
    'platform-ops/backup-source': 'velero:schedule=orders-daily',
    'platform-ops/backup-policy': 'rpo=24h, retention=7d, rto=4h',
    'platform-ops/backup-scope': 'namespace:databases',
  }),
  config!,
  NOW,
);

const inventory: BackupInventory = {
  backups: [
    {
      name: 'orders-daily-20261126',
      schedule: 'orders-daily',
      labels: {},
      phase: 'Completed',
      completedAt: '2026-11-26T02:10:00Z',
      includedNamespaces: ['databases'],
      excludedNamespaces: [],
    },
  ],
  schedules: [
    {
      name: 'orders-daily',
      paused: true,
      includedNamespaces: ['databases'],
      excludedNamespaces: [],
    },
  ],
  storageLocations: [{ name: 'default', phase: 'Unavailable', default: true }],
  restores: [],
};

function snapshot(
  environment: string,
  extra: Partial<StoredSnapshot<BackupInventory>> = {},
) {
  return {
    sourceId: `velero:${environment}`,
    kind: 'backups' as const,
    environment,
    fetchedAt: NOW.minus({ minutes: 2 }).toISO()!,
    attemptedAt: NOW.minus({ minutes: 2 }).toISO()!,
    data: inventory,
    ...extra,
  };
}

function serviceWith(options: {
  snapshots?: StoredSnapshot<BackupInventory>[];
  reports?: StoredBackupReport[];
  drills?: Drill[];
}) {
  const snapshots = {
    list: async () => options.snapshots ?? [],
  } as unknown as SnapshotStore;
  const reports: BackupReportStore = {
    record: async () => {},
    list: async ({ entityRef, environment }) =>
      (options.reports ?? []).filter(
        r => r.entityRef === entityRef && r.environment === environment,
      ),
    version: async () => String(options.reports?.length ?? 0),
  };
  const drills: DrillStore = {
    record: async drill => ({ drill, created: true }),
    list: async ({ entityRef } = {}) =>
      (options.drills ?? []).filter(
        d => !entityRef || d.entityRefs.includes(entityRef),
      ),
    version: async () => String(options.drills?.length ?? 0),
  };
  return BackupService.create({
    snapshots,
    reports,
    drills,
    config: config!,
    clock: () => NOW,
  });
}

describe('BackupService', () => {
  it('judges Velero backups per environment and says what is wrong with the source', async () => {
    const service = serviceWith({
      snapshots: [snapshot('production'), snapshot('staging')],
    });
    const { backups } = await service.withBackups(orders);
    expect(backups.rpo).toBe('breached');
    expect(backups.environments[0]).toMatchObject({
      environment: 'production',
      rpo: 'breached',
      fresh: true,
      schedule: { name: 'orders-daily', paused: true },
      storageLocations: [{ name: 'default', phase: 'Unavailable' }],
    });
    expect(backups.drill).toMatchObject({ state: 'missing' });
    expect(await service.sources()).toEqual([
      expect.objectContaining({
        id: 'velero:production',
        state: 'ok',
        items: 1,
        warnings: [
          'Backup storage location default is Unavailable: every backup to it fails',
          'Schedule orders-daily is paused: it makes no backups',
        ],
      }),
      expect.objectContaining({ id: 'velero:staging' }),
    ]);
  });

  it('keeps the last known backup but never says ok when the source is down', async () => {
    const service = serviceWith({
      snapshots: [
        snapshot('production', {
          lastError:
            'Kubernetes API of production at https://10.0.0.1:6443 did not answer: connect ECONNREFUSED 10.0.0.1:6443',
        }),
        snapshot('staging', { fetchedAt: NOW.minus({ hours: 2 }).toISO()! }),
      ],
    });
    const { backups } = await service.withBackups(orders);
    expect(
      backups.environments.map(entry => [
        entry.environment,
        entry.rpo,
        entry.fresh,
      ]),
    ).toEqual([
      ['production', 'unknown', false],
      ['staging', 'unknown', false],
    ]);
    expect(backups.environments[0].lastSuccess?.name).toBe(
      'orders-daily-20261126',
    );
    expect(backups.environments[0].lastError).not.toContain('10.0.0.1');
    expect((await service.sources()).map(source => source.state)).toEqual([
      'failing',
      'stale',
    ]);
  });

  it('says which config is missing when an environment has no Velero source', async () => {
    const { backups } = await serviceWith({}).withBackups(orders);
    expect(backups.environments[0]).toMatchObject({
      rpo: 'unknown',
      lastError: expect.stringContaining(
        'add kubernetes to its entry in platformOps.environments',
      ),
    });
  });

  it('judges a push component on its reports', async () => {
    const dumps = summarizeEntity(
      entity('orders-db', {
        'platform-ops/backup-source': 'push',
        'platform-ops/environments': 'production',
      }),
      config!,
      NOW,
    );
    const service = serviceWith({
      reports: [
        {
          id: 'dump-1',
          entityRef: 'component:default/orders-db',
          environment: 'production',
          status: 'completed',
          startedAt: '2026-11-28T01:00:00Z',
          completedAt: '2026-11-28T01:30:00Z',
          receivedAt: '2026-11-28T01:30:02Z',
          receivedFrom: 'external:pg-dump',
        },
      ],
    });
    const { backups } = await service.withBackups(dumps);
    expect(backups.environments).toEqual([
      expect.objectContaining({
        sourceId: 'push',
        rpo: 'ok',
        lastSuccess: expect.objectContaining({ name: 'dump-1' }),
      }),
    ]);
  });

  it('lists drills with overdue and missing components first', async () => {
    const velero = summarizeEntity(
      entity('velero', {
        'platform-ops/backup-source': 'velero:schedule=daily-platform',
      }),
      config!,
      NOW,
    );
    const ingress = summarizeEntity(
      entity('ingress-nginx', { 'platform-ops/backup-source': 'none' }),
      config!,
      NOW,
    );
    const drill = (id: string, ref: string, date: string): Drill => ({
      id,
      entityRefs: [ref],
      environment: 'staging',
      date,
      scenario: 'restore',
      ledBy: 'user:default/jane',
      outcome: 'succeeded',
      wentWell: '',
      toImprove: '',
      actionItems: [],
      recordedBy: 'user:default/jane',
      recordedAt: `${date}T10:00:00Z`,
    });
    const service = serviceWith({
      drills: [
        drill('drill-velero-1', 'component:default/velero', '2026-10-01'),
        drill(
          'drill-orders-1',
          'component:default/postgresql-orders',
          '2026-01-10',
        ),
      ],
    });
    const overview = await service.drillOverview([velero, orders, ingress]);
    expect(
      overview.components.map(entry => [entry.entity.name, entry.state]),
    ).toEqual([
      ['postgresql-orders', 'overdue'],
      ['velero', 'ok'],
    ]);
    expect(overview.drills.map(entry => entry.id)).toEqual([
      'drill-velero-1',
      'drill-orders-1',
    ]);
  });
});
