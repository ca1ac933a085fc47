#!/usr/bin/env node
/*
 * Benchmark behind `yarn bench` (through scripts/bootstrap.js, which sets up
 * Node and the dependencies first). In one run it measures the figures of
 * docs/performance.md, each beside its peer, and rewrites the block between
 * `<!-- bench:start -->` and `<!-- bench:end -->` there:
 *
 *   P1  GET /api/platform-ops/summary/... against the catalog's own
 *       GET /api/catalog/entities/by-name/... for the same 200 entities, at
 *       the same concurrency (autocannon);
 *   P2  one alert poll-and-match cycle at 5,000 and 20,000 alerts
 *       (plugins/platform-ops-backend/bench/pollCycle.ts, on its own
 *       Alertmanager and SQLite file);
 *   P3  GET /api/platform-ops/overview, first page of 50, with and without a
 *       filter, the first request after start, the summary builds the
 *       backend logged, and what a build and each kind of rebuild cost
 *       (plugins/platform-ops-backend/bench/summaryBuild.ts, in-process);
 *   P5  the gzip size of the lazy chunks of our cards in the built app;
 *   P6  the backend's resident memory with the suite and without it
 *       (PLATFORM_OPS_DISABLED=1, read in packages/backend/src/index.ts).
 *
 * The platform is generated (scripts/bench-platform.js): 10,000 annotated
 * components with their teams and people in one catalog file, and alerts
 * matching their matchers, posted to a real Alertmanager (Debian's
 * prometheus-alertmanager, through scripts/demo-alertmanager.js). The
 * backend runs as scripts/run-e2e.js runs it, with an app-config overlay
 * and its SQLite files in a temporary folder, on free loopback ports.
 *
 * The backend starts three times on one database: once to load the catalog
 * (without the suite), then without the suite and with it, so that both
 * memory figures start from the same loaded catalog.
 *
 * Options: --skip-build (reuse packages/app/dist even if older than the
 * sources). Environment: BENCH_DURATION (seconds per load run, default 5),
 * BENCH_REPEATS (default 5), BENCH_TIMEOUT_SECONDS (default 2400),
 * BENCH_PROFILE (a folder for a CPU profile of the backend with the suite;
 * open it in Chrome's DevTools).
 */
'use strict';

const autocannon = require('autocannon');
const childProcess = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const demoAlertmanager = require('./demo-alertmanager');
const platform = require('./bench-platform');
const { heapText, machine, report, writeDoc } = require('./bench-report');

const ROOT = path.resolve(__dirname, '..');
const YARN = path.join(ROOT, '.yarn', 'releases', 'yarn-4.13.0.cjs');
const BACKEND_DIR = path.join(ROOT, 'packages', 'backend');
const APP_DIR = path.join(ROOT, 'packages', 'app');
const POLL_BENCH = path.join('plugins', 'platform-ops-backend', 'bench', 'pollCycle.ts');
const SUMMARY_BENCH = path.join('plugins', 'platform-ops-backend', 'bench', 'summaryBuild.ts');

const DURATION_S = Number(process.env.BENCH_DURATION || 5);
const REPEATS = Math.max(5, Number(process.env.BENCH_REPEATS || 5));
const OVERALL_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_SECONDS || 2400) * 1000;
/** BENCH_PROFILE=DIR: a CPU profile of the backend with the suite under summary load, written there. */
const PROFILE_DIR = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : undefined;
const CONNECTIONS = [4, 16];
const OVERVIEW_CONNECTIONS = [1, 4];
const ALERTS = 5000;
const POLL_ALERTS = 20000;
const SAMPLE_ENTITIES = 200;
const POST_BATCH = 1000;
const BUILD_TIMEOUT_MS = 300 * 1000;
const STOP_GRACE_MS = 10 * 1000;
const SETTLE_MS = 15 * 1000;
const HEALTH_WAIT = { attempts: 180, intervalMs: 1000 };
const CATALOG_WAIT = { attempts: 900, intervalMs: 2000 };
const SOURCES_WAIT = { attempts: 120, intervalMs: 1000 };
const OVERVIEW_QUERIES = [
  { label: 'first page, no filter', query: 'limit=50' },
  { label: 'status=has-p1', query: 'limit=50&status=has-p1' },
  { label: 'q=svc-12', query: 'limit=50&q=svc-12' },
];

