import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AlertNoiseResponse } from '@platform-ops/plugin-platform-ops-common';
import { JsonObject } from '@backstage/types';
import request from 'supertest';
import { eventually } from './__testUtils__/alertmanager';
import { loadDemoConfig, loadDemoEntities } from './__testUtils__/demoPlatform';
import { manualScheduler } from './__testUtils__/manualScheduler';
import { freePort } from './__testUtils__/postgres';
import { platformOpsPlugin } from './plugin';

// The demo's own Alertmanagers, as `npm start` runs them.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
const demoAlertmanager = require('../../../scripts/demo-alertmanager.js');

/**
 * What the Alert noise tab shows on a fresh demo: the history starts at the
 * first poll, so it holds today's alerts only.
 */
describe('the alert-noise review on a fresh demo', () => {
  let handle: { urls: Record<string, string> } | undefined;
  let server: Parameters<typeof request>[0];
  let stopBackend: (() => Promise<void>) | undefined;
  // Polls once at startup, and never on a timer.
  const scheduler = manualScheduler();

  beforeAll(async () => {
    handle = await demoAlertmanager.start({
      ports: { production: await freePort(), staging: await freePort() },
      reseedIntervalMs: 0,
      log: () => {},
    });
    const demo = loadDemoConfig();
    const platformOps = demo.platformOps as JsonObject & {
      environments: Array<JsonObject & { name: string }>;
    };
    for (const environment of platformOps.environments) {
      environment.alertmanager = {
        ...(environment.alertmanager as JsonObject),
        baseUrl: handle!.urls[environment.name],
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
  }, 60_000);

  afterAll(async () => {
    await stopBackend?.();
    if (handle) await demoAlertmanager.stop(handle);
  });

  it('lists today’s alerts, with no weekly P1 and nothing mostly silenced yet', async () => {
    const review = await eventually(async () => {
      const response = await request(server).get(
        '/api/platform-ops/alerts/noise',
      );
      expect(response.status).toBe(200);
      const body = response.body as AlertNoiseResponse;
      return body.rows.length >= 5 ? body : undefined;
    });
    expect(
      review.rows.map(row => [
        row.entityRef,
        row.environment,
        row.level,
        row.fired,
        row.silenced,
      ]),
    ).toEqual([
      ['component:default/ingress-nginx', 'production', 'P1', 1, 0],
      ['component:default/cert-manager', 'staging', 'P2', 1, 0],
      ['component:default/ingress-nginx', 'staging', 'P2', 1, 0],
      ['component:default/velero', 'production', 'P2', 1, 0],
      ['component:default/fluentd', 'production', 'P3', 1, 1],
    ]);
    expect(review.frequentP1s.map(row => row.firesEveryWeek)).toEqual([false]);
    expect(review.mostlySilenced).toEqual([]);
    expect(review.recordedAt).toEqual(expect.any(String));
  });
});
