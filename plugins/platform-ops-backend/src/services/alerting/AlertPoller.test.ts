import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ComponentIndex,
  parsePlatformOpsConfig,
} from '@platform-ops/plugin-platform-ops-common';
import {
  AlertSource,
  SourceAlert,
} from '@platform-ops/plugin-platform-ops-node';
import { DateTime } from 'luxon';
import { EntityIndex } from '../EntityIndex';
import { SnapshotStore } from '../SnapshotStore';
import { AlertHistoryStore } from './AlertHistoryStore';
import { AlertPoller } from './AlertPoller';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

function component(name: string, namespace: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: {
        'platform-ops/scope': 'platform',
        'platform-ops/environments': 'production',
        'platform-ops/alert-matchers': `{namespace="${namespace}"}`,
        'platform-ops/alert-levels': 'production=P1',
      },
    },
    spec: { type: 'service', owner: 'group:default/platform-team' },
  };
}

function alert(fingerprint: string, namespace: string): SourceAlert {
  return {
    fingerprint,
    labels: { alertname: 'Down', namespace },
    annotations: {},
    startsAt: '2026-11-22T11:00:00Z',
    state: 'active',
    silencedBy: [],
    inhibitedBy: [],
  };
}

async function setup() {
  const knex = await databases.init('SQLITE_3');
  const database = mockServices.database({ knex, migrations: { skip: false } });
  let entities = [component('ingress-nginx', 'ingress-nginx')];
  const catalog = catalogServiceMock.mock({
    async *streamEntities() {
      yield entities;
    },
  });
  const { config } = parsePlatformOpsConfig({
    environments: [
      {
        name: 'production',
        alertmanager: { baseUrl: 'http://127.0.0.1:9093' },
      },
    ],
  });
  const clock = () => DateTime.fromISO('2026-11-22T12:00:00Z');
  const index = EntityIndex.create({
    catalog,
    auth: mockServices.auth(),
    config: config!,
    logger: mockServices.logger.mock(),
    clock,
  });
  let alerts: SourceAlert[] = [];
  const source: AlertSource = {
    id: 'alertmanager:production',
    environment: 'production',
    fetchAlerts: async () => alerts,
  };
  const history = await AlertHistoryStore.create({ database });
  const poller = AlertPoller.create({
    sources: [source],
    snapshots: await SnapshotStore.create({ database }),
    history,
    index,
    config: config!,
    logger: mockServices.logger.mock(),
    clock,
  });
  return {
    poller,
    index,
    history,
    setAlerts: (next: SourceAlert[]) => {
      alerts = next;
    },
    setEntities: (next: Entity[]) => {
      entities = next;
    },
  };
}

describe('AlertPoller', () => {
  afterEach(() => jest.restoreAllMocks());

  it('indexes the matchers once per entity index refresh, not once per poll', async () => {
    const { poller, index, history, setAlerts, setEntities } = await setup();
    const builds = jest.spyOn(ComponentIndex, 'build');
    setAlerts([alert('a', 'ingress-nginx'), alert('b', 'orders')]);
    await poller.poll();
    await poller.poll();
    await poller.poll();
    expect(builds).toHaveBeenCalledTimes(1);
    expect(
      await history.dailyCounts(
        'component:default/ingress-nginx',
        '2026-11-22',
      ),
    ).toEqual([
      { day: '2026-11-22', environment: 'production', level: 'P1', count: 1 },
    ]);

    // A component appears in the catalog: the next poll matches it.
    setEntities([
      component('ingress-nginx', 'ingress-nginx'),
      component('orders', 'orders'),
    ]);
    await poller.poll();
    expect(
      await history.dailyCounts('component:default/orders', '2026-11-22'),
    ).toEqual([]);
    await index.refresh();
    await poller.poll();
    await poller.poll();
    expect(builds).toHaveBeenCalledTimes(2);
    expect(
      await history.dailyCounts('component:default/orders', '2026-11-22'),
    ).toEqual([
      { day: '2026-11-22', environment: 'production', level: 'P1', count: 1 },
    ]);
  });
});
