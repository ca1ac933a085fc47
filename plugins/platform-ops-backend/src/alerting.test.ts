import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { OpsSummary } from '@platform-ops/plugin-platform-ops-common';
import { JsonObject } from '@backstage/types';
import request from 'supertest';
import {
  eventually,
  startAlertmanager,
  TestAlertmanager,
} from './__testUtils__/alertmanager';
import { loadDemoConfig, loadDemoEntities } from './__testUtils__/demoPlatform';
import { manualScheduler } from './__testUtils__/manualScheduler';
import { platformOpsPlugin } from './plugin';

/**
 * The plugin with the demo catalog and two real Alertmanagers: production
 * with the Watchdog heartbeat, staging without. The test scheduler polls once
 * at startup; the test triggers further polls itself.
 */
describe('live alerting with real Alertmanagers', () => {
  let production: TestAlertmanager;
  let staging: TestAlertmanager;
  let server: Parameters<typeof request>[0];
  let stopBackend: () => Promise<void>;
  const scheduler = manualScheduler();

  const summary = async (name: string): Promise<OpsSummary> => {
    const response = await request(server).get(
      `/api/platform-ops/summary/component/default/${name}`,
    );
    expect(response.status).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    [production, staging] = await Promise.all([
      startAlertmanager(),
      startAlertmanager(),
    ]);
    await production.post([
      {
        labels: {
          alertname: 'IngressControllerDown',
          namespace: 'ingress-nginx',
          app: 'ingress-nginx',
          severity: 'critical',
        },
        annotations: { summary: 'No ingress controller pod is ready' },
        generatorURL: 'http://127.0.0.1:9090/graph',
      },
      {
        labels: {
          alertname: 'IngressLatencyHigh',
          namespace: 'ingress-nginx',
          app: 'ingress-nginx',
          priority: 'P3',
        },
      },
      // The heartbeat carries the labels of the alertmanager component; it
      // must still never count as that component's alert.
      {
        labels: {
          alertname: 'Watchdog',
          severity: 'none',
          namespace: 'monitoring',
          app: 'alertmanager',
        },
      },
    ]);
    await production.silence(
      [{ name: 'alertname', value: 'IngressLatencyHigh' }],
      'known during the load test',
    );
    await staging.post([
      {
        labels: {
          alertname: 'IngressControllerDown',
          namespace: 'ingress-nginx',
          app: 'ingress-nginx',
        },
      },
    ]);

    const demo = loadDemoConfig();
    const platformOps = demo.platformOps as JsonObject & {
      environments: JsonObject[];
      alerting?: JsonObject;
    };
    // A poll lease of one second: a trigger a second later polls again.
    platformOps.alerting = { ...platformOps.alerting, pollInterval: '1s' };
    const { environments } = platformOps;
    for (const environment of environments) {
      const alertmanager =
        environment.name === 'production' ? production : staging;
      environment.alertmanager = {
        baseUrl: alertmanager.baseUrl,
        heartbeat: { alertname: 'Watchdog' },
      };
    }
    const backend = await startTestBackend({
      features: [
        platformOpsPlugin,
        catalogServiceMock.factory({ entities: loadDemoEntities() }),
        mockServices.rootConfig.factory({ data: demo }),
        scheduler.factory,
      ],
    });
    server = backend.server;
    stopBackend = () => backend.stop();
  });

  afterAll(async () => {
    await stopBackend?.();
    await Promise.all([production?.stop(), staging?.stop()]);
  });

  it('shows the live P1 in production, the silenced alert marked, and the missing staging heartbeat', async () => {
    const { alerting } = await eventually(async () => {
      const current = await summary('ingress-nginx');
      return current.alerting.alerts.length === 3 ? current : undefined;
    });

    expect(
      alerting.alerts.map(alert => [
        alert.environment,
        alert.alertname,
        alert.level,
        alert.state,
      ]),
    ).toEqual([
      ['production', 'IngressControllerDown', 'P1', 'active'],
      ['staging', 'IngressControllerDown', 'P2', 'active'],
      ['production', 'IngressLatencyHigh', 'P3', 'suppressed'],
    ]);
    const [down, , silenced] = alerting.alerts;
    expect(down).toMatchObject({
      levelSource: 'component',
      summary: 'No ingress controller pod is ready',
      generatorURL: 'http://127.0.0.1:9090/graph',
    });
    expect(silenced.levelSource).toBe('priority-label');
    expect(silenced.silencedBy).toHaveLength(1);
    expect(alerting.counts).toEqual({ P1: 1, P2: 1, P3: 0 });
    expect(alerting.status).toEqual([
      expect.objectContaining({
        environment: 'staging',
        heartbeat: 'missing',
        fetchedAt: expect.any(String),
      }),
      expect.objectContaining({
        environment: 'production',
        heartbeat: 'ok',
        fetchedAt: expect.any(String),
      }),
    ]);
    expect(alerting.trustworthy).toBe(false);
  });

  it('reports each source in /sources', async () => {
    const response = await request(server).get('/api/platform-ops/sources');
    expect(response.status).toBe(200);
    expect(response.body.sources).toEqual([
      expect.objectContaining({
        id: 'alertmanager:production',
        environment: 'production',
        items: 3,
        heartbeat: 'ok',
      }),
      expect.objectContaining({
        id: 'alertmanager:staging',
        environment: 'staging',
        items: 1,
        heartbeat: 'missing',
      }),
    ]);
  });

  it('adds live counts to the incident lookup', async () => {
    const response = await request(server)
      .get('/api/platform-ops/lookup')
      .query({ q: 'ingress-nginx' });
    expect(response.body.results[0]).toMatchObject({
      alerts: { P1: 1, P2: 1, P3: 0 },
      alertsTrustworthy: false,
    });
  });

  it('records the day’s alerts for the noise review', async () => {
    const response = await request(server).get(
      '/api/platform-ops/alerts/history/component/default/ingress-nginx?days=1',
    );
    expect(response.status).toBe(200);
    expect(response.body.days).toEqual([
      expect.objectContaining({
        environment: 'production',
        level: 'P1',
        count: 1,
      }),
      expect.objectContaining({
        environment: 'staging',
        level: 'P2',
        count: 1,
      }),
    ]);
  });

  it('records silenced alerts for the noise review, which the chart leaves out', async () => {
    const response = await request(server).get(
      '/api/platform-ops/alerts/noise?environment=production',
    );
    expect(response.status).toBe(200);
    expect(
      response.body.rows
        .filter(
          (row: { entityRef: string }) =>
            row.entityRef === 'component:default/ingress-nginx',
        )
        .map((row: Record<string, unknown>) => [
          row.level,
          row.fired,
          row.silenced,
        ]),
    ).toEqual([
      ['P1', 1, 0],
      ['P3', 1, 1],
    ]);
    expect(response.body.recordedAt).toEqual(expect.any(String));
  });

  it('leaves the heartbeat out of components on the read path and in the history alike', async () => {
    const current = await summary('alertmanager');
    expect(current.alerting.alerts).toEqual([]);
    const response = await request(server).get(
      '/api/platform-ops/alerts/history/component/default/alertmanager?days=1',
    );
    expect(response.status).toBe(200);
    expect(response.body.days).toEqual([]);
  });

  it('keeps the last known alerts, marked stale, when Alertmanager stops: never a 500', async () => {
    const before = await summary('ingress-nginx');
    const fetchedBefore = before.alerting.status.find(
      entry => entry.environment === 'production',
    )!.fetchedAt;
    await production.stop();

    const after = await eventually(async () => {
      // A tick polls once the last poll's lease (one interval) is over.
      await scheduler.trigger('platform-ops-alerts-poll');
      const current = await summary('ingress-nginx');
      const status = current.alerting.status.find(
        entry => entry.environment === 'production',
      )!;
      return status.lastError ? current : undefined;
      // Snapshots are cached for up to 5 s.
    }, 100);
    const status = after.alerting.status.find(
      entry => entry.environment === 'production',
    )!;
    expect(status.heartbeat).toBe('unreachable');
    // Every signed-in user reads this: no internal address in it.
    expect(status.lastError).toMatch(/^Alertmanager did not answer/);
    expect(status.lastError).not.toContain('127.0.0.1');
    expect(status.fetchedAt).toBe(fetchedBefore);
    expect(
      after.alerting.alerts.filter(alert => alert.environment === 'production'),
    ).toHaveLength(2);
    expect(after.alerting.trustworthy).toBe(false);
  }, 20_000);
});
