#!/usr/bin/env node
/*
 * Two backend replicas of the demo on one real PostgreSQL, as Backstage
 * scales out: `npm run test:replicas` (also run by .ci/run). It proves:
 *
 *   1. each poll of a source runs once per interval across both replicas;
 *   2. both serve the same summary and the same overview;
 *   3. a write sent to one replica is read back from the other;
 *   4. killing the replica that is polling, mid-poll, loses nothing, and the
 *      other takes the poll over within two intervals.
 *
 * Set-up, all on 127.0.0.1 with free ports: a throwaway PostgreSQL (Debian's
 * postgresql, trust auth, as the jest tests start it), the two demo
 * Alertmanagers and Kubernetes API stand-ins, and in front of the production
 * Alertmanager one small counting proxy per replica, so every poll is seen
 * with the replica that made it. The proxies can hold answers back, to catch
 * a replica in the middle of a poll.
 *
 * Every wait is bounded; everything started is stopped, also on failure,
 * Ctrl-C or the overall limit (REPLICAS_TIMEOUT_SECONDS, default 300).
 */
'use strict';

const assert = require('assert/strict');
const childProcess = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const demoAlertmanager = require('./demo-alertmanager');
const demoKubernetes = require('./demo-kubernetes');

const ROOT = path.resolve(__dirname, '..');
const BACKEND_DIR = path.join(ROOT, 'packages', 'backend');
/** The production poll interval of both replicas. */
const INTERVAL_S = 10;
const TIMEOUT_S = Number(process.env.REPLICAS_TIMEOUT_SECONDS || 300);
const STOP_GRACE_MS = 10000;

const started = Date.now();
const state = { replicas: [], proxies: [], cleaning: undefined };

function log(message) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(5);
  process.stdout.write('[replicas ' + seconds + ' s] ' + message + '\n');
}

function sleep(ms) {
  return new Promise(resolve => setTimeout(resolve, ms));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Calls check until it returns a truthy value, at most `seconds`. */
async function waitFor(what, seconds, check) {
  const deadline = Date.now() + seconds * 1000;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await sleep(250);
  }
  throw new Error(what + ': not reached within ' + seconds + ' s' + (lastError ? ' (' + lastError.message + ')' : ''));
}

// --- PostgreSQL -------------------------------------------------------------

function postgresBinary(name) {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort().reverse() : [];
  for (const version of versions) {
    const file = path.join(root, version, 'bin', name);
    if (fs.existsSync(file)) return file;
  }
  throw new Error("PostgreSQL's " + name + ' not found under ' + root + '; install it: apt-get install -y postgresql');
}

