import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  OpsSummary,
  SourceStatus,
} from '@platform-ops/plugin-platform-ops-common';
import net from 'net';
import request from 'supertest';
import {
  eventually,
  startAlertmanager,
  TestAlertmanager,
} from './__testUtils__/alertmanager';
import {
  demoKubernetes,
  KubernetesStandIn,
} from './__testUtils__/kubernetesStandIn';
import { manualScheduler } from './__testUtils__/manualScheduler';
import { freePort } from './__testUtils__/postgres';
import { VELERO_OBJECTS } from './__testUtils__/veleroObjects';
import { platformOpsPlugin } from './plugin';

// Faults of every source the backend polls, each while the API is asked
// again and again: never a 500, the last data kept and marked stale with
// its age, and the next poll after the fault recovers by itself. Also: no
// annotation value ever makes the backend open a connection.

const TOKEN = 'reliability-token-0123456789';

/** Requests per endpoint in each phase; the doc's figures count these. */
const ROUNDS = 10;

/**
 * A loopback listener in front of a real Alertmanager that a test can take
 * down (nothing listens), make slow (accepts and never answers) or bring
 * back, always on the same port, which is the one in config.
 */
async function faultyProxy(port: number, upstreamPort: number) {
  let mode: 'up' | 'slow' = 'up';
  const sockets = new Set<net.Socket>();
  const server = net.createServer(socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (mode === 'slow') return;
    const upstream = net.connect(upstreamPort, '127.0.0.1');
    upstream.on('error', () => socket.destroy());
    socket.pipe(upstream).pipe(socket);
  });
  let listening = false;
  const listen = () =>
    new Promise<void>(resolve => {
      server.listen(port, '127.0.0.1', () => {
        listening = true;
        resolve();
      });
    });
  const close = async () => {
    for (const socket of sockets) socket.destroy();
    if (listening) {
      listening = false;
      await new Promise(resolve => server.close(resolve));
    }
  };
  await listen();
  return {
    async down() {
      await close();
    },
    async slow() {
      mode = 'slow';
      // Kept-alive connections would still reach Alertmanager.
      for (const socket of sockets) socket.destroy();
      if (!listening) await listen();
    },
    async up() {
      mode = 'up';
      for (const socket of sockets) socket.destroy();
      if (!listening) await listen();
    },
    close,
  };
}

/** A loopback listener that counts every connection made to it. */
async function recordingListener() {
  let connections = 0;
  const server = net.createServer(socket => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    connections: () => connections,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'service',
      owner: 'group:default/platform-team',
      lifecycle: 'production',
    },
  };
}