const started = Date.now();
const state = {
  workDir: fs.mkdtempSync(path.join(os.tmpdir(), 'platform-ops-bench-')),
  alertmanagers: [],
  backend: undefined,
  children: new Set(),
  cleaning: undefined,
};

function log(message) {
  const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  process.stdout.write('[bench ' + seconds + ' s] ' + message + '\n');
}

function sleep(ms) {
  return new Promise(resolve => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------- processes

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch (error) {
    return false;
  }
}

function groupExists(child) {
  return killGroup(child, 0);
}

async function stopGroup(child, name) {
  if (!child || !groupExists(child)) return;
  killGroup(child, 'SIGTERM');
  for (let waited = 0; waited < STOP_GRACE_MS && groupExists(child); waited += 100) {
    await sleep(100);
  }
  if (groupExists(child)) {
    log(name + ' did not stop within ' + STOP_GRACE_MS / 1000 + ' s; killing it');
    killGroup(child, 'SIGKILL');
    await sleep(200);
  }
}

async function cleanup() {
  if (!state.cleaning) {
    state.cleaning = (async () => {
      for (const child of state.children) await stopGroup(child, 'a child process');
      if (state.backend) await stopGroup(state.backend.child, 'the backend');
      for (const handle of state.alertmanagers) await demoAlertmanager.stop(handle);
      fs.rmSync(state.workDir, { recursive: true, force: true });
    })();
  }
  return state.cleaning;
}

function tail(file, lines) {
  try {
    return fs
      .readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .filter(line => !/rootHttpRouter.*"(GET|POST|HEAD) /.test(line) && !/ ms: (Scavenge|Mark-Compact)/.test(line))
      .slice(-lines)
      .join('\n');
  } catch (error) {
    return '(no output)';
  }
}

/** Runs node with args to completion, output to a log file; bounded. */
function runNode(name, args, options) {
  const logFile = path.join(state.workDir, name + '.log');
  const out = fs.openSync(logFile, 'w');
  const begun = Date.now();
  return new Promise((resolve, reject) => {
    const child = childProcess.spawn(process.execPath, args, {
      cwd: options.cwd || ROOT,
      env: options.env,
      stdio: ['ignore', out, out],
      detached: true,
    });
    fs.closeSync(out);
    state.children.add(child);
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      reject(new Error(name + ' took longer than ' + options.timeoutMs / 1000 + ' s\n' + tail(logFile, 30)));
    }, options.timeoutMs);
    child.on('error', error => {
      clearTimeout(timer);
      state.children.delete(child);
      reject(error);
    });
    child.on('exit', code => {
      clearTimeout(timer);
      state.children.delete(child);
      const output = fs.readFileSync(logFile, 'utf8');
      if (code === 0) resolve({ seconds: (Date.now() - begun) / 1000, output });
      else reject(new Error(name + ' failed (exit ' + code + '):\n' + tail(logFile, 30)));
    });
  });
}

async function fetchJson(url, options) {
  const response = await fetch(url, { ...options, signal: AbortSignal.timeout(30000) });
  if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
  return response.json();
}

async function waitFor(what, wait, check) {
  let lastError;
  for (let attempt = 0; attempt < wait.attempts; attempt++) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await sleep(wait.intervalMs);
  }
  throw new Error(
    what + ' not reached after ' + (wait.attempts * wait.intervalMs) / 1000 + ' s' +
      (lastError ? ' (last error: ' + lastError.message + ')' : ''),
  );
}

// ---------------------------------------------------------------- statistics

function sorted(values) {
  return [...values].sort((a, b) => a - b);
}

function median(values) {
  const list = sorted(values);
  const middle = Math.floor(list.length / 2);
  return list.length % 2 ? list[middle] : (list[middle - 1] + list[middle]) / 2;
}

