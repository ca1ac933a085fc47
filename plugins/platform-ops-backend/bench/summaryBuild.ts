/* eslint-disable no-console -- a benchmark prints its figures */
/*
 * Benchmark of the summary cache: how long the backend takes to build the
 * summaries of the 10,000 generated components (scripts/bench-platform.js)
 * with 5,000 live alerts, pushed backup reports and drills, all read from
 * a real SQLite file, and how long a rebuild takes after each kind of
 * change: a check that finds nothing changed, a poll (the alerts layer
 * again), an entity index refresh that changed nothing (the contacts
 * again), one that changed an entity (everything again); with the longest
 * time the event loop was held, which is how long a request can wait.
 *
 * Driven by `yarn bench` (scripts/bench.js, P3); runs alone too:
 *
 *   node --require ./node_modules/@backstage/cli/config/nodeTransform.cjs \
 *     plugins/platform-ops-backend/bench/summaryBuild.ts
 *
 * BENCH_RUNS (default 5) repetitions of each figure after a warm-up.
 * Prints one JSON line prefixed with `BENCH_RESULT `.
 */
import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { readPlatformOpsConfig } from '@platform-ops/plugin-platform-ops-common';
import { SourceAlert } from '@platform-ops/plugin-platform-ops-node';
import fs from 'fs';
import knexFactory from 'knex';
import os from 'os';
import path from 'path';
import { monitorEventLoopDelay } from 'perf_hooks';
import { parseAllDocuments } from 'yaml';
import { AlertService } from '../src/services/alerting/AlertService';
import { BackupService } from '../src/services/backups/BackupService';
import { DatabaseBackupReportStore } from '../src/services/backups/DatabaseBackupReportStore';
import { DatabaseDrillStore } from '../src/services/backups/DatabaseDrillStore';
import { EntityIndex } from '../src/services/EntityIndex';
import { LiveLayers } from '../src/services/liveLayers';
import { ChangeService } from '../src/services/maintenance/ChangeService';
import { DatabaseChangeStore } from '../src/services/maintenance/DatabaseChangeStore';
import { DrainService } from '../src/services/maintenance/DrainService';
import { ContactResolver } from '../src/services/scope/ContactResolver';
import { SnapshotStore } from '../src/services/SnapshotStore';
import { SummaryCache } from '../src/services/SummaryCache';

const ROOT = path.resolve(__dirname, '../../..');
const RUNS = Number(process.env.BENCH_RUNS || 5);
const ALERTS = 5_000;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const platform = require(path.join(ROOT, 'scripts', 'bench-platform.js'));

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)],
    min: sorted[0],
    max: sorted[sorted.length - 1],
    runs: sorted.length,
  };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Repeated runs after a warm-up, and the longest the event loop was held meanwhile. */
async function repeat(fn: () => Promise<unknown>) {
  await fn();
  const runs: number[] = [];
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  for (let run = 0; run < RUNS; run++) runs.push(await time(fn));
  delay.disable();
  return { ...stats(runs), longestPause: delay.max / 1e6 };
}

/** The generated alerts as Alertmanager would answer them. */
function sourceAlerts(count: number, now: number): SourceAlert[] {
  const generated = platform.alerts(count, now) as Array<{
    labels: Record<string, string>;
    annotations: Record<string, string>;
    startsAt: string;
    generatorURL: string;
  }>;
  const heartbeat = platform.heartbeat(now);
  return [heartbeat, ...generated].map((alert, n) => ({
    fingerprint: n.toString(16).padStart(16, '0'),
    labels: alert.labels,
    annotations: alert.annotations,
    startsAt: alert.startsAt,
    state: 'active',
    silencedBy: [],
    inhibitedBy: [],
    generatorURL: alert.generatorURL,
  }));
}

