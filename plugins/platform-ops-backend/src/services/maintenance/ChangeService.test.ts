import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import {
  Change,
  changeInputSchema,
  parsePlatformOpsConfig,
  summarizeEntity,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { IndexedEntity } from '../EntityIndex';
import { ChangeNotifier } from './ChangeNotifier';
import {
  ChangeService,
  ChangeSilencer,
  SilencedComponent,
} from './ChangeService';
import { ChangeSilence } from './ChangeStore';
import { DatabaseChangeStore } from './DatabaseChangeStore';

const NOW = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const { config } = parsePlatformOpsConfig({
  environments: [
    {
      name: 'staging',
      maintenanceWindow: 'staging-monthly',
      alertmanager: { baseUrl: 'http://127.0.0.1:9094' },
    },
    {
      name: 'production',
      maintenanceWindow: 'prod-monthly',
      alertmanager: { baseUrl: 'http://127.0.0.1:9093' },
    },
  ],
  maintenance: {
    windows: {
      'prod-monthly': {
        rrule: 'FREQ=MONTHLY;BYDAY=2TU',
        start: '02:00',
        duration: '4h',
        timezone: 'Europe/Stockholm',
      },
      'staging-monthly': {
        rrule: 'FREQ=MONTHLY;BYDAY=1TU',
        start: '09:00',
        duration: '4h',
        timezone: 'Europe/Stockholm',
      },
    },
  },
});

const ingress: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'ingress-nginx',
    annotations: {
      'platform-ops/scope': 'platform',
      'platform-ops/alert-matchers': '{namespace="ingress-nginx"}',
      'platform-ops/alert-levels': 'production=P1, staging=P2',
    },
  },
  spec: { owner: 'group:default/platform-team' },
};
const ingressSummary = summarizeEntity(ingress, config!, NOW);

const graph = {
  dependsOn: new Map([
    [
      'component:default/checkout-service',
      ['component:default/payments-api', 'component:default/ingress-nginx'],
    ],
    ['component:default/payments-api', ['component:default/ingress-nginx']],
    [
      'component:default/storefront',
      ['component:default/checkout-service', 'component:default/storefront'],
    ],
  ]),
  owners: new Map([
    ['component:default/ingress-nginx', 'group:default/platform-team'],
    ['component:default/checkout-service', 'group:default/checkout-team'],
    ['component:default/payments-api', 'group:default/checkout-team'],
    ['component:default/storefront', 'group:default/web-team'],
  ]),
};

const announce = changeInputSchema.parse({
  id: 'change-ingress-112',
  title: 'Upgrade ingress-nginx to 1.12',
  class: 'major',
  entityRefs: ['component:default/ingress-nginx'],
  environments: ['staging', 'production'],
  window: 'prod-monthly',
  windowStart: '2027-01-12T01:00:00Z',
  updates: ['system-pods'],
  contingencyPlan: 'helm rollback ingress-nginx',
  silenceAlerts: true,
});

async function setUp(options: { failNotifications?: boolean } = {}) {
  const knex = await databases.init('SQLITE_3');
  const store = await DatabaseChangeStore.create({
    database: mockServices.database({ knex, migrations: { skip: false } }),
  });
  const sent: NotificationSendOptions[] = [];
  const silencer = {
    calls: [] as Array<{
      change: Change;
      components: SilencedComponent[];
      existing: ChangeSilence[];
    }>,
    removed: [] as ChangeSilence[],
    async silence(
      change: Change,
      components: SilencedComponent[],
      existing: ChangeSilence[],
    ) {
      this.calls.push({ change, components, existing });
      return {
        records: change.environments.map(environment => ({
          environment,
          entityRef: components[0].ref,
          silenceId: `${environment}-${change.sequence}`,
        })),
        skipped: [],
      };
    },
    async unsilence(records: ChangeSilence[]) {
      this.removed.push(...records);
    },
  };
  const service = ChangeService.create({
    store,
    index: {
      ensureLoaded: async () => {},
      get: ref =>
        ref === ingressSummary.entity.ref
          ? ({ ref, summary: ingressSummary } as IndexedEntity)
          : undefined,
      catalogGraph: graph,
    },
    config: config!,
    silencer: silencer as ChangeSilencer & typeof silencer,
    notifier: ChangeNotifier.create({
      notifications: {
        send: async notification => {
          if (options.failNotifications)
            throw new Error('notifications backend unreachable');
          sent.push(notification);
        },
      },
      logger: mockServices.logger.mock(),
      linkOf: change => `/platform-ops/maintenance?change=${change.id}`,
    }),
    clock: () => NOW,
  });
  return { service, store, sent, silencer };
}