function ms(value) {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

function kb(bytes) {
  return (bytes / 1024).toFixed(1);
}

// ---------------------------------------------------------------- platform

function generatePlatform() {
  const entities = platform.entities();
  const catalogFile = path.join(state.workDir, 'catalog.yaml');
  fs.writeFileSync(catalogFile, platform.catalogYaml(entities));
  const now = Date.now();
  const alertsFile = path.join(state.workDir, 'alerts.json');
  const alerts = platform.alerts(POLL_ALERTS, now);
  fs.writeFileSync(alertsFile, JSON.stringify({ heartbeat: platform.heartbeat(now), alerts }));
  log(
    'generated ' + entities.length + ' entities (' + platform.COMPONENTS + ' annotated components) in ' +
      catalogFile + ' and ' + alerts.length + ' alerts',
  );
  return { entities, catalogFile, alertsFile, heartbeat: platform.heartbeat(now), alerts };
}

async function startAlertmanager(name) {
  const port = await demoAlertmanager.freePort();
  const handle = await demoAlertmanager.start({
    ports: { [name]: port },
    seed: false,
    log: message => log('alertmanager: ' + message),
  });
  state.alertmanagers.push(handle);
  if (!handle.available || !handle.urls[name]) {
    throw new Error(
      'Alertmanager is not available; install it with: apt-get install -y prometheus-alertmanager',
    );
  }
  return handle.urls[name];
}

async function postAlerts(url, alerts) {
  for (let start = 0; start < alerts.length; start += POST_BATCH) {
    const response = await fetch(url + '/api/v2/alerts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(alerts.slice(start, start + POST_BATCH)),
      signal: AbortSignal.timeout(30000),
    });
    if (!response.ok) throw new Error('posting alerts to ' + url + ' answered ' + response.status);
  }
}

// ---------------------------------------------------------------- backend

async function startBackend(options) {
  const port = await demoAlertmanager.freePort();
  const baseUrl = 'http://127.0.0.1:' + port;
  const overlay = path.join(state.workDir, 'app-config.bench-' + options.name + '.yaml');
  fs.writeFileSync(
    overlay,
    platform.appConfigOverlay({
      baseUrl,
      port,
      databaseDir: options.databaseDir,
      catalogFile: options.catalogFile,
      alertmanagerUrl: options.alertmanagerUrl,
    }),
  );
  const logFile = path.join(state.workDir, 'backend-' + options.name + '.log');
  const out = fs.openSync(logFile, 'w');
  log('starting the backend (' + options.name + ') on ' + baseUrl + ' (log: ' + logFile + ')');
  // As scripts/run-e2e.js: what `yarn workspace backend start --config ...`
  // runs, without the file watcher that would restart it mid-run.
  const child = childProcess.spawn(
    process.execPath,
    [
      '--enable-source-maps',
      // On loopback, for a full collection before reading the memory (and
      // the optional CPU profile); nothing is attached until then.
      '--inspect=127.0.0.1:0',
      '--require', require.resolve('@backstage/cli-node/config/nodeTransform.cjs', { paths: [ROOT] }),
      'src/index',
      '--config', '../../app-config.yaml',
      '--config', overlay,
    ],
    {
      cwd: BACKEND_DIR,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        ESBK_TSCONFIG_PATH: path.join(ROOT, 'tsconfig.json'),
        ...(options.withSuite ? {} : { PLATFORM_OPS_DISABLED: '1' }),
      },
      stdio: ['ignore', out, out],
      detached: true,
    },
  );
  fs.closeSync(out);
  const backend = { child, baseUrl, logFile, name: options.name, startedAt: Date.now() };
  state.backend = backend;
  const alive = () => child.exitCode === null && child.signalCode === null;
  await waitFor('backend readiness (' + options.name + ')', HEALTH_WAIT, async () => {
    if (!alive()) throw new Error('the backend exited:\n' + tail(logFile, 30));
    const response = await fetch(baseUrl + '/.backstage/health/v1/readiness', {
      signal: AbortSignal.timeout(5000),
    });
    return response.ok;
  }).catch(error => {
    throw new Error(error.message + '\n' + tail(logFile, 30));
  });
  log('backend (' + options.name + ') ready after ' + ((Date.now() - backend.startedAt) / 1000).toFixed(0) + ' s');
  return backend;
}

