import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  OpsSummary,
  SourceStatus,
} from '@platform-ops/plugin-platform-ops-common';
import knexFactory, { Knex } from 'knex';
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
import { startPostgres, TestPostgres } from './__testUtils__/postgres';
import { VELERO_OBJECTS } from './__testUtils__/veleroObjects';
import { platformOpsPlugin } from './plugin';

// The plugin's database restarts while the API is in use: between rounds
// of requests, and in the middle of one. Reads served from memory never
// fail; a request that needs the database while it is down may get a 503
// that says so, never a 500; and once the database is back, the next poll
// stores fresh data and writes succeed, with the backend never restarted.

const TOKEN = 'restart-token-0123456789';

/** Restarts: every other one between two rounds, the others during rounds. */
const RESTARTS = 6;

/** Reads the backend answers from what it keeps in memory. */
const MEMORY_READS = [
  '/summary/component/default/ingress-nginx',
  '/overview',
  '/sources',
  '/lookup?q=ingress',
];

/** Reads that go to the database. */
const DATABASE_READS = [
  '/drills',
  '/drills?entity=component:default/ingress-nginx',
  '/changes',
  '/alerts/history/component/default/ingress-nginx',
];

const ingress: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'ingress-nginx',
    namespace: 'default',
    annotations: {
      'platform-ops/scope': 'platform',
      'platform-ops/environments': 'production',
      'platform-ops/alert-matchers': '{namespace="ingress-nginx"}',
      'platform-ops/backup-source': 'velero:schedule=nightly',
      'backstage.io/kubernetes-id': 'ingress-nginx',
    },
  },
  spec: {
    type: 'service',
    owner: 'group:default/platform-team',
    lifecycle: 'production',
  },
};

type Answer = { path: string; status: number; message?: string };

