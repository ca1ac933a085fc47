#!/usr/bin/env node
/*
 * End-to-end suite behind `npm run test:e2e` (through scripts/bootstrap.js,
 * which sets up Node, the dependencies and Chromium first).
 *
 *   1. builds the frontend once (packages/app/dist), which the backend serves;
 *   2. starts the demo Alertmanagers (scripts/demo-alertmanager.js) and the
 *      demo Kubernetes API stand-ins with their Velero objects
 *      (scripts/demo-kubernetes.js) on free loopback ports, never the demo's
 *      9093/9094 and 16443/16444;
 *   3. starts the backend (packages/backend, as `yarn workspace backend start`
 *      does but without restarts on file changes) on a free loopback port with
 *      e2e/app-config.e2e.yaml on top of app-config.yaml, and its SQLite
 *      files in a temporary folder (never the demo's demo-data/), and waits
 *      for its health, the demo catalog and a first alert poll;
 *   4. seeds the demo's drills and changes through the API
 *      (scripts/demo-seed.js, as `npm start` does); a failure stops the run;
 *   5. runs the browser tests e2e/*.test.mjs with `node --test` (playwright-core
 *      driving Debian's Chromium); each browser test leaves a full-page
 *      screenshot of what it checked, passed or failed, in
 *      e2e-test-report/screenshots/ (git-ignored, emptied at the start of a run);
 *   6. stops everything, also on failure, Ctrl-C or the overall time limit.
 *
 * Options:
 *   --screenshots  write docs/screenshots/*.png (e2e/screenshots.mjs) instead
 *                  of running the tests
 *   --skip-build   reuse an existing packages/app/dist
 *   --serve        set everything up, print the URL and wait for Ctrl-C
 *                  (for writing tests; no overall time limit)
 *   anything else  passed to `node --test` (e.g. --test-name-pattern=rabbitmq)
 *
 * Environment: E2E_TIMEOUT_SECONDS (default 300), CHROMIUM_PATH.
 */
'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const demoAlertmanager = require('./demo-alertmanager');
const demoKubernetes = require('./demo-kubernetes');
const demoSeed = require('./demo-seed');

const ROOT = path.resolve(__dirname, '..');
const YARN = path.join(ROOT, '.yarn', 'releases', 'yarn-4.13.0.cjs');
const E2E_DIR = path.join(ROOT, 'e2e');
const BACKEND_DIR = path.join(ROOT, 'packages', 'backend');
const E2E_CONFIG = path.join(E2E_DIR, 'app-config.e2e.yaml');
const SCREENSHOT_DIR = path.join(ROOT, 'docs', 'screenshots');
const REPORT_SCREENSHOT_DIR = path.join(ROOT, 'e2e-test-report', 'screenshots');

const OVERALL_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_SECONDS || 300) * 1000;
const BUILD_TIMEOUT_MS = 180 * 1000;
const STOP_GRACE_MS = 10 * 1000;
// Bounded waits: attempts × interval.
const HEALTH_WAIT = { attempts: 120, intervalMs: 1000 };
const CATALOG_WAIT = { attempts: 90, intervalMs: 1000 };
const SOURCES_WAIT = { attempts: 30, intervalMs: 1000 };
const DEMO_ENTITIES = ['component:default/ingress-nginx', 'component:default/rabbitmq'];

const started = Date.now();
const state = {
  alertmanagers: undefined,
  kubernetes: undefined,
  backend: undefined,
  tests: undefined,
  workDir: fs.mkdtempSync(path.join(os.tmpdir(), 'platform-ops-e2e-')),
  cleaning: undefined,
};

function log(message) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(5);
  process.stdout.write('[e2e ' + seconds + ' s] ' + message + '\n');
}

function sleep(ms) {
  return new Promise(resolve => setTimeout(resolve, ms));
}

function parseArgs(argv) {
  const options = { screenshots: false, skipBuild: false, serve: false, testArgs: [] };
  for (const arg of argv) {
    if (arg === '--screenshots') options.screenshots = true;
    else if (arg === '--skip-build') options.skipBuild = true;
    else if (arg === '--serve') options.serve = true;
    else options.testArgs.push(arg);
  }
  return options;
}

