#!/usr/bin/env node
/*
 * Serves the demo Backstage (frontend :3000, backend :7007) with the demo
 * platform catalog, after starting two loopback Alertmanagers with demo alerts
 * (production :9093, staging :9094; see scripts/demo-alertmanager.js) and two
 * loopback Kubernetes API stand-ins serving the demo's Velero objects
 * (production :16443, staging :16444; see scripts/demo-kubernetes.js). Run
 * through `npm start`, which sets up Node and the dependencies first.
 *
 * Without Alertmanager installed the demo still starts; the cards then show
 * both alert sources as unreachable. The stand-ins need nothing installed.
 *
 * Once the backend is healthy and the catalog loaded, the demo's drills and
 * maintenance changes are recorded through the API (scripts/demo-seed.js),
 * each under a fixed id, so a restart records nothing twice. A failure there
 * is logged and the demo keeps running.
 *
 * What the demo records is kept in SQLite files under demo-data/ (see
 * backend.database in app-config.yaml); delete that folder while the demo is
 * stopped to start afresh.
 */
'use strict';

const childProcess = require('child_process');
const path = require('path');
const demoAlertmanager = require('./demo-alertmanager');
const demoKubernetes = require('./demo-kubernetes');
const demoSeed = require('./demo-seed');

const ROOT = path.resolve(__dirname, '..');
// Where app-config.yaml's backend.database.connection.directory points.
const DATA_DIR = path.join(ROOT, 'demo-data');
const YARN = path.join(ROOT, '.yarn', 'releases', 'yarn-4.13.0.cjs');
// After Ctrl-C, how long Backstage gets to exit before it is killed.
const EXIT_GRACE_MS = 15000;
// The backend of app-config.yaml (backend.listen), which the seeding calls.
const BACKEND_URL = 'http://127.0.0.1:7007';
// How long the seeding waits for the backend and the catalog on a first start.
const SEED_WAIT_SECONDS = 300;

function log(message) {
  process.stdout.write('[platform-ops] ' + message + '\n');
}

async function startAlertmanagers() {
  try {
    const handle = await demoAlertmanager.start({
      log: message => log('demo Alertmanager: ' + message),
    });
    demoAlertmanager.describe(handle).forEach(line => log(line));
    return handle;
  } catch (error) {
    log(
      'demo Alertmanagers did not start (' + error.message + '); ' +
        'continuing without live alerts',
    );
    return undefined;
  }
}

async function startKubernetes() {
  try {
    const handle = await demoKubernetes.startDemo({
      log: message => log('demo Kubernetes API: ' + message),
    });
    demoKubernetes.describe(handle).forEach(line => log(line));
    return handle;
  } catch (error) {
    log(
      'demo Kubernetes API stand-ins did not start (' + error.message + '); ' +
        'continuing without Velero backups',
    );
    return undefined;
  }
}

/**
 * Records the demo's drills and changes once Backstage answers; never stops
 * the demo. `signal` aborts the waiting when the demo stops first.
 */
async function seedDemoData(signal) {
  try {
    const result = await demoSeed.seedDemo({
      baseUrl: BACKEND_URL,
      waitSeconds: SEED_WAIT_SECONDS,
      signal,
      log: message => log('demo data: ' + message),
    });
    demoSeed.describe(result).forEach(line => log(line));
  } catch (error) {
    if (signal.aborted) return;
    log(
      'seeding the demo data failed (' + error.message + '); the demo keeps running without ' +
        'it. Run `node scripts/demo-seed.js` to try again',
    );
  }
}

async function main() {
  let alertmanagers;
  let kubernetes;
  let backstage;
  let exiting = false;

  const seeding = new AbortController();
  const finish = async code => {
    seeding.abort();
    const handles = [alertmanagers, kubernetes];
    alertmanagers = undefined;
    kubernetes = undefined;
    if (handles[0]) await demoAlertmanager.stop(handles[0]);
    if (handles[1]) await demoKubernetes.stop(handles[1]);
    process.exit(code);
  };

  const onSignal = signal => {
    if (exiting) return;
    exiting = true;
    if (!backstage || backstage.exitCode !== null) {
      finish(0);
      return;
    }
    backstage.kill(signal);
    setTimeout(() => {
      if (backstage.exitCode === null && backstage.signalCode === null) {
        log('Backstage did not exit within ' + EXIT_GRACE_MS / 1000 + ' s; killing it');
        backstage.kill('SIGKILL');
      }
    }, EXIT_GRACE_MS).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  alertmanagers = await startAlertmanagers();
  kubernetes = await startKubernetes();
  if (exiting) {
    await finish(0);
    return;
  }

  log(
    'demo data is kept in ' + path.relative(process.cwd(), DATA_DIR) + '/; ' +
      'stop the demo and delete that folder to start afresh',
  );
  backstage = childProcess.spawn(
    process.execPath,
    [YARN, 'backstage-cli', 'repo', 'start'],
    { cwd: ROOT, env: process.env, stdio: 'inherit' },
  );
  backstage.on('error', error => {
    log('could not start Backstage: ' + error.message);
    finish(1);
  });
  backstage.on('exit', code => {
    finish(exiting ? 0 : code ?? 1);
  });
  seedDemoData(seeding.signal);
}

main();