async function stopBackend(backend) {
  await stopGroup(backend.child, 'the backend (' + backend.name + ')');
  if (state.backend === backend) state.backend = undefined;
}

async function guestToken(baseUrl) {
  const { backstageIdentity } = await fetchJson(baseUrl + '/api/auth/guest/refresh?env=development', {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  return backstageIdentity.token;
}

/** Waits until the catalog lists every generated entity; returns a guest token. */
async function waitForCatalog(backend, expected) {
  let last = -1;
  let token;
  const begun = Date.now();
  await waitFor('the catalog with ' + expected + ' entities', CATALOG_WAIT, async () => {
    token = token || (await guestToken(backend.baseUrl));
    const { totalItems } = await fetchJson(backend.baseUrl + '/api/catalog/entities/by-query?limit=1', {
      headers: { Authorization: 'Bearer ' + token },
    });
    if (totalItems !== last) {
      last = totalItems;
      log('catalog: ' + totalItems + ' of ' + expected + ' entities');
    }
    return totalItems >= expected;
  });
  return { token, seconds: (Date.now() - begun) / 1000 };
}

function rssOf(pid) {
  const status = fs.readFileSync('/proc/' + pid + '/status', 'utf8');
  const read = key => Number((status.match(new RegExp('^' + key + ':\\s+(\\d+) kB', 'm')) || [])[1]) * 1024;
  return { rss: read('VmRSS'), hwm: read('VmHWM') };
}

/** A DevTools protocol session with the backend (started with --inspect). */
async function inspectorOf(backend) {
  const match = fs.readFileSync(backend.logFile, 'utf8').match(/Debugger listening on (ws:\/\/\S+)/);
  if (!match) throw new Error('the backend printed no inspector URL');
  const socket = new WebSocket(match[1]);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = () => reject(new Error('could not connect to the inspector at ' + match[1]));
  });
  let next = 0;
  const pending = new Map();
  socket.onmessage = event => {
    const message = JSON.parse(event.data);
    const waiter = message.id && pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  };
  const send = (method, params) =>
    new Promise((resolve, reject) => {
      next += 1;
      pending.set(next, { resolve, reject });
      socket.send(JSON.stringify({ id: next, method, params }));
    });
  return { send, close: () => socket.close() };
}

/**
 * Memory after the backend has been left alone a while and fully
 * collected: the median of a few RSS samples, and the JavaScript heap in use.
 */
async function settledMemory(backend) {
  await sleep(SETTLE_MS);
  const inspector = await inspectorOf(backend);
  try {
    await inspector.send('HeapProfiler.enable');
    await inspector.send('HeapProfiler.collectGarbage');
    await inspector.send('HeapProfiler.collectGarbage');
    await inspector.send('HeapProfiler.disable');
    const { result } = await inspector.send('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    });
    const usage = JSON.parse(result.value);
    await sleep(2000);
    const samples = [];
    for (let i = 0; i < 5; i++) {
      samples.push(rssOf(backend.child.pid).rss);
      await sleep(1000);
    }
    return {
      rss: median(samples),
      hwm: rssOf(backend.child.pid).hwm,
      heapUsed: usage.heapUsed,
      heapTotal: usage.heapTotal,
      external: usage.external,
    };
  } finally {
    inspector.close();
  }
}

function memoryText(sample) {
  const mb = bytes => (bytes / 2 ** 20).toFixed(0) + ' MB';
  return (
    'RSS ' + mb(sample.rss) + ', heap in use after a full GC ' + heapText(sample) + ' of ' + mb(sample.heapTotal) +
    ' committed, external ' + mb(sample.external)
  );
}

/** A CPU profile of the backend while it serves summaries, for BENCH_PROFILE. */
async function profile(backend, token) {
  const inspector = await inspectorOf(backend);
  try {
    await inspector.send('Profiler.enable');
    await inspector.send('Profiler.start');
    await load(backend.baseUrl, token, SUMMARY_PATHS, 4, 15);
    const { profile: data } = await inspector.send('Profiler.stop');
    fs.mkdirSync(PROFILE_DIR, { recursive: true });
    const file = path.join(PROFILE_DIR, 'backend-with-suite-' + Date.now() + '.cpuprofile');
    fs.writeFileSync(file, JSON.stringify(data));
    log('CPU profile of 15 s of summary load written to ' + file);
  } finally {
    inspector.close();
  }
}

function summaryBuilds(backend) {
  const text = fs.readFileSync(backend.logFile, 'utf8');
  return [...text.matchAll(/Built (\d+) summaries in (\d+) ms(?: \(([^)]*)\))?/g)].map(match => ({
    count: Number(match[1]),
    ms: Number(match[2]),
    layers: match[3] ? match[3].split(', ') : [],
  }));
}