/** The last lines of a log, without the backend's per-request access lines. */
function tail(file, lines) {
  try {
    return fs
      .readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .filter(line => !/rootHttpRouter.*"(GET|POST|HEAD) /.test(line))
      .slice(-lines)
      .join('\n');
  } catch (error) {
    return '(no output)';
  }
}

/** Runs a command to completion with its output in a log file; bounded. */
function runLogged(name, args, options) {
  const logFile = path.join(state.workDir, name + '.log');
  const out = fs.openSync(logFile, 'w');
  const begun = Date.now();
  return new Promise((resolve, reject) => {
    const child = childProcess.spawn(process.execPath, args, {
      cwd: ROOT,
      env: options.env,
      stdio: ['ignore', out, out],
      detached: true,
    });
    fs.closeSync(out);
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      reject(new Error(name + ' took longer than ' + options.timeoutMs / 1000 + ' s\n' + tail(logFile, 40)));
    }, options.timeoutMs);
    child.on('error', error => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', code => {
      clearTimeout(timer);
      if (code === 0) resolve((Date.now() - begun) / 1000);
      else reject(new Error(name + ' failed (exit ' + code + '):\n' + tail(logFile, 40)));
    });
  });
}

function isAlive(child) {
  return child && child.exitCode === null && child.signalCode === null;
}

/** Signals the whole process group of a child started with detached: true. */
function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch (error) {
    return false; // the group is gone
  }
}

function groupExists(child) {
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch (error) {
    return false;
  }
}

/** SIGTERM to the group, then SIGKILL whatever is left after the grace time. */
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
      if (state.tests) await stopGroup(state.tests, 'the test runner');
      await stopGroup(state.backend, 'the backend');
      if (state.alertmanagers) await demoAlertmanager.stop(state.alertmanagers);
      if (state.kubernetes) await demoKubernetes.stop(state.kubernetes);
      fs.rmSync(state.workDir, { recursive: true, force: true });
    })();
  }
  return state.cleaning;
}

