/* eslint-disable no-console -- a benchmark prints its figures */
/*
 * Benchmark of one alert poll-and-match cycle (P2 in docs/performance.md):
 * the backend's own AlertPoller against a real Alertmanager and a real
 * SQLite database, with the 10,000 generated components summarized as the
 * backend's entity index summarizes them.
 *
 * Driven by `yarn bench` (scripts/bench.js), which generates the platform,
 * starts an Alertmanager of its own and passes:
 *
 *   BENCH_CATALOG       the generated catalog (multi-document YAML)
 *   BENCH_ALERTS        the generated alerts (JSON, 20,000 or more)
 *   BENCH_ALERTMANAGER  the Alertmanager's URL (empty at the start)
 *   BENCH_WORK_DIR      a folder for the SQLite file
 *   BENCH_RUNS          repetitions (default 7)
 *
 * It posts the first 5,000 alerts, measures, posts the other 15,000 and
 * measures again, and prints one JSON line prefixed with `BENCH_RESULT `.
 */
import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import {
  ComponentIndex,
  heartbeatAlertnames,
  matchAlerts,
  readPlatformOpsConfig,
} from '@platform-ops/plugin-platform-ops-common';
import fs from 'fs';
import knexFactory from 'knex';
import path from 'path';
import { parseAllDocuments } from 'yaml';
import { AlertHistoryStore } from '../src/services/alerting/AlertHistoryStore';
import { AlertmanagerSource } from '../src/services/alerting/AlertmanagerSource';
import { AlertPoller } from '../src/services/alerting/AlertPoller';
import { EntityIndex } from '../src/services/EntityIndex';
import { SnapshotStore } from '../src/services/SnapshotStore';

const ROOT = path.resolve(__dirname, '../../..');
const RUNS = Number(process.env.BENCH_RUNS || 7);
const SIZES = [5_000, 20_000];
const POST_BATCH = 1_000;
/** 20,000 alerts are about 12 MB of JSON: above the 10 MB default limit. */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set; run this through yarn bench`);
  return value;
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return {
    median: sorted[Math.floor(sorted.length / 2)],
    p99: at(0.99),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    runs: sorted.length,
  };
}

async function time<T>(fn: () => Promise<T> | T): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function repeat(fn: () => Promise<unknown> | unknown) {
  await fn(); // warm-up: JIT, and the first day's history rows
  const runs: number[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(await time(fn));
  return stats(runs);
}

async function postAlerts(url: string, alerts: unknown[]) {
  for (let start = 0; start < alerts.length; start += POST_BATCH) {
    const response = await fetch(`${url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(alerts.slice(start, start + POST_BATCH)),
    });
    if (!response.ok) {
      throw new Error(`posting alerts answered ${response.status}`);
    }
  }
}