describe('ChangeService', () => {
  it('announces a change in a window occurrence, silences its alerts and tells every owner once', async () => {
    const { service, sent, silencer } = await setUp();
    const { change, created, warnings } = await service.announce(
      announce,
      'user:default/jane',
    );
    expect(created).toBe(true);
    expect(warnings).toEqual([]);
    expect(change).toMatchObject({
      start: '2027-01-12T01:00:00.000Z',
      end: '2027-01-12T05:00:00.000Z',
      noticeRequired: '30d',
      noticeGiven: '44d',
      shortNotice: false,
      status: 'planned',
      sequence: 0,
    });
    expect(silencer.calls[0].components).toEqual([
      {
        ref: 'component:default/ingress-nginx',
        matchers: [
          { name: 'namespace', operator: '=', value: 'ingress-nginx' },
        ],
        levels: { staging: 'P2', production: 'P1' },
      },
    ]);
    expect(sent).toHaveLength(1);
    expect(sent[0].recipients).toEqual({
      type: 'entity',
      entityRef: [
        'group:default/checkout-team',
        'group:default/platform-team',
        'group:default/web-team',
      ],
    });
    expect(sent[0].payload).toMatchObject({
      title: 'major change announced: Upgrade ingress-nginx to 1.12',
      link: '/platform-ops/maintenance?change=change-ingress-112',
    });
  });

  it('announces a retried change once, with one notification', async () => {
    const { service, sent } = await setUp();
    await service.announce(announce, 'user:default/jane');
    const again = await service.announce(announce, 'user:default/jane');
    expect(again.created).toBe(false);
    expect(sent).toHaveLength(1);
  });

  it('records and flags a change with short notice, never refuses it', async () => {
    const { service } = await setUp();
    const { change, warnings } = await service.announce(
      {
        ...announce,
        id: 'change-short-1',
        class: 'minor',
        windowStart: '2026-12-08T01:00:00Z',
      },
      'user:default/jane',
    );
    expect(change).toMatchObject({ shortNotice: false, noticeGiven: '9d' });
    const urgent = await service.announce(
      {
        ...announce,
        id: 'change-short-2',
        windowStart: '2026-12-08T01:00:00Z',
      },
      'user:default/jane',
    );
    expect(urgent.change).toMatchObject({
      shortNotice: true,
      noticeRequired: '30d',
      noticeGiven: '9d',
    });
    expect(urgent.warnings[0]).toContain(
      'Short notice: a major change needs 30d, this one has 9d',
    );
    expect(warnings).toEqual([]);
  });

  it('refuses a time that is not an occurrence of the window, naming the next ones', async () => {
    const { service } = await setUp();
    await expect(
      service.announce(
        { ...announce, windowStart: '2027-01-13T01:00:00Z' },
        'user:default/jane',
      ),
    ).rejects.toThrow(
      'Invalid body: windowStart: not an occurrence of prod-monthly; the next ones start 2027-02-09T01:00:00.000Z, 2027-03-09T01:00:00.000Z',
    );
    await expect(
      service.announce({ ...announce, window: 'weekly' }, 'user:default/jane'),
    ).rejects.toThrow('Invalid body: window: not a window from config');
  });

  it('moves a postponed change: a new sequence, its silences replaced, owners told', async () => {
    const { service, sent, silencer } = await setUp();
    await service.announce(announce, 'user:default/jane');
    const { change } = await service.update('change-ingress-112', {
      status: 'postponed',
      start: '2027-02-09T01:00:00Z',
      end: '2027-02-09T05:00:00Z',
    });
    expect(change).toMatchObject({
      status: 'postponed',
      start: '2027-02-09T01:00:00.000Z',
      sequence: 1,
    });
    expect(
      silencer.calls[1].existing.map(silence => silence.silenceId),
    ).toEqual(['production-0', 'staging-0']);
    expect(sent.map(notification => notification.payload.title)).toEqual([
      'major change announced: Upgrade ingress-nginx to 1.12',
      'major change postponed: Upgrade ingress-nginx to 1.12',
    ]);
  });

  it('removes the silences of a cancelled change, and a cancelled change stays cancelled', async () => {
    const { service, store, silencer } = await setUp();
    await service.announce(announce, 'user:default/jane');
    await service.update('change-ingress-112', { status: 'cancelled' });
    expect(silencer.removed.map(silence => silence.silenceId)).toEqual([
      'production-0',
      'staging-0',
    ]);
    expect(await store.silences('change-ingress-112')).toEqual([]);
    await expect(
      service.update('change-ingress-112', { status: 'planned' }),
    ).rejects.toThrow('is cancelled; its status no longer changes');
  });

  it('shows a change on the components that depend on it, through cycles', async () => {
    const { service } = await setUp();
    await service.announce(announce, 'user:default/jane');
    const seen = await service.changesFor('component:default/storefront');
    expect(seen).toEqual([
      expect.objectContaining({
        id: 'change-ingress-112',
        via: 'component:default/ingress-nginx',
      }),
    ]);
    const own = await service.changesFor('component:default/ingress-nginx');
    expect(own[0].via).toBeUndefined();
  });

  it('keeps the change when the notifications backend fails, and says so', async () => {
    const { service, store } = await setUp({ failNotifications: true });
    const { warnings } = await service.announce(announce, 'user:default/jane');
    expect(warnings).toEqual([
      'Owners were not notified: notifications backend unreachable',
    ]);
    expect(await store.get('change-ingress-112')).toBeDefined();
  });
});