async function fetchJson(url, options) {
  const response = await fetch(url, { ...options, signal: AbortSignal.timeout(5000) });
  if (!response.ok) {
    const error = new Error(url + ': HTTP ' + response.status);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

/** Calls check until it returns a truthy value, at most attempts times. */
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

/**
 * The e2e config replaces platformOps.environments; fail if it drifted from
 * app-config.yaml apart from the Alertmanager and Kubernetes API URLs.
 */
function checkEnvironmentsInStep() {
  let YAML;
  try {
    YAML = require('yaml'); // a Backstage dependency, hoisted to the root
  } catch (error) {
    log('yaml not found; not checking e2e/app-config.e2e.yaml against app-config.yaml');
    return;
  }
  const read = file => YAML.parse(fs.readFileSync(file, 'utf8'));
  const shape = config =>
    JSON.stringify(
      ((config.platformOps || {}).environments || []).map(environment => ({
        ...environment,
        alertmanager: environment.alertmanager && {
          ...environment.alertmanager,
          baseUrl: undefined,
        },
        kubernetes: environment.kubernetes && { ...environment.kubernetes, url: undefined },
      })),
    );
  const main = shape(read(path.join(ROOT, 'app-config.yaml')));
  const e2e = shape(read(E2E_CONFIG));
  if (main !== e2e) {
    throw new Error(
      'platformOps.environments in e2e/app-config.e2e.yaml differs from app-config.yaml ' +
        '(apart from the Alertmanager and Kubernetes URLs); update the e2e config.\n  app-config.yaml: ' +
        main + '\n  e2e config:      ' + e2e,
    );
  }
}

async function buildFrontend(env) {
  log('building the frontend (yarn workspace app build)');
  const seconds = await runLogged('frontend-build', [YARN, 'workspace', 'app', 'build'], {
    env,
    timeoutMs: BUILD_TIMEOUT_MS,
  });
  log('frontend built in ' + seconds.toFixed(0) + ' s');
}

async function startAlertmanagers() {
  const ports = {
    production: await demoAlertmanager.freePort(),
    staging: await demoAlertmanager.freePort(),
  };
  const handle = await demoAlertmanager.start({
    ports,
    log: message => log('alertmanager: ' + message),
  });
  state.alertmanagers = handle;
  if (!handle.available) return ports;
  demoAlertmanager.describe(handle).forEach(line => log(line));
  return ports;
}

/** The Velero stand-ins on ports the kernel picks; the demo's stay free. */
async function startKubernetes() {
  const handle = await demoKubernetes.startDemo({
    ports: { production: 0, staging: 0 },
    reloadIntervalMs: 0,
    log: message => log('kubernetes: ' + message),
  });
  state.kubernetes = handle;
  demoKubernetes.describe(handle).forEach(line => log(line));
  return handle.urls;
}

async function startBackend(env, baseUrl) {
  const logFile = path.join(state.workDir, 'backend.log');
  const out = fs.openSync(logFile, 'w');
  log('starting the backend on ' + baseUrl + ' (log: ' + logFile + ')');
  // What `yarn workspace backend start --config ...` runs (backstage-cli's
  // runBackend), minus its file watcher: that restarts the backend whenever a
  // source file changes, which must not happen halfway through a run.
  const child = childProcess.spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--require', require.resolve('@backstage/cli-node/config/nodeTransform.cjs', { paths: [ROOT] }),
      'src/index',
      '--config', '../../app-config.yaml',
      '--config', path.relative(BACKEND_DIR, E2E_CONFIG),
    ],
    {
      cwd: BACKEND_DIR,
      env: {
        ...env,
        NODE_ENV: 'development', // as backstage-cli sets it; guest sign-in needs it
        ESBK_TSCONFIG_PATH: path.join(ROOT, 'tsconfig.json'),
      },
      stdio: ['ignore', out, out],
      detached: true,
    },
  );
  fs.closeSync(out);
  state.backend = child;
  state.backendLog = logFile;

  await waitFor('backend health (' + baseUrl + '/api/platform-ops/health)', HEALTH_WAIT, async () => {
    if (!isAlive(child)) throw new Error('the backend exited:\n' + tail(logFile, 40));
    const body = await fetchJson(baseUrl + '/api/platform-ops/health');
    return body.status === 'ok';
  }).catch(error => {
    if (/backend exited/.test(error.message)) throw error;
    throw new Error(error.message + '\n' + tail(logFile, 40));
  });
  log('backend healthy');

  const { backstageIdentity } = await fetchJson(
    baseUrl + '/api/auth/guest/refresh?env=development',
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  const headers = { Authorization: 'Bearer ' + backstageIdentity.token };
  await waitFor('the demo catalog', CATALOG_WAIT, async () => {
    for (const ref of DEMO_ENTITIES) {
      const [kind, rest] = ref.split(':');
      const [namespace, name] = rest.split('/');
      await fetchJson(
        baseUrl + '/api/catalog/entities/by-name/' + kind + '/' + namespace + '/' + name,
        { headers },
      );
    }
    return true;
  });
  log('demo catalog loaded');

  if (state.alertmanagers && state.alertmanagers.available) {
    await waitFor('a first poll of every source', SOURCES_WAIT, async () => {
      const { sources } = await fetchJson(baseUrl + '/api/platform-ops/sources', { headers });
      return sources.length >= 2 && sources.every(source => source.fetchedAt);
    });
    log('alerts and backups polled from every source');
  }
}

/** The demo's drills and changes, as npm start seeds them; the tests rely on them. */
async function seedDemo(baseUrl) {
  try {
    const result = await demoSeed.seedDemo({
      baseUrl,
      waitSeconds: 60,
      log: message => log('seed: ' + message),
    });
    demoSeed.describe(result).forEach(line => log(line));
  } catch (error) {
    throw new Error('seeding the demo data failed: ' + error.message);
  }
}

function runNode(name, args, env) {
  log(name + ': node ' + args.map(arg => path.relative(ROOT, arg) || arg).join(' '));
  return new Promise((resolve, reject) => {
    const child = childProcess.spawn(process.execPath, args, {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    });
    state.tests = child;
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      state.tests = undefined;
      resolve(code === null ? 1 : code);
      void signal;
    });
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));

  let overall;
  if (!options.serve) {
    overall = setTimeout(() => {
      log('overall time limit of ' + OVERALL_TIMEOUT_MS / 1000 + ' s reached; stopping everything');
      if (state.backendLog) process.stdout.write(tail(state.backendLog, 30) + '\n');
      cleanup().finally(() => process.exit(1));
    }, OVERALL_TIMEOUT_MS);
    overall.unref();
  }
  const onSignal = signal => {
    log('stopping (' + signal + ')');
    cleanup().finally(() => process.exit(1));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  checkEnvironmentsInStep();
  const env = { ...process.env, CI: 'true' };
  if (!options.skipBuild) {
    await buildFrontend(env);
  } else if (!fs.existsSync(path.join(ROOT, 'packages', 'app', 'dist', 'index.html'))) {
    throw new Error('--skip-build given but packages/app/dist has no build');
  }

  const ports = await startAlertmanagers();
  const kubernetesUrls = await startKubernetes();
  const backendPort = await demoAlertmanager.freePort();
  const baseUrl = 'http://127.0.0.1:' + backendPort;
  const backendEnv = {
    ...env,
    E2E_BASE_URL: baseUrl,
    E2E_BACKEND_PORT: String(backendPort),
    E2E_ALERTMANAGER_PRODUCTION: 'http://127.0.0.1:' + ports.production,
    E2E_ALERTMANAGER_STAGING: 'http://127.0.0.1:' + ports.staging,
    E2E_KUBERNETES_PRODUCTION: kubernetesUrls.production,
    E2E_KUBERNETES_STAGING: kubernetesUrls.staging,
    // Inside the work directory, so cleanup removes it with the logs.
    E2E_DATABASE_DIR: path.join(state.workDir, 'database'),
  };
  await startBackend(backendEnv, baseUrl);
  await seedDemo(baseUrl);

  const testEnv = {
    ...env,
    E2E_BASE_URL: baseUrl,
    E2E_ROOT: ROOT,
    E2E_SCREENSHOT_DIR: SCREENSHOT_DIR,
    E2E_REPORT_SCREENSHOT_DIR: REPORT_SCREENSHOT_DIR,
    E2E_ALERTMANAGER_PRODUCTION: backendEnv.E2E_ALERTMANAGER_PRODUCTION,
    E2E_ALERTMANAGER_STAGING: backendEnv.E2E_ALERTMANAGER_STAGING,
    E2E_KUBERNETES_PRODUCTION: backendEnv.E2E_KUBERNETES_PRODUCTION,
    E2E_KUBERNETES_STAGING: backendEnv.E2E_KUBERNETES_STAGING,
  };
  log('ready after ' + ((Date.now() - started) / 1000).toFixed(0) + ' s');

  if (options.serve) {
    log('serving ' + baseUrl + ' (Alertmanagers ' + testEnv.E2E_ALERTMANAGER_PRODUCTION + ', ' +
      testEnv.E2E_ALERTMANAGER_STAGING + '; Kubernetes APIs ' + testEnv.E2E_KUBERNETES_PRODUCTION +
      ', ' + testEnv.E2E_KUBERNETES_STAGING + '); Ctrl-C stops everything');
    await new Promise(() => {});
  }

  let code;
  if (options.screenshots) {
    code = await runNode('screenshots', [path.join(E2E_DIR, 'screenshots.mjs')], testEnv);
  } else {
    // Only this run's screenshots: a test that no longer runs leaves none.
    fs.rmSync(REPORT_SCREENSHOT_DIR, { recursive: true, force: true });
    code = await runNode(
      'tests',
      [
        '--test',
        '--test-reporter=spec',
        '--test-concurrency=1',
        '--test-timeout=120000',
        ...options.testArgs,
        'e2e/*.test.mjs',
      ],
      testEnv,
    );
  }
  // Stopped by the time limit or a signal: that handler reports and exits.
  if (state.cleaning) await new Promise(() => {});
  if (code !== 0 && state.backendLog) {
    log('backend log (last 30 lines):\n' + tail(state.backendLog, 30));
  }
  await cleanup();
  clearTimeout(overall);
  if (!options.screenshots) {
    const shots = fs.existsSync(REPORT_SCREENSHOT_DIR)
      ? fs.readdirSync(REPORT_SCREENSHOT_DIR).filter(file => file.endsWith('.png')).length
      : 0;
    log('screenshots of the browser tests: ' + shots + ' in ' +
      path.relative(ROOT, REPORT_SCREENSHOT_DIR) + '/ (git-ignored)');
  }
  log((options.screenshots ? 'screenshots' : 'e2e suite') + (code === 0 ? ' passed' : ' FAILED') +
    ' in ' + ((Date.now() - started) / 1000).toFixed(0) + ' s');
  process.exit(code);
}

main().catch(error => {
  log('error: ' + (error && error.stack ? error.message : error));
  cleanup().finally(() => process.exit(1));
});
