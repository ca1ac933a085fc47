import { Entity } from '@backstage/catalog-model';
import {
  parsePlatformOpsConfig,
  summarizeEntity,
} from '@platform-ops/plugin-platform-ops-common';
import { SourceAlert } from '@platform-ops/plugin-platform-ops-node';
import { DateTime } from 'luxon';
import { SnapshotStore, StoredSnapshot } from '../SnapshotStore';
import { AlertService } from './AlertService';

const NOW = DateTime.fromISO('2026-11-22T12:00:00Z', { zone: 'utc' });

const { config } = parsePlatformOpsConfig({
  environments: [
    { name: 'production', alertmanager: { baseUrl: 'http://127.0.0.1:9093' } },
    { name: 'staging', alertmanager: { baseUrl: 'http://127.0.0.1:9094' } },
  ],
  alerting: { pollInterval: '2s' },
});

const entity: Entity = {
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

const alert = (
  alertname: string,
  labels: Record<string, string> = {},
): SourceAlert => ({
  fingerprint: alertname,
  labels: { alertname, ...labels },
  annotations: {},
  startsAt: '2026-11-22T11:00:00Z',
  state: 'active',
  silencedBy: [],
  inhibitedBy: [],
});

function serviceWith(snapshots: StoredSnapshot<SourceAlert[]>[]) {
  const store = { list: async () => snapshots } as unknown as SnapshotStore;
  return AlertService.create({
    snapshots: store,
    config: config!,
    clock: () => NOW,
  });
}

function snapshot(
  environment: string,
  fetchedSecondsAgo: number,
  data: SourceAlert[],
): StoredSnapshot<SourceAlert[]> {
  const at = NOW.minus({ seconds: fetchedSecondsAgo }).toISO()!;
  return {
    sourceId: `alertmanager:${environment}`,
    kind: 'alerts',
    environment,
    fetchedAt: at,
    attemptedAt: at,
    data,
  };
}

describe('AlertService', () => {
  const summary = summarizeEntity(entity, config!, NOW);

  it('trusts data younger than a minute even when the poll interval is 2 s', async () => {
    const service = serviceWith([
      snapshot('production', 45, [
        alert('Watchdog'),
        alert('IngressDown', { namespace: 'ingress-nginx' }),
      ]),
      snapshot('staging', 45, [alert('Watchdog')]),
    ]);
    const { alerting } = await service.withAlerts(summary);
    expect(alerting.status.map(entry => entry.heartbeat)).toEqual(['ok', 'ok']);
    expect(alerting.trustworthy).toBe(true);
    expect(alerting.counts).toEqual({ P1: 1, P2: 0, P3: 0 });
  });

  it('distrusts data older than the floor, keeping the alerts', async () => {
    const service = serviceWith([
      snapshot('production', 61, [
        alert('Watchdog'),
        alert('IngressDown', { namespace: 'ingress-nginx' }),
      ]),
      snapshot('staging', 10, [alert('Watchdog')]),
    ]);
    const { alerting } = await service.withAlerts(summary);
    expect(
      alerting.status.find(entry => entry.environment === 'production'),
    ).toMatchObject({
      heartbeat: 'unreachable',
      lastError: undefined,
    });
    expect(alerting.alerts.map(entry => entry.alertname)).toEqual([
      'IngressDown',
    ]);
    expect(alerting.trustworthy).toBe(false);
  });

  it('never links a non-http generator URL', async () => {
    const hostile = {
      ...alert('IngressDown', { namespace: 'ingress-nginx' }),
      generatorURL: 'file:///etc/passwd',
    };
    const service = serviceWith([
      snapshot('production', 5, [alert('Watchdog'), hostile]),
    ]);
    const { alerting } = await service.withAlerts(summary);
    expect(alerting.alerts[0].generatorURL).toBeUndefined();
  });

  it('never lists the heartbeat as a component alert, even when its matchers accept it', async () => {
    const monitoring = summarizeEntity(
      {
        ...entity,
        metadata: {
          name: 'prometheus',
          annotations: {
            'platform-ops/scope': 'platform',
            'platform-ops/alert-matchers': '{namespace="monitoring"}',
          },
        },
      },
      config!,
      NOW,
    );
    const service = serviceWith([
      snapshot('production', 5, [
        alert('Watchdog', { namespace: 'monitoring' }),
        alert('PrometheusDown', { namespace: 'monitoring' }),
      ]),
      snapshot('staging', 5, [alert('Watchdog', { namespace: 'monitoring' })]),
    ]);
    const { alerting } = await service.withAlerts(monitoring);
    expect(alerting.alerts.map(entry => entry.alertname)).toEqual([
      'PrometheusDown',
    ]);
    expect(alerting.status.map(entry => entry.heartbeat)).toEqual(['ok', 'ok']);
  });

  it('tells every user how each source is, without its internal address', async () => {
    const failing: StoredSnapshot<SourceAlert[]> = {
      ...snapshot('production', 30, [alert('Watchdog')]),
      lastError:
        'Alertmanager at http://10.20.30.40:9093 did not answer: connect ECONNREFUSED 10.20.30.40:9093',
    };
    const service = serviceWith([failing, snapshot('staging', 600, [])]);
    const sources = await service.sources();
    expect(sources).toEqual([
      expect.objectContaining({
        id: 'alertmanager:production',
        environment: 'production',
        state: 'failing',
        lastError: 'Alertmanager did not answer: connection refused',
        items: 1,
      }),
      expect.objectContaining({
        id: 'alertmanager:staging',
        state: 'stale',
        lastError: undefined,
      }),
    ]);
    expect(JSON.stringify(sources)).not.toContain('10.20.30.40');
    const { alerting } = await service.withAlerts(summary);
    expect(JSON.stringify(alerting.status)).not.toContain('10.20.30.40');
  });
});