async function main() {
  const alertmanagerUrl = required('BENCH_ALERTMANAGER');
  const workDir = required('BENCH_WORK_DIR');
  const entities = parseAllDocuments(
    fs.readFileSync(required('BENCH_CATALOG'), 'utf8'),
  ).map(document => document.toJS() as Entity);
  const generated = JSON.parse(
    fs.readFileSync(required('BENCH_ALERTS'), 'utf8'),
  ) as { heartbeat: unknown; alerts: unknown[] };

  // The demo's platformOps config, with the bench Alertmanager in production.
  const appConfig = parseAllDocuments(
    fs.readFileSync(path.join(ROOT, 'app-config.yaml'), 'utf8'),
  )[0].toJS();
  const platformOps = appConfig.platformOps;
  platformOps.environments = platformOps.environments.map(
    (environment: { name: string }) => ({
      name: environment.name,
      title: environment.name,
      ...(environment.name === 'production'
        ? {
            alertmanager: {
              baseUrl: alertmanagerUrl,
              heartbeat: { alertname: 'Watchdog' },
              maxResponseBytes: MAX_RESPONSE_BYTES,
            },
          }
        : {}),
    }),
  );
  const config = readPlatformOpsConfig(new ConfigReader({ platformOps }));

  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(workDir, 'platform-ops-bench.sqlite') },
    useNullAsDefault: true,
  });
  const database = {
    getClient: async () => knex,
    migrations: { skip: false },
  } as unknown as DatabaseService;
  const snapshots = await SnapshotStore.create({ database });
  const history = await AlertHistoryStore.create({ database });

  const silent = { debug() {}, info() {}, warn() {}, error() {} };
  const logger = { ...silent, child: () => logger } as any;
  const index = EntityIndex.create({
    catalog: {
      async *streamEntities() {
        yield entities;
      },
    } as any,
    auth: { getOwnServiceCredentials: async () => ({}) } as any,
    config,
    logger,
  });
  const indexMs = await time(() => index.refresh());

  const sources = config.environments.flatMap(environment => {
    const source = AlertmanagerSource.fromConfig(environment);
    return source ? [source] : [];
  });
  const poller = AlertPoller.create({
    sources,
    snapshots,
    history,
    index,
    config,
    logger,
  });
  const components = index.list().map(entry => ({
    id: entry.ref,
    matchers: entry.summary.alerting.matchers,
    environments: entry.summary.alerting.environments,
  }));
  const heartbeats = heartbeatAlertnames(config);

  await postAlerts(alertmanagerUrl, [generated.heartbeat]);
  const results: Record<string, unknown> = {
    components: index.size,
    indexRefreshMs: indexMs,
  };
  let posted = 0;
  for (const size of SIZES) {
    await postAlerts(alertmanagerUrl, generated.alerts.slice(posted, size));
    posted = size;
    const fetched = await sources[0].fetchAlerts();
    if (fetched.length < size) {
      throw new Error(
        `the Alertmanager holds ${fetched.length} alerts, expected ${size}`,
      );
    }
    const batches = [
      {
        environment: 'production',
        alerts: fetched.filter(alert => alert.state === 'active'),
      },
    ];
    const built = ComponentIndex.build(components);
    const matched = matchAlerts({
      batches,
      components,
      heartbeatAlertnames: heartbeats,
    });
    const full = await repeat(() => poller.poll());
    const fetchAndParse = await repeat(() => sources[0].fetchAlerts());
    // The HTTP exchange alone: what Alertmanager and the transfer cost.
    const alertsUrl = `${alertmanagerUrl}/api/v2/alerts?active=true&silenced=true&inhibited=true&unprocessed=true`;
    const fetchOnly = await repeat(async () => (await fetch(alertsUrl)).text());
    const storeSnapshot = await repeat(() =>
      snapshots.recordSuccess({
        sourceId: sources[0].id,
        kind: 'alerts',
        environment: 'production',
        at: new Date().toISOString(),
        data: fetched,
      }),
    );
    const matchWithBuild = await repeat(() =>
      matchAlerts({ batches, components, heartbeatAlertnames: heartbeats }),
    );
    const matchOnly = await repeat(() => built.match(batches, heartbeats));
    const indexBuild = await repeat(() => ComponentIndex.build(components));
    const matches = [...matched.values()].reduce(
      (sum, list) => sum + list.length,
      0,
    );
    results[String(size)] = {
      alerts: fetched.length,
      matchedComponents: matched.size,
      matches,
      full,
      fetchAndParse,
      fetchOnly,
      storeSnapshot,
      matchWithBuild,
      matchOnly,
      indexBuild,
    };
    console.log(
      `P2 ${size} alerts (${fetched.length} in Alertmanager, ${matches} matches on ${matched.size} components): ` +
        `full poll ${full.median.toFixed(0)} ms (${full.min.toFixed(
          0,
        )}-${full.max.toFixed(0)}), ` +
        `fetch+parse ${fetchAndParse.median.toFixed(0)} ms ` +
        `(HTTP alone ${fetchOnly.median.toFixed(0)} ms), ` +
        `snapshot store ${storeSnapshot.median.toFixed(0)} ms, ` +
        `match as the poller runs it (index build + match) ${matchWithBuild.median.toFixed(
          0,
        )} ms, ` +
        `match alone ${matchOnly.median.toFixed(
          1,
        )} ms, index build ${indexBuild.median.toFixed(0)} ms`,
    );
  }
  await knex.destroy();
  console.log(`BENCH_RESULT ${JSON.stringify(results)}`);
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