async function main() {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-bench-'));
  const entities = platform.entities() as Entity[];
  const byRef = new Map(
    entities.map(entity => [
      `${entity.kind.toLocaleLowerCase('en-US')}:default/${
        entity.metadata.name
      }`,
      entity,
    ]),
  );
  const appConfig = parseAllDocuments(
    fs.readFileSync(path.join(ROOT, 'app-config.yaml'), 'utf8'),
  )[0].toJS();
  const platformOps = appConfig.platformOps;
  platformOps.environments = platformOps.environments.map(
    (environment: { name: string; maintenanceWindow?: string }) => ({
      name: environment.name,
      title: environment.name,
      maintenanceWindow: environment.maintenanceWindow,
      ...(environment.name === 'production'
        ? {
            alertmanager: {
              baseUrl: 'http://127.0.0.1:9',
              heartbeat: { alertname: 'Watchdog' },
            },
          }
        : {}),
    }),
  );
  const config = readPlatformOpsConfig(new ConfigReader({ platformOps }));

  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(workDir, 'summary-bench.sqlite') },
    useNullAsDefault: true,
  });
  const database = {
    getClient: async () => knex,
    migrations: { skip: false },
  } as unknown as DatabaseService;
  const silent = { debug() {}, info() {}, warn() {}, error() {} };
  const logger = { ...silent, child: () => logger } as any;
  const catalog = {
    async *streamEntities() {
      // In pages, as the catalog client streams them.
      for (let start = 0; start < entities.length; start += 500) {
        yield entities.slice(start, start + 500);
      }
    },
    async getEntitiesByRefs(request: { entityRefs: string[] }) {
      return {
        items: request.entityRefs.map(ref => byRef.get(ref) ?? null),
      };
    },
  } as any;
  const auth = { getOwnServiceCredentials: async () => ({}) } as any;

  const snapshots = await SnapshotStore.create({ database });
  const reports = await DatabaseBackupReportStore.create({ database });
  const drills = await DatabaseDrillStore.create({ database });
  const changeStore = await DatabaseChangeStore.create({ database });
  const now = Date.now();
  const alerts = sourceAlerts(ALERTS, now);
  // As a poll stores them: the same alerts, fetched at another time.
  const recordAlerts = () =>
    snapshots.recordSuccess({
      sourceId: 'alertmanager:production',
      kind: 'alerts',
      environment: 'production',
      at: new Date().toISOString(),
      data: alerts,
    });
  await recordAlerts();

  const index = EntityIndex.create({ catalog, auth, config, logger });
  const indexMs = await time(() => index.refresh());
  // A report for every pushed component in production, and a few drills.
  const pushed = index
    .list()
    .filter(entry => entry.summary.backups.source?.type === 'push');
  for (const entry of pushed) {
    await reports.record({
      id: `${entry.ref}-1`,
      entityRef: entry.ref,
      environment: 'production',
      status: 'completed',
      startedAt: new Date(now - 30 * 60_000).toISOString(),
      completedAt: new Date(now - 25 * 60_000).toISOString(),
      receivedAt: new Date(now - 25 * 60_000).toISOString(),
      receivedFrom: 'bench',
    });
  }
  for (const entry of pushed.slice(0, 100)) {
    await drills.record({
      id: `drill-${entry.ref}`,
      entityRefs: [entry.ref],
      environment: 'production',
      date: new Date(now).toISOString().slice(0, 10),
      scenario: 'Restore the database',
      ledBy: 'user:default/user-1',
      measuredRto: '30m',
      outcome: 'succeeded',
      wentWell: '',
      toImprove: '',
      actionItems: [],
      recordedAt: new Date(now).toISOString(),
      recordedBy: 'user:default/user-1',
    });
  }

  const alertService = AlertService.create({ snapshots, config });
  const backupService = BackupService.create({
    snapshots,
    reports,
    drills,
    config,
  });
  const changeService = ChangeService.create({
    store: changeStore,
    index,
    config,
    notifier: { notify: async () => ({}) } as any,
  });
  const drainService = DrainService.create({ snapshots, config });
  const layers = LiveLayers.create({
    alerts: alertService,
    backups: backupService,
    changes: changeService,
    drain: drainService,
  });
  const bases = index.list().map(entry => entry.summary);
  const components = index.componentIndex();
  const layerTimes = {
    alerts: await repeat(() => layers.fill('alerts', bases, { components })),
    backups: await repeat(() => layers.fill('backups', bases)),
    changes: await repeat(() => layers.fill('changes', bases)),
    drain: await repeat(() => layers.fill('drain', bases)),
    versions: await repeat(() => layers.versions()),
  };
  console.log(
    `layers: ${Object.entries(layerTimes)
      .map(([name, figure]) => `${name} ${figure.median.toFixed(1)} ms`)
      .join(', ')}`,
  );
  const cache = SummaryCache.create({
    index,
    contacts: ContactResolver.create({ catalog }),
    auth,
    layers,
    logger,
  });
  const firstMs = await time(() => cache.current());
  // Nothing changed: a check reads the versions only.
  const unchanged = await repeat(() => cache.refresh());
  // A poll stored new alerts: the alerts layer again.
  const afterPoll = await repeat(async () => {
    await recordAlerts();
    await cache.refresh();
  });
  // The entity index was refreshed: everything again.
  // The entity index was refreshed, and the catalog had not changed: the
  // contacts are read again, nothing else.
  const indexUnchanged = await repeat(async () => {
    await index.refresh();
    await cache.refresh();
  });
  // One entity was renamed in the catalog: everything again.
  const renamed = entities.find(entity => entity.kind === 'Component')!;
  const full = await repeat(async () => {
    renamed.metadata.title = `${renamed.metadata.title} `;
    await index.refresh();
    await cache.refresh();
  });
  const results = {
    components: index.size,
    pushed: pushed.length,
    indexRefreshMs: indexMs,
    firstBuildMs: firstMs,
    unchanged,
    afterPoll,
    indexUnchanged,
    full,
    layers: layerTimes,
  };
  console.log(
    `summaries of ${index.size} components: index refresh ${indexMs.toFixed(
      0,
    )} ms, first build ${firstMs.toFixed(0)} ms, ` +
      `check without changes ${unchanged.median.toFixed(1)} ms, ` +
      `poll and rebuild ${afterPoll.median.toFixed(0)} ms, ` +
      `index refresh without changes ${indexUnchanged.median.toFixed(0)} ms, ` +
      `index refresh with a change and full rebuild ${full.median.toFixed(
        0,
      )} ms (${full.min.toFixed(0)}-${full.max.toFixed(0)}); ` +
      `event loop held at most ${afterPoll.longestPause.toFixed(
        0,
      )} ms (poll), ${indexUnchanged.longestPause.toFixed(
        0,
      )} ms (refresh), ${full.longestPause.toFixed(0)} ms (change)`,
  );
  await knex.destroy();
  fs.rmSync(workDir, { recursive: true, force: true });
  console.log(`BENCH_RESULT ${JSON.stringify(results)}`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