describe('PostgreSQL restarted mid-run', () => {
  const scheduler = manualScheduler();
  let postgres: TestPostgres;
  let alertmanager: TestAlertmanager;
  let kubernetes: KubernetesStandIn;
  let database: Knex;
  let server: Parameters<typeof request>[0];
  let stopBackend: (() => Promise<void>) | undefined;
  /** Every answer, by kind of request. */
  const memoryReads: Answer[] = [];
  const databaseReads: Answer[] = [];
  const writes: Answer[] = [];
  const rounds: Array<{ memory: Answer[]; databaseDown: boolean }> = [];
  /** Drill ids the backend said it stored (200 or 201). */
  const stored = new Set<string>();
  /** Drill ids whose POST was not confirmed (the database was down). */
  const unconfirmed = new Set<string>();
  let drillCount = 0;

  /** Polls are leased for their interval (1 s here): a trigger after it polls. */
  const leaseExpiry = () => new Promise(resolve => setTimeout(resolve, 1_100));
  async function pollNow(id: string) {
    await leaseExpiry();
    await scheduler.trigger(id);
  }

  function failures(answers: Answer[]) {
    return answers.filter(answer => answer.status >= 500);
  }

  async function get(path: string, into: Answer[]) {
    const response = await request(server).get(`/api/platform-ops${path}`);
    into.push({
      path,
      status: response.status,
      message: response.body?.error?.message,
    });
    return response;
  }

  function drill(id: string) {
    return {
      id,
      entityRefs: ['component:default/ingress-nginx'],
      environment: 'production',
      date: '2026-11-20',
      scenario: 'Restore the ingress configuration from last night',
      ledBy: 'user:default/jane',
      outcome: 'succeeded',
    };
  }

  async function postDrill(id: string) {
    const response = await request(server)
      .post('/api/platform-ops/drills')
      .send(drill(id));
    writes.push({
      path: 'POST /drills',
      status: response.status,
      message: response.body?.error?.message,
    });
    if (response.status === 200 || response.status === 201) {
      stored.add(id);
      unconfirmed.delete(id);
    } else {
      unconfirmed.add(id);
    }
    return response;
  }

  /**
   * One round: every read, and one new drill. The round found the database
   * down when a request that needs it got a 503.
   */
  async function round() {
    const memory: Answer[] = [];
    const needing: Answer[] = [];
    for (const path of MEMORY_READS) await get(path, memory);
    for (const path of DATABASE_READS) await get(path, needing);
    drillCount += 1;
    const write = await postDrill(
      `restart-drill-${String(drillCount).padStart(3, '0')}`,
    );
    // After a write the summaries are rebuilt, which needs the database.
    for (const path of MEMORY_READS) await get(path, memory);
    memoryReads.push(...memory);
    databaseReads.push(...needing);
    rounds.push({
      memory,
      databaseDown: write.status === 503 || failures(needing).length > 0,
    });
  }

  beforeAll(async () => {
    // knex reports each refused connection on the console; expected here.
    const log = console.log;
    jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      if (!/connection error/i.test(String(args[0]))) log(...args);
    });
    postgres = await startPostgres();
    alertmanager = await startAlertmanager();
    await alertmanager.post([
      {
        labels: {
          alertname: 'IngressControllerDown',
          namespace: 'ingress-nginx',
          severity: 'critical',
        },
      },
    ]);
    kubernetes = await demoKubernetes.startKubernetesStandIn({
      objects: VELERO_OBJECTS,
      token: TOKEN,
      host: '127.0.0.1',
      port: 0,
    });
    const backend = await startTestBackend({
      features: [
        platformOpsPlugin,
        catalogServiceMock.factory({ entities: [ingress] }),
        mockServices.rootConfig.factory({
          data: {
            backend: {
              database: {
                client: 'pg',
                connection: postgres.connectionString,
              },
            },
            platformOps: {
              alerting: { pollInterval: '1s' },
              backups: { pollInterval: '1s' },
              maintenance: { pollInterval: '1s' },
              environments: [
                {
                  name: 'production',
                  alertmanager: { baseUrl: alertmanager.baseUrl },
                  kubernetes: {
                    url: kubernetes.url,
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
    database = knexFactory({
      client: 'pg',
      connection: `${postgres.connectionString}/backstage_plugin_platform-ops`,
      pool: { min: 0, max: 2 },
    });
  }, 60_000);

  afterAll(async () => {
    await stopBackend?.();
    await database?.destroy();
    await Promise.all([kubernetes?.stop(), alertmanager?.stop()]);
    postgres?.stop();
  });

  /** Rounds until the restart is over, at least one. */
  async function roundsDuring(restart: Promise<void>) {
    let done = false;
    const restarted = restart.finally(() => {
      done = true;
    });
    do {
      await round();
    } while (!done);
    await restarted;
  }

  it('answers every round while PostgreSQL restarts between rounds and during them', async () => {
    await round();
    expect(stored.size).toBe(1);
    for (let restart = 0; restart < RESTARTS; restart++) {
      if (restart % 2 === 0) {
        await postgres.restart();
        await round();
      } else {
        // Down for a while in the middle of the rounds.
        await roundsDuring(postgres.restart({ downForMs: 700 }));
      }
    }
    await round();

    // Served from memory: always, and always the full answer, in the rounds
    // that found the database down too.
    expect(failures(memoryReads)).toEqual([]);
    expect(memoryReads.every(answer => answer.status === 200)).toBe(true);
    const downRounds = rounds.filter(entry => entry.databaseDown);
    expect(downRounds.length).toBeGreaterThanOrEqual(RESTARTS / 2);
    // Needing the database: a 503 that says so while it is down, never a 500.
    const needing = [...databaseReads, ...writes];
    expect(
      new Set(
        failures(needing).map(answer => `${answer.status} ${answer.message}`),
      ),
    ).toEqual(
      new Set([
        '503 The Platform Ops database cannot be reached just now; try again shortly',
      ]),
    );
    expect(
      needing.filter(
        answer => answer.status < 500 && ![200, 201].includes(answer.status),
      ),
    ).toEqual([]);
    const all = [...memoryReads, ...databaseReads, ...writes];
    expect(all.length).toBe(
      rounds.length * (2 * MEMORY_READS.length + DATABASE_READS.length + 1),
    );
    expect(rounds.length).toBeGreaterThanOrEqual(RESTARTS + 2);
    expect(failures(all).every(answer => answer.status === 503)).toBe(true);
    // eslint-disable-next-line no-console -- the figures in docs/reliability.md
    console.info(
      `PostgreSQL restarts: ${RESTARTS + 1}, rounds: ${rounds.length} (${
        downRounds.length
      } found it down), requests: ${all.length}, memory reads: ${
        memoryReads.length
      } (${
        downRounds.flatMap(entry => entry.memory).length
      } in rounds that found it down), ` +
        `5xx: ${failures(all).length} (all 503: ${
          failures(databaseReads).length
        } reads, ${failures(writes).length} writes), 500s: ${
          all.filter(answer => answer.status === 500).length
        }`,
    );
  }, 40_000);

  it('recovers by itself: fresh polls are stored, writes succeed, no drill lost or doubled', async () => {
    const restartedAt = new Date().toISOString();
    await postgres.restart();
    for (const poll of [
      'platform-ops-alerts-poll',
      'platform-ops-backups-poll',
      'platform-ops-clusters-poll',
    ]) {
      await pollNow(poll);
    }
    // Every source was fetched again after the restart, and is ok.
    const sources = await eventually(async () => {
      const { body } = await request(server).get('/api/platform-ops/sources');
      const list = body.sources as SourceStatus[];
      return list.length === 3 &&
        list.every(
          entry => entry.state === 'ok' && entry.fetchedAt! > restartedAt,
        )
        ? list
        : undefined;
    });
    expect(sources.map(entry => entry.id).sort()).toEqual([
      'alertmanager:production',
      expect.stringMatching(/production/),
      'velero:production',
    ]);
    const summary = await eventually(async () => {
      const { body } = await request(server).get(
        '/api/platform-ops/summary/component/default/ingress-nginx',
      );
      const current = body as OpsSummary;
      return current.alerting?.status[0]?.fetchedAt! > restartedAt
        ? current
        : undefined;
    });
    expect(summary.alerting.alerts).toHaveLength(1);
    expect(summary.backups.environments[0].fresh).toBe(true);

    // A write succeeds, and so does each one that was not confirmed,
    // retried with its id.
    const fresh = await postDrill('restart-drill-after');
    expect(fresh.status).toBe(201);
    for (const id of [...unconfirmed]) {
      expect([200, 201]).toContain((await postDrill(id)).status);
    }
    expect(unconfirmed.size).toBe(0);

    const { body } = await request(server).get('/api/platform-ops/drills');
    const listed = (body.drills as Array<{ id: string }>).map(
      entry => entry.id,
    );
    const posted = drillCount + 1;
    expect(stored.size).toBe(posted);
    expect([...listed].sort()).toEqual([...stored].sort());
    const [{ drills }] = await database('platform_ops_drills').count({
      drills: '*',
    });
    const [{ links }] = await database('platform_ops_drill_entities').count({
      links: '*',
    });
    expect(Number(drills)).toBe(posted);
    expect(Number(links)).toBe(posted);
  }, 30_000);
});