/** initdb refuses root: as root the server runs as the postgres user. */
async function startPostgres() {
  const asRoot = process.getuid && process.getuid() === 0;
  const user = asRoot ? 'postgres' : os.userInfo().username;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-ops-replicas-pg-'));
  if (asRoot) {
    const entry = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find(line => line.startsWith('postgres:'));
    if (!entry) throw new Error('no postgres user; install PostgreSQL: apt-get install -y postgresql');
    const [, , uid, gid] = entry.split(':');
    fs.chownSync(dataDir, Number(uid), Number(gid));
  }
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find(file => fs.existsSync(file));
  const run = (command, args) => {
    const [file, argv] = asRoot ? [runuser, ['-u', 'postgres', '--', command, ...args]] : [command, args];
    const result = childProcess.spawnSync(file, argv, { encoding: 'utf8', timeout: 60000 });
    if (result.status !== 0) {
      throw new Error(path.basename(command) + ' failed: ' + ((result.error && result.error.message) || result.stderr || result.stdout));
    }
  };
  run(postgresBinary('initdb'), ['-D', dataDir, '--auth=trust', '-U', user, '--no-sync']);
  const port = await freePort();
  run(postgresBinary('pg_ctl'), [
    '-D', dataDir, '-w', '-t', '30', '-l', path.join(dataDir, 'server.log'),
    '-o', '-c listen_addresses=127.0.0.1 -p ' + port + ' -k ' + dataDir + ' -c fsync=off -c max_connections=200',
    'start',
  ]);
  return {
    port,
    user,
    stop() {
      try {
        run(postgresBinary('pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

// --- Counting proxies -------------------------------------------------------

/**
 * Forwards to `target`, recording each alert fetch (GET /api/v2/alerts) with
 * its time. While `holdMs` is set, answers wait that long: a poll is then
 * in progress for that long.
 */
function startProxy(name, target) {
  const proxy = { name, polls: [], pending: 0, holdMs: 0, server: undefined, url: undefined };
  proxy.server = http.createServer((req, res) => {
    const isPoll = req.method === 'GET' && req.url.startsWith('/api/v2/alerts');
    if (isPoll) {
      proxy.polls.push(Date.now());
      proxy.pending += 1;
    }
    const forward = () => {
      const upstream = http.request(new URL(req.url, target), { method: req.method, headers: req.headers }, answer => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
        answer.on('end', () => {
          if (isPoll) proxy.pending -= 1;
        });
      });
      upstream.on('error', error => {
        if (isPoll) proxy.pending -= 1;
        res.writeHead(502).end(String(error));
      });
      req.pipe(upstream);
    };
    if (isPoll && proxy.holdMs > 0) setTimeout(forward, proxy.holdMs);
    else forward();
  });
  return new Promise(resolve => {
    proxy.server.listen(0, '127.0.0.1', () => {
      proxy.url = 'http://127.0.0.1:' + proxy.server.address().port;
      resolve(proxy);
    });
  });
}

// --- Replicas ---------------------------------------------------------------

function writeConfig(dir, replica, urls, postgres) {
  const file = path.join(dir, replica.name + '.yaml');
  const YAML = require('yaml');
  const environment = (name, alertmanagerUrl) => ({
    name,
    title: name === 'production' ? 'Production' : 'Staging',
    alertmanager: { baseUrl: alertmanagerUrl, heartbeat: { alertname: 'Watchdog' } },
    kubernetes: {
      url: urls.kubernetes[name],
      serviceAccountToken: 'platform-ops-demo-' + name,
      skipTLSVerify: true,
    },
    maintenanceWindow: name === 'production' ? 'prod-monthly' : 'staging-monthly',
  });
  fs.writeFileSync(
    file,
    YAML.stringify({
      app: { baseUrl: replica.baseUrl },
      backend: {
        baseUrl: replica.baseUrl,
        listen: { port: replica.port, host: '127.0.0.1' },
        cors: { origin: replica.baseUrl },
        database: {
          client: 'pg',
          connection: { host: '127.0.0.1', port: postgres.port, user: postgres.user },
        },
      },
      platformOps: {
        environments: [
          environment('staging', urls.alertmanager.staging),
          environment('production', replica.proxy.url),
        ],
        alerting: { pollInterval: INTERVAL_S + 's' },
        backups: { pollInterval: '30s' },
      },
    }),
  );
  return file;
}

function startReplica(replica, configFile, env) {
  const logFile = path.join(state.workDir, replica.name + '.log');
  const out = fs.openSync(logFile, 'w');
  replica.logFile = logFile;
  replica.child = childProcess.spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--require', require.resolve('@backstage/cli-node/config/nodeTransform.cjs', { paths: [ROOT] }),
      'src/index',
      '--config', '../../app-config.yaml',
      '--config', configFile,
    ],
    {
      cwd: BACKEND_DIR,
      env: { ...env, NODE_ENV: 'development', ESBK_TSCONFIG_PATH: path.join(ROOT, 'tsconfig.json') },
      stdio: ['ignore', out, out],
      detached: true,
    },
  );
  fs.closeSync(out);
}

function tail(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n')
      .filter(line => !/rootHttpRouter/.test(line)).slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

function alive(replica) {
  return replica.child && replica.child.exitCode === null && replica.child.signalCode === null;
}

function killGroup(replica, signal) {
  try {
    process.kill(-replica.child.pid, signal);
  } catch {
    // already gone
  }
}

async function stopReplica(replica) {
  if (!replica.child) return;
  killGroup(replica, 'SIGTERM');
  for (let waited = 0; waited < STOP_GRACE_MS && alive(replica); waited += 100) await sleep(100);
  killGroup(replica, 'SIGKILL');
}

async function api(replica, method, urlPath, body) {
  const response = await fetch(replica.baseUrl + urlPath, {
    method,
    headers: {
      Authorization: 'Bearer ' + replica.token,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(15000),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function waitUntilServing(replica) {
  await waitFor(replica.name + ' health', 180, async () => {
    if (!alive(replica)) throw new Error(replica.name + ' exited:\n' + tail(replica.logFile, 30));
    const response = await fetch(replica.baseUrl + '/api/platform-ops/health', { signal: AbortSignal.timeout(3000) });
    return response.ok;
  });
  const refresh = await fetch(replica.baseUrl + '/api/auth/guest/refresh?env=development', {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  replica.token = (await refresh.json()).backstageIdentity.token;
  await waitFor(replica.name + ': the demo catalog in the summary', 180, async () => {
    const { status, body } = await api(replica, 'GET', '/api/platform-ops/overview?limit=200');
    return status === 200 && body.total >= 15;
  });
  log(replica.name + ' serving ' + replica.baseUrl);
}

// --- What is proven ---------------------------------------------------------

/** The parts of a summary both replicas must agree on (not when each built it). */
function comparable(summary) {
  const { generatedAt, ...rest } = summary;
  void generatedAt;
  return JSON.stringify(rest);
}

async function provePollsOnce(replicas) {
  const windowS = 3 * INTERVAL_S + 5;
  const from = Date.now();
  log('counting production polls over ' + windowS + ' s (interval ' + INTERVAL_S + ' s)');
  await sleep(windowS * 1000);
  const counts = replicas.map(replica => replica.proxy.polls.filter(at => at >= from).length);
  const total = counts[0] + counts[1];
  log('polls: ' + replicas.map((replica, i) => replica.name + ' ' + counts[i]).join(', ') + '; total ' + total);
  const most = Math.floor(windowS / INTERVAL_S) + 1;
  assert.ok(total >= Math.floor(windowS / INTERVAL_S) - 1, 'polls happen: ' + total + ' in ' + windowS + ' s');
  assert.ok(total <= most, 'once per interval across both replicas: ' + total + ' polls in ' + windowS + ' s, at most ' + most);
  // Consecutive polls, whoever made them, are an interval apart.
  const all = replicas.flatMap(replica => replica.proxy.polls.filter(at => at >= from)).sort((a, b) => a - b);
  for (let i = 1; i < all.length; i++) {
    assert.ok(all[i] - all[i - 1] >= INTERVAL_S * 1000 * 0.9, 'polls ' + (all[i] - all[i - 1]) + ' ms apart');
  }
}

async function proveSameAnswers(a, b) {
  const path1 = '/api/platform-ops/summary/component/default/ingress-nginx';
  await waitFor('the same ingress-nginx summary from both replicas', 30, async () => {
    const [one, two] = await Promise.all([api(a, 'GET', path1), api(b, 'GET', path1)]);
    return one.status === 200 && comparable(one.body) === comparable(two.body);
  });
  const path2 = '/api/platform-ops/overview?limit=200';
  await waitFor('the same overview from both replicas', 30, async () => {
    const [one, two] = await Promise.all([api(a, 'GET', path2), api(b, 'GET', path2)]);
    return one.status === 200 && JSON.stringify(one.body.rows) === JSON.stringify(two.body.rows);
  });
  log('both replicas serve the same summary and overview');
}

async function proveWriteReadBack(a, b) {
  const id = 'replicas-drill-' + Date.now();
  const written = await api(a, 'POST', '/api/platform-ops/drills', {
    id,
    entityRefs: ['component:default/redis-cache'],
    environment: 'staging',
    date: new Date().toISOString().slice(0, 10),
    scenario: 'Restore the cache from its nightly backup',
    ledBy: 'user:default/jane',
    measuredRto: '30m',
    outcome: 'succeeded',
  });
  assert.equal(written.status, 201, JSON.stringify(written.body));
  const listed = await api(b, 'GET', '/api/platform-ops/drills?entity=component:default/redis-cache');
  assert.ok(listed.body.drills.some(drill => drill.id === id), 'the other replica lists the drill at once');
  await waitFor('the drill in the other replica\'s summary', 15, async () => {
    const { body } = await api(b, 'GET', '/api/platform-ops/summary/component/default/redis-cache');
    return body.backups.lastDrill && body.backups.lastDrill.id === id;
  });
  log('a drill written to ' + a.name + ' is read back from ' + b.name);
}

async function proveTakeover(replicas) {
  // Hold every production answer 4 s: the next poll is caught in progress.
  for (const replica of replicas) replica.proxy.holdMs = 4000;
  const polling = await waitFor('a poll in progress', 3 * INTERVAL_S, async () =>
    replicas.find(replica => replica.proxy.pending > 0),
  );
  const other = replicas.find(replica => replica !== polling);
  const before = await api(other, 'GET', '/api/platform-ops/summary/component/default/ingress-nginx');
  const live = before.body.alerting.alerts.filter(alert => alert.environment === 'production').length;
  killGroup(polling, 'SIGKILL');
  const killedAt = Date.now();
  log('killed ' + polling.name + ' mid-poll');
  for (const replica of replicas) replica.proxy.holdMs = 0;

  const takenOver = await waitFor(other.name + ' polling', 3 * INTERVAL_S, async () =>
    other.proxy.polls.find(at => at > killedAt),
  );
  const seconds = (takenOver - killedAt) / 1000;
  log(other.name + ' took the poll over ' + seconds.toFixed(1) + ' s after the kill');
  assert.ok(seconds <= 2 * INTERVAL_S, 'taken over within two intervals (' + seconds + ' s)');

  // Nothing lost: the last good alerts stayed, and the new poll stored fresh ones.
  await waitFor('fresh production alerts on ' + other.name, 20, async () => {
    const { body } = await api(other, 'GET', '/api/platform-ops/summary/component/default/ingress-nginx');
    const status = body.alerting.status.find(entry => entry.environment === 'production');
    const count = body.alerting.alerts.filter(alert => alert.environment === 'production').length;
    return status.fetchedAt && Date.parse(status.fetchedAt) > killedAt && count === live && live > 0;
  });
  log('no alert lost: ' + live + ' production alerts before and after');
}

// --- Run ----------------------------------------------------------------------

async function cleanup() {
  state.cleaning ??= (async () => {
    await Promise.all(state.replicas.map(stopReplica));
    for (const proxy of state.proxies) proxy.server.close();
    if (state.alertmanagers) await demoAlertmanager.stop(state.alertmanagers);
    if (state.kubernetes) await demoKubernetes.stop(state.kubernetes);
    if (state.postgres) state.postgres.stop();
    if (state.workDir) fs.rmSync(state.workDir, { recursive: true, force: true });
  })();
  return state.cleaning;
}

async function main() {
  const overall = setTimeout(() => {
    log('stopped: over the ' + TIMEOUT_S + ' s limit');
    cleanup().finally(() => process.exit(1));
  }, TIMEOUT_S * 1000);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => cleanup().finally(() => process.exit(130)));
  }
  state.workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-ops-replicas-'));

  state.postgres = await startPostgres();
  log('PostgreSQL on 127.0.0.1:' + state.postgres.port);
  state.alertmanagers = await demoAlertmanager.start({
    ports: { production: await freePort(), staging: await freePort() },
    log: message => log('alertmanager: ' + message),
  });
  if (!state.alertmanagers.available) throw new Error('Alertmanager is not installed: ' + demoAlertmanager.NOT_INSTALLED_MESSAGE);
  state.kubernetes = await demoKubernetes.startDemo({
    ports: { production: 0, staging: 0 },
    reloadIntervalMs: 0,
    log: message => log('kubernetes: ' + message),
  });
  const urls = { alertmanager: state.alertmanagers.urls, kubernetes: state.kubernetes.urls };

  const replicas = [];
  for (const name of ['replica-a', 'replica-b']) {
    const port = await freePort();
    const proxy = await startProxy(name, urls.alertmanager.production);
    state.proxies.push(proxy);
    replicas.push({ name, port, proxy, baseUrl: 'http://127.0.0.1:' + port });
  }
  state.replicas = replicas;
  const env = { ...process.env };
  // The first replica creates the plugin databases and runs the migrations;
  // the second starts once it serves, as a rolling deployment would.
  startReplica(replicas[0], writeConfig(state.workDir, replicas[0], urls, state.postgres), env);
  await waitUntilServing(replicas[0]);
  startReplica(replicas[1], writeConfig(state.workDir, replicas[1], urls, state.postgres), env);
  await waitUntilServing(replicas[1]);

  const steps = [
    ['each poll runs once per interval across both replicas', () => provePollsOnce(replicas)],
    ['both replicas serve the same summary and overview', () => proveSameAnswers(replicas[0], replicas[1])],
    ['a write to one replica is read back from the other', () => proveWriteReadBack(replicas[0], replicas[1])],
    ['killing the polling replica mid-poll loses nothing; the other takes over within two intervals', () =>
      proveTakeover(replicas)],
  ];
  let failed = 0;
  for (const [what, step] of steps) {
    try {
      await step();
      log('ok: ' + what);
    } catch (error) {
      failed += 1;
      log('FAILED: ' + what + '\n  ' + error.message);
      for (const replica of replicas) log(replica.name + ' log:\n' + tail(replica.logFile, 15));
    }
  }
  clearTimeout(overall);
  await cleanup();
  log(failed === 0 ? 'all ' + steps.length + ' passed' : failed + ' of ' + steps.length + ' FAILED');
  process.exit(failed === 0 ? 0 : 1);
}

main().catch(async error => {
  log('error: ' + (error.stack || error.message));
  await cleanup();
  process.exit(1);
});