/** Describes the logged builds: how many, of which layers, and how long. */
function buildsText(builds) {
  if (builds.length === 0) return 'none found in the log';
  const kinds = new Map();
  for (const build of builds) {
    const kind = build.layers.length >= 4 ? 'every layer' : build.layers.join(' and ') || 'no layer';
    if (!kinds.has(kind)) kinds.set(kind, []);
    kinds.get(kind).push(build.ms);
  }
  return (
    builds.length + ' summary builds of ' + builds[0].count.toLocaleString('en-US') + ' during the run: ' +
    [...kinds]
      .map(([kind, times]) =>
        times.length + ' of ' + kind + ' (median ' + Math.round(median(times)) + ' ms, ' + Math.min(...times) + '-' +
        Math.max(...times) + ')',
      )
      .join(', ')
  );
}

// ---------------------------------------------------------------- load

function load(baseUrl, token, paths, connections, duration) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: baseUrl,
        connections,
        duration,
        headers: { Authorization: 'Bearer ' + token },
        requests: paths.map(p => ({ method: 'GET', path: p })),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/** Repeated load runs of several targets, interleaved so that noise hits each alike. */
async function compare(baseUrl, token, targets, connections) {
  const runs = targets.map(() => []);
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    for (let t = 0; t < targets.length; t++) {
      const result = await load(baseUrl, token, targets[t].paths, connections, DURATION_S);
      if (result.requests.total === 0) {
        // Nothing answered within the run: count it at the run's length.
        log('  ' + targets[t].label + ': no answer within a ' + DURATION_S + ' s run');
        result.latency = { ...result.latency, p50: DURATION_S * 1000, p99: DURATION_S * 1000, average: DURATION_S * 1000 };
        result.stalled = true;
      }
      if (result.non2xx || result.errors || result.timeouts) {
        throw new Error(
          targets[t].label + ': ' + result.non2xx + ' non-2xx answers, ' + result.errors + ' errors, ' +
            result.timeouts + ' timeouts',
        );
      }
      runs[t].push(result);
    }
  }
  return targets.map((target, t) => {
    const list = runs[t];
    const p50 = list.map(run => run.latency.p50);
    const summary = {
      label: target.label,
      connections,
      runs: list.length,
      p50: median(p50),
      p50Min: Math.min(...p50),
      p50Max: Math.max(...p50),
      mean: median(list.map(run => run.latency.average)),
      p99: median(list.map(run => run.latency.p99)),
      p99Max: Math.max(...list.map(run => run.latency.p99)),
      rps: median(list.map(run => run.requests.average)),
      requests: list.reduce((sum, run) => sum + run.requests.total, 0),
      stalled: list.filter(run => run.stalled).length,
    };
    log(
      '  ' + target.label + ' @' + connections + ': median ' + ms(summary.p50) + ' ms (' + ms(summary.p50Min) +
        '-' + ms(summary.p50Max) + '), mean ' + ms(summary.mean) + ' ms, p99 ' + ms(summary.p99) + ' ms, ' +
        summary.rps.toFixed(0) + ' req/s' + (summary.stalled ? ', ' + summary.stalled + ' runs without answer' : ''),
    );
    return summary;
  });
}

function samplePaths(prefix) {
  const step = Math.floor(platform.COMPONENTS / SAMPLE_ENTITIES);
  const list = [];
  for (let k = 0; k < SAMPLE_ENTITIES; k++) {
    list.push(prefix + 'component/default/' + platform.componentName(k * step));
  }
  return list;
}