describe('faults of the sources and URLs in annotations', () => {
  const scheduler = manualScheduler();
  let alertmanager: TestAlertmanager;
  let proxy: Awaited<ReturnType<typeof faultyProxy>>;
  let listener: Awaited<ReturnType<typeof recordingListener>>;
  let kubernetes: KubernetesStandIn | undefined;
  let kubernetesPort: number;
  let server: Parameters<typeof request>[0];
  let stopBackend: () => Promise<void>;
  /** Every status the API answered, across all phases. */
  const statuses: number[] = [];

  /** Polls are leased for their interval (1 s here): a trigger after it polls. */
  const leaseExpiry = () => new Promise(resolve => setTimeout(resolve, 1_100));
  async function pollNow(id: string) {
    await leaseExpiry();
    await scheduler.trigger(id);
  }

  async function get(path: string) {
    const response = await request(server).get(`/api/platform-ops${path}`);
    statuses.push(response.status);
    return response;
  }

  /** ROUNDS requests to each of the four read endpoints; their statuses. */
  async function hammer(): Promise<number[]> {
    const seen: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const path of [
        '/summary/component/default/ingress-nginx',
        '/overview',
        '/sources',
        '/lookup?q=ingress',
      ]) {
        seen.push((await get(path)).status);
      }
    }
    return seen;
  }

  async function production(): Promise<OpsSummary> {
    return (await get('/summary/component/default/ingress-nginx')).body;
  }

  async function source(id: string): Promise<SourceStatus> {
    const { body } = await get('/sources');
    return body.sources.find((entry: SourceStatus) => entry.id === id);
  }

  /** The source once it is in `state`: /sources re-reads every 5 s. */
  async function sourceIn(id: string, state: SourceStatus['state']) {
    return eventually(async () => {
      const current = await source(id);
      return current?.state === state ? current : undefined;
    });
  }

  beforeAll(async () => {
    alertmanager = await startAlertmanager();
    await alertmanager.post([
      {
        labels: {
          alertname: 'IngressControllerDown',
          namespace: 'ingress-nginx',
          severity: 'critical',
        },
      },
      { labels: { alertname: 'Watchdog', severity: 'none' } },
    ]);
    const alertmanagerPort = await freePort();
    proxy = await faultyProxy(
      alertmanagerPort,
      Number(new URL(alertmanager.baseUrl).port),
    );
    listener = await recordingListener();
    // Nothing listens here until the test starts the stand-in.
    kubernetesPort = await freePort();
    const at = `http://127.0.0.1:${listener.port}`;
    const entities = [
      component('ingress-nginx', {
        'platform-ops/scope': 'platform',
        'platform-ops/environments': 'production',
        'platform-ops/alert-matchers': '{namespace="ingress-nginx"}',
        'platform-ops/backup-source': 'velero:schedule=nightly',
        'backstage.io/kubernetes-id': 'ingress-nginx',
      }),
      // Every URL-ish field points at the recording listener.
      component('points-at-listener', {
        'platform-ops/scope': 'platform',
        'platform-ops/environments': 'production',
        'platform-ops/runbook': `${at}/runbook`,
        'platform-ops/escalation': `user:default/${listener.port}`,
        'platform-ops/alert-matchers': `{generatorURL="${at}/graph", namespace=~"${at}.*"}`,
        'platform-ops/backup-source': `velero:selector=url=${at}`,
        'platform-ops/backup-scope': `bucket:${at}/backups`,
        'platform-ops/release': `${at}@1.31`,
        'platform-ops/audits': `application=2026-01-01`,
        'backstage.io/kubernetes-id': at,
        'backstage.io/kubernetes-label-selector': `url=${listener.port}`,
        'backstage.io/kubernetes-namespace': at,
        'backstage.io/kubernetes-api-server': at,
        'backstage.io/source-location': `url:${at}/repo`,
      }),
    ];
    const backend = await startTestBackend({
      features: [
        platformOpsPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            platformOps: {
              alerting: { pollInterval: '1s' },
              backups: { pollInterval: '1s' },
              maintenance: { pollInterval: '1s' },
              environments: [
                {
                  name: 'production',
                  alertmanager: {
                    baseUrl: `http://127.0.0.1:${alertmanagerPort}`,
                  },
                  kubernetes: {
                    url: `http://127.0.0.1:${kubernetesPort}`,
                    serviceAccountToken: TOKEN,
                    skipTLSVerify: true,
                  },
                },
              ],
            },
          },
        }),
        scheduler.factory,
      ],
    });
    server = backend.server;
    stopBackend = () => backend.stop();
  });

  afterAll(async () => {
    await stopBackend?.();
    await Promise.all([
      proxy?.close(),
      listener?.close(),
      kubernetes?.stop(),
      alertmanager?.stop(),
    ]);
  });

  it('serves while the Kubernetes API is down, then recovers on the next poll', async () => {
    // The startup polls found nothing listening on the Kubernetes port.
    const seen = await hammer();
    expect(seen.filter(status => status >= 500)).toEqual([]);
    expect(seen).toHaveLength(4 * ROUNDS);
    const backups = await source('velero:production');
    expect(backups).toMatchObject({ state: 'failing', items: 0 });
    expect(backups.fetchedAt).toBeUndefined();
    const down = await production();
    expect(down.backups.environments[0]).toMatchObject({
      fresh: false,
      rpo: 'unknown',
    });
    expect(down.maintenance.drainReadiness[0].state).toBe('unknown');

    // On the port in config, where nothing listened until now.
    kubernetes = await demoKubernetes.startKubernetesStandIn({
      objects: VELERO_OBJECTS,
      token: TOKEN,
      host: '127.0.0.1',
      port: kubernetesPort,
    });
    await pollNow('platform-ops-backups-poll');
    await pollNow('platform-ops-clusters-poll');
    const recovered = await sourceIn('velero:production', 'ok');
    expect(recovered.items).toBeGreaterThan(0);
    const summary = await eventually(async () => {
      const current = await production();
      return current.backups.environments[0]?.fresh ? current : undefined;
    });
    expect(summary.backups.environments[0].lastError).toBeUndefined();
  }, 30_000);

  it('keeps the last alerts, stale with their age, while Alertmanager is down, then recovers', async () => {
    const before = await eventually(async () => {
      const current = await production();
      return current.alerting.alerts.length === 1 ? current : undefined;
    });
    const fetchedAt = before.alerting.status[0].fetchedAt;
    expect(fetchedAt).toEqual(expect.any(String));

    await proxy.down();
    await pollNow('platform-ops-alerts-poll');
    const seen = await hammer();
    expect(seen.filter(status => status >= 500)).toEqual([]);
    const stale = await eventually(async () => {
      const current = await production();
      return current.alerting.status[0].lastError ? current : undefined;
    });
    expect(stale.alerting.status[0]).toMatchObject({
      heartbeat: 'unreachable',
      fetchedAt,
    });
    expect(stale.alerting.alerts).toHaveLength(1);
    expect(stale.alerting.trustworthy).toBe(false);
    expect(await sourceIn('alertmanager:production', 'failing')).toMatchObject({
      fetchedAt,
      items: 2,
    });

    await proxy.up();
    await pollNow('platform-ops-alerts-poll');
    expect(await sourceIn('alertmanager:production', 'ok')).toMatchObject({
      heartbeat: 'ok',
    });
    const recovered = await eventually(async () => {
      const current = await production();
      return current.alerting.status[0].heartbeat === 'ok'
        ? current
        : undefined;
    });
    expect(recovered.alerting.status[0].fetchedAt! > fetchedAt!).toBe(true);
  }, 30_000);

  it('gives up on an Alertmanager that never answers within the 10 s timeout, serving meanwhile', async () => {
    await proxy.slow();
    const started = Date.now();
    await leaseExpiry();
    const poll = scheduler.trigger('platform-ops-alerts-poll');
    // While the poll waits, every request is answered, and fast.
    const during: number[] = [];
    let slowest = 0;
    while (Date.now() - started < 8_000) {
      const before = Date.now();
      during.push(...(await hammer()));
      slowest = Math.max(slowest, Date.now() - before);
    }
    await poll;
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(9_500);
    expect(took).toBeLessThan(15_000);
    expect(during.filter(status => status >= 500)).toEqual([]);
    expect(during.length).toBeGreaterThanOrEqual(4 * ROUNDS);
    // A whole round of 40 requests, not one request, took this long.
    expect(slowest).toBeLessThan(5_000);
    const failing = await sourceIn('alertmanager:production', 'failing');
    expect(failing.lastError).toMatch(/10 s/);

    await proxy.up();
    await pollNow('platform-ops-alerts-poll');
    await sourceIn('alertmanager:production', 'ok');
  }, 40_000);

  it('never connects to a URL from an annotation, and answered no request with a 5xx', async () => {
    await pollNow('platform-ops-entity-index');
    await pollNow('platform-ops-alerts-poll');
    await pollNow('platform-ops-backups-poll');
    await pollNow('platform-ops-clusters-poll');
    for (let round = 0; round < ROUNDS; round++) {
      for (const path of [
        '/summary/component/default/points-at-listener',
        '/overview',
        '/sources',
        `/lookup?q=${listener.port}`,
        '/lookup?q=127.0.0.1',
        '/drills',
        '/changes?entity=component:default/points-at-listener',
      ]) {
        expect((await get(path)).status).toBeLessThan(500);
      }
    }
    const summary = (await get('/summary/component/default/points-at-listener'))
      .body as OpsSummary;
    expect(summary.scope.runbook).toBe(
      `http://127.0.0.1:${listener.port}/runbook`,
    );
    expect(listener.connections()).toBe(0);
    expect(statuses.length).toBeGreaterThan(400);
    expect(statuses.filter(status => status >= 500)).toEqual([]);
  }, 30_000);
});