const SUMMARY_PATHS = samplePaths('/api/platform-ops/summary/');
const CATALOG_PATHS = samplePaths('/api/catalog/entities/by-name/');

// ---------------------------------------------------------------- P5

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(
      newest,
      entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs,
    );
  }
  return newest;
}

async function measureBundle(options) {
  const index = path.join(APP_DIR, 'dist', 'index.html');
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'plugins', 'platform-ops', 'src')),
    newestMtime(path.join(ROOT, 'plugins', 'platform-ops-common', 'src')),
    newestMtime(path.join(APP_DIR, 'src')),
  );
  const fresh = fs.existsSync(index) && fs.statSync(index).mtimeMs > sources;
  if (!fresh && !options.skipBuild) {
    log('building the frontend (yarn workspace app build)');
    const { seconds } = await runNode('frontend-build', [YARN, 'workspace', 'app', 'build'], {
      env: { ...process.env, CI: 'true' },
      timeoutMs: BUILD_TIMEOUT_MS,
    });
    log('frontend built in ' + seconds.toFixed(0) + ' s');
  } else {
    log('reusing packages/app/dist (' + (fresh ? 'newer than the sources' : '--skip-build') + ')');
  }
  // A copy: other builds may replace dist/ while it is read.
  const staticDir = path.join(state.workDir, 'static');
  fs.cpSync(path.join(APP_DIR, 'dist', 'static'), staticDir, { recursive: true });
  const files = fs.readdirSync(staticDir);
  const mainFile = files.find(file => /^main\..*\.js$/.test(file));
  const main = fs.readFileSync(path.join(staticDir, mainFile), 'utf8');
  const chunkFile = id => files.find(file => file.startsWith(id + '.') && file.endsWith('.chunk.js'));
  const chunkInfo = new Map();
  const infoOf = id => {
    if (!chunkInfo.has(id)) {
      const file = chunkFile(id);
      const bytes = fs.readFileSync(path.join(staticDir, file));
      let ours = false;
      if (fs.existsSync(path.join(staticDir, file + '.map'))) {
        const map = JSON.parse(fs.readFileSync(path.join(staticDir, file + '.map'), 'utf8'));
        ours = map.sources.some(source => /plugins\/platform-ops/.test(source));
      }
      chunkInfo.set(id, { id, file, bytes: bytes.length, gzip: zlib.gzipSync(bytes).length, ours });
    }
    return chunkInfo.get(id);
  };
  // The chunks each lazy extension of ours loads, as the main bundle lists them.
  const extensions = [];
  const pattern =
    /name:"((?:Entity|PlatformOps)\w+)",component:(?:\{lazy:)?\(\)=>(Promise\.all\(\[([^\]]*)\]\)|\w+\.e\("?(\w+)"?\))/g;
  for (const match of main.matchAll(pattern)) {
    const ids = match[3] ? [...match[3].matchAll(/\.e\("?(\w+)"?\)/g)].map(m => m[1]) : [match[4]];
    const chunks = ids.map(infoOf);
    extensions.push({
      name: match[1],
      chunks,
      gzip: chunks.reduce((sum, chunk) => sum + chunk.gzip, 0),
      oursGzip: chunks.filter(chunk => chunk.ours).reduce((sum, chunk) => sum + chunk.gzip, 0),
    });
  }
  if (extensions.length === 0) throw new Error('no lazy Platform Ops extension found in ' + mainFile);
  const cards = extensions.filter(extension => /Card$/.test(extension.name));
  const union = new Map();
  for (const card of cards) for (const chunk of card.chunks) union.set(chunk.id, chunk);
  const cardChunks = [...union.values()];
  const result = {
    extensions,
    cardsGzip: cardChunks.reduce((sum, chunk) => sum + chunk.gzip, 0),
    cardsOursGzip: cardChunks.filter(chunk => chunk.ours).reduce((sum, chunk) => sum + chunk.gzip, 0),
    largestCard: cards.reduce((a, b) => (b.gzip > a.gzip ? b : a)),
  };
  for (const extension of extensions) {
    log(
      'P5 ' + extension.name + ': ' + kb(extension.gzip) + ' KB gzip in ' + extension.chunks.length +
        ' chunks (' + kb(extension.oursGzip) + ' KB in chunks with our code)',
    );
  }
  log('P5 all five cards together: ' + kb(result.cardsGzip) + ' KB gzip (' + kb(result.cardsOursGzip) + ' KB ours)');
  return result;
}

// ---------------------------------------------------------------- P2

async function measurePollCycle(generated) {
  const url = await startAlertmanager('poll-bench');
  log('P2: the poll benchmark on its own Alertmanager (' + url + ')');
  const { output } = await runNode(
    'poll-cycle',
    ['--require', './node_modules/@backstage/cli/config/nodeTransform.cjs', POLL_BENCH],
    {
      env: {
        ...process.env,
        BENCH_CATALOG: generated.catalogFile,
        BENCH_ALERTS: generated.alertsFile,
        BENCH_ALERTMANAGER: url,
        BENCH_WORK_DIR: state.workDir,
        BENCH_RUNS: String(Math.max(REPEATS, 7)),
      },
      timeoutMs: 600 * 1000,
    },
  );
  output
    .split('\n')
    .filter(line => line.startsWith('P2 '))
    .forEach(line => log(line));
  const line = output.split('\n').find(text => text.startsWith('BENCH_RESULT '));
  const handle = state.alertmanagers.pop();
  await demoAlertmanager.stop(handle);
  return JSON.parse(line.slice('BENCH_RESULT '.length));
}

// ---------------------------------------------------------------- P3 (in-process)

async function measureSummaryBuild() {
  log('P3: summary builds in-process (' + SUMMARY_BENCH + ')');
  const { output } = await runNode(
    'summary-build',
    ['--require', './node_modules/@backstage/cli/config/nodeTransform.cjs', SUMMARY_BENCH],
    {
      env: { ...process.env, BENCH_RUNS: String(Math.max(REPEATS, 7)) },
      timeoutMs: 600 * 1000,
    },
  );
  output
    .split('\n')
    .filter(line => line.startsWith('summaries of ') || line.startsWith('layers: '))
    .forEach(line => log('P3 ' + line));
  const line = output.split('\n').find(text => text.startsWith('BENCH_RESULT '));
  return JSON.parse(line.slice('BENCH_RESULT '.length));
}

// ---------------------------------------------------------------- main

async function main() {
  const skipBuild = process.argv.includes('--skip-build');
  const timer = setTimeout(() => {
    log('overall time limit of ' + OVERALL_TIMEOUT_MS / 1000 + ' s reached; stopping everything');
    cleanup().finally(() => process.exit(1));
  }, OVERALL_TIMEOUT_MS);
  timer.unref();
  const onSignal = signal => {
    log('stopping (' + signal + ')');
    cleanup().finally(() => process.exit(1));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const loadBefore = os.loadavg().map(value => value.toFixed(2)).join(', ');
  log('work folder ' + state.workDir + '; load average ' + loadBefore);

  const generated = generatePlatform();
  const p5 = await measureBundle({ skipBuild });
  const p2 = await measurePollCycle(generated);
  const summaryBuild = await measureSummaryBuild();

  const alertmanagerUrl = await startAlertmanager('bench');
  await postAlerts(alertmanagerUrl, [generated.heartbeat, ...generated.alerts.slice(0, ALERTS)]);
  log('posted ' + ALERTS + ' alerts and the Watchdog to ' + alertmanagerUrl);

  const databaseDir = path.join(state.workDir, 'database');
  const common = { databaseDir, catalogFile: generated.catalogFile, alertmanagerUrl };
  const expected = generated.entities.length;

  // 1. Load the catalog once, without the suite.
  let backend = await startBackend({ ...common, name: 'load', withSuite: false });
  const { seconds: catalogSeconds } = await waitForCatalog(backend, expected);
  log('catalog loaded in ' + catalogSeconds.toFixed(0) + ' s');
  await stopBackend(backend);

  // 2. Without the suite: memory after the catalog's share of the load.
  backend = await startBackend({ ...common, name: 'without', withSuite: false });
  let { token } = await waitForCatalog(backend, expected);
  for (const connections of CONNECTIONS) {
    await load(backend.baseUrl, token, CATALOG_PATHS, connections, DURATION_S * REPEATS);
  }
  const without = await settledMemory(backend);
  log('P6 without the suite: ' + memoryText(without));
  await stopBackend(backend);

  // 3. With the suite.
  backend = await startBackend({ ...common, name: 'with', withSuite: true });
  ({ token } = await waitForCatalog(backend, expected));
  const headers = { Authorization: 'Bearer ' + token };
  await waitFor('a first alert poll', SOURCES_WAIT, async () => {
    const { sources } = await fetchJson(backend.baseUrl + '/api/platform-ops/sources', { headers });
    return sources.length >= 1 && sources.every(source => source.fetchedAt);
  });
  const coldStart = Date.now();
  await fetchJson(backend.baseUrl + '/api/platform-ops/overview?limit=50', { headers });
  const p3Cold = { ms: Date.now() - coldStart };
  log('P3 first overview request after the first alert poll: ' + p3Cold.ms + ' ms');
  const withWarm = await settledMemory(backend);
  log('P6 with the suite, warm: ' + memoryText(withWarm));
  // The peer's load, the same: the catalog's share of the P1 load.
  for (const connections of CONNECTIONS) {
    await load(backend.baseUrl, token, CATALOG_PATHS, connections, DURATION_S * REPEATS);
  }
  const withPeerLoad = await settledMemory(backend);
  log('P6 with the suite, after the peer\'s load: ' + memoryText(withPeerLoad));

  // Warm-up of every path measured below.
  await load(backend.baseUrl, token, SUMMARY_PATHS, 4, 2);
  await load(backend.baseUrl, token, CATALOG_PATHS, 4, 2);

  log('P1: summary against the catalog\'s by-name');
  const p1 = [];
  for (const connections of CONNECTIONS) {
    p1.push(
      await compare(
        backend.baseUrl,
        token,
        [
          { label: 'summary', paths: SUMMARY_PATHS },
          { label: 'catalog by-name', paths: CATALOG_PATHS },
        ],
        connections,
      ),
    );
    log(
      'P1 @' + connections + ' connections | ratio ' + (p1[p1.length - 1][0].p50 / p1[p1.length - 1][1].p50).toFixed(2),
    );
  }

  log('P3: overview first page');
  const p3 = [];
  for (const connections of OVERVIEW_CONNECTIONS) {
    const targets = OVERVIEW_QUERIES.map(entry => ({
      label: entry.label,
      paths: ['/api/platform-ops/overview?' + entry.query],
    }));
    targets.push({ label: 'catalog by-query 50', paths: ['/api/catalog/entities/by-query?limit=50'] });
    const results = await compare(backend.baseUrl, token, targets, connections);
    const peer = results[results.length - 1];
    for (const ours of results.slice(0, -1)) p3.push({ ours, peer });
  }

  const withLoaded = await settledMemory(backend);
  log('P6 with the suite, after the load: ' + memoryText(withLoaded));
  const builds = buildsText(summaryBuilds(backend));
  log('summary cache: ' + builds);
  if (PROFILE_DIR) await profile(backend, token);
  await stopBackend(backend);

  const block = report({
    settings: { alerts: ALERTS, durationSeconds: DURATION_S, repeats: REPEATS, settleMs: SETTLE_MS },
    p1,
    p2,
    p3,
    p3Cold,
    p5,
    p6: { without, withWarm, withPeerLoad, withLoaded },
    builds,
    summaryBuild,
    info: machine(),
    loadBefore,
    entityCount: expected,
    catalogSeconds,
  });
  log('wrote ' + writeDoc(block));
  await cleanup();
  clearTimeout(timer);
  log('done in ' + ((Date.now() - started) / 1000).toFixed(0) + ' s');
}

main().catch(error => {
  log('error: ' + (error && error.stack ? error.stack : error));
  cleanup().finally(() => process.exit(1));
});
