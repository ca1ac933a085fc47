#!/usr/bin/env node
/*
 * Two real Alertmanagers on loopback for the demo, with demo alerts:
 *
 *   production  127.0.0.1:9093  a firing P1 on ingress-nginx, the Watchdog
 *                               heartbeat, a silenced P3 on fluentd and a P2
 *                               warning on velero;
 *   staging     127.0.0.1:9094  a P2 on cert-manager and one on ingress-nginx,
 *                               and NO Watchdog, so the heartbeat warning shows.
 *
 * The ports match platformOps.environments in app-config.yaml. Alerts are
 * posted with endsAt 24 h ahead and re-posted every 10 minutes, so they never
 * resolve while this runs; the silence is re-created if it is missing.
 *
 * Used by scripts/start-demo.js (npm start) and scripts/run-e2e.js, and
 * runnable alone: `node scripts/demo-alertmanager.js` (Ctrl-C stops both).
 *
 * Plain CommonJS with no dependencies; needs Node 18+ for fetch.
 */
'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const BINARY = process.env.ALERTMANAGER_PATH || '/usr/bin/prometheus-alertmanager';
const AMTOOL = process.env.AMTOOL_PATH || '/usr/bin/amtool';

/** The demo ports, as in app-config.yaml. */
const DEFAULT_PORTS = { production: 9093, staging: 9094 };

const HOUR_MS = 60 * 60 * 1000;
const ALERT_LIFETIME_MS = 24 * HOUR_MS;
const RESEED_INTERVAL_MS = 10 * 60 * 1000;
const READY_ATTEMPTS = 50;
const READY_INTERVAL_MS = 100;
const STOP_GRACE_MS = 5000;
const REQUEST_TIMEOUT_MS = 5000;

const SILENCE_CREATED_BY = 'platform-ops demo';
const SILENCE_COMMENT = 'known noisy during log rotation';

const NOT_INSTALLED_MESSAGE =
  'Alertmanager not installed; install with: apt-get install -y prometheus-alertmanager' +
  ' — the demo runs without live alerts';

/** Alertmanager's minimal valid config: every alert goes to a receiver that does nothing. */
const CONFIG = [
  'route:',
  "  receiver: 'null'",
  "  group_by: ['alertname']",
  'receivers:',
  "  - name: 'null'",
  '',
].join('\n');

function prometheusGraph(expr) {
  return 'http://127.0.0.1:9090/graph?g0.expr=' + encodeURIComponent(expr) + '&g0.tab=1';
}

/**
 * The demo alerts per environment. Labels follow the components'
 * platform-ops/alert-matchers in demo/catalog/platform.yaml. `ageMinutes`
 * sets startsAt, so the cards have a realistic "since".
 */
const DEMO_ALERTS = {
  production: [
    {
      labels: {
        alertname: 'IngressControllerDown',
        namespace: 'ingress-nginx',
        app: 'ingress-nginx',
        severity: 'critical',
        priority: 'P1',
      },
      annotations: {
        summary: 'Ingress controller has no ready replicas',
        description:
          'ingress-nginx-controller has had 0 of 3 replicas ready for 5 minutes; ' +
          'external HTTP(S) traffic into the cluster is failing.',
      },
      generatorURL: prometheusGraph(
        'kube_deployment_status_replicas_available{namespace="ingress-nginx",deployment="ingress-nginx-controller"} == 0',
      ),
      ageMinutes: 12,
    },
    {
      labels: { alertname: 'Watchdog', severity: 'none' },
      annotations: {
        summary: 'Always firing: proves the alerting pipeline works end to end',
        description:
          'This alert fires all the time. If it is missing, alerts are not reaching Alertmanager.',
      },
      generatorURL: prometheusGraph('vector(1)'),
      ageMinutes: 60 * 24 * 3,
    },
    {
      // Silenced below: shows how a silenced alert is marked.
      labels: {
        alertname: 'FluentdBufferNearlyFull',
        namespace: 'logging',
        app: 'fluentd',
        severity: 'info',
        priority: 'P3',
      },
      annotations: {
        summary: 'Fluentd output buffer is 85% full',
        description:
          'fluentd on node worker-3 buffers 85% of its 512 MiB queue; forwarding lags behind log rotation.',
      },
      generatorURL: prometheusGraph(
        'fluentd_output_status_buffer_total_bytes{namespace="logging"} / fluentd_output_status_buffer_queue_limit_bytes > 0.8',
      ),
      ageMinutes: 40,
    },
    {
      // No priority label: the level comes from velero's own levels (production=P2).
      labels: {
        alertname: 'VeleroBackupPartiallyFailed',
        namespace: 'velero',
        app: 'velero',
        severity: 'warning',
        schedule: 'daily-platform',
      },
      annotations: {
        summary: 'Velero backup partially failed',
        description:
          'Backup daily-platform-20261122020000 finished PartiallyFailed: 2 of 41 volume snapshots failed.',
      },
      generatorURL: prometheusGraph(
        'increase(velero_backup_partial_failure_total{schedule="daily-platform"}[1h]) > 0',
      ),
      ageMinutes: 95,
    },
  ],
  // No Watchdog here: the staging heartbeat is missing on purpose.
  staging: [
    {
      labels: {
        alertname: 'CertificateExpiringSoon',
        namespace: 'cert-manager',
        app: 'cert-manager',
        severity: 'warning',
        priority: 'P2',
        certificate: 'wildcard-staging-example-com',
      },
      annotations: {
        summary: 'Certificate wildcard-staging-example-com expires in 9 days',
        description:
          'cert-manager has failed to renew *.staging.example.com for 3 days (ACME order pending).',
      },
      generatorURL: prometheusGraph(
        'certmanager_certificate_expiration_timestamp_seconds - time() < 14 * 86400',
      ),
      ageMinutes: 180,
    },
    {
      labels: {
        alertname: 'IngressHighErrorRate',
        namespace: 'ingress-nginx',
        app: 'ingress-nginx',
        severity: 'warning',
        priority: 'P2',
      },
      annotations: {
        summary: 'Ingress 5xx rate above 5%',
        description: '7.3% of requests through ingress-nginx in staging answered 5xx over 10 minutes.',
      },
      generatorURL: prometheusGraph(
        'sum(rate(nginx_ingress_controller_requests{status=~"5.."}[5m])) / sum(rate(nginx_ingress_controller_requests[5m])) > 0.05',
      ),
      ageMinutes: 25,
    },
  ],
};

/** The silences per environment, re-created when missing. */
const DEMO_SILENCES = {
  production: [
    {
      matchers: [
        { name: 'alertname', value: 'FluentdBufferNearlyFull', isRegex: false, isEqual: true },
        { name: 'namespace', value: 'logging', isRegex: false, isEqual: true },
      ],
      createdBy: SILENCE_CREATED_BY,
      comment: SILENCE_COMMENT,
    },
  ],
  staging: [],
};

function defaultLog(message) {
  process.stdout.write('[demo-alertmanager] ' + message + '\n');
}

function sleep(ms) {
  return new Promise(resolve => setTimeout(resolve, ms));
}

async function request(url, options) {
  const response = await fetch(url, {
    ...options,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(
      (options && options.method ? options.method : 'GET') + ' ' + url + ': ' +
        response.status + ' ' + text.trim(),
    );
  }
  return text ? JSON.parse(text) : undefined;
}

function postJson(url, body) {
  return request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** True when nothing listens on 127.0.0.1:port. */
function isPortFree(port) {
  return new Promise(resolve => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

/** A port the kernel has just handed out on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const port = server.address().port;
      server.close(() => resolve(port));
    });
  });
}

function isInstalled() {
  return fs.existsSync(BINARY);
}

/** Runs `amtool check-config` once; returns an error text or undefined. */
function checkConfig(file) {
  if (!fs.existsSync(AMTOOL)) return undefined;
  const result = childProcess.spawnSync(AMTOOL, ['check-config', file], {
    encoding: 'utf8',
    timeout: 10000,
  });
  if (result.error) return result.error.message;
  if (result.status !== 0) return (result.stdout + result.stderr).trim();
  return undefined;
}

async function waitUntilReady(instance) {
  for (let attempt = 0; attempt < READY_ATTEMPTS; attempt++) {
    if (instance.child.exitCode !== null || instance.child.signalCode !== null) {
      throw new Error(
        'Alertmanager for ' + instance.environment + ' exited (' +
          (instance.child.exitCode ?? instance.child.signalCode) + '): ' +
          instance.output().trim().split('\n').slice(-5).join(' | '),
      );
    }
    try {
      const response = await fetch(instance.url + '/-/ready', {
        signal: AbortSignal.timeout(1000),
      });
      if (response.ok) return;
    } catch (error) {
      // Not listening yet.
    }
    await sleep(READY_INTERVAL_MS);
  }
  throw new Error(
    'Alertmanager for ' + instance.environment + ' at ' + instance.url + ' was not ready after ' +
      (READY_ATTEMPTS * READY_INTERVAL_MS) / 1000 + ' s',
  );
}

function spawnAlertmanager(environment, port, configFile, log) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-ops-demo-am-' + environment + '-'));
  const url = 'http://127.0.0.1:' + port;
  const child = childProcess.spawn(
    BINARY,
    [
      '--web.listen-address=127.0.0.1:' + port,
      '--cluster.listen-address=',
      '--storage.path=' + dir,
      '--config.file=' + configFile,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // Keep the last few KiB of output to explain a failed start.
  let output = '';
  const collect = chunk => {
    output = (output + chunk.toString()).slice(-4096);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  child.on('error', error => collect('spawn error: ' + error.message + '\n'));
  child.on('exit', (code, signal) => {
    if (!instance.stopping) {
      log(
        environment + ' Alertmanager on ' + url + ' exited unexpectedly (' + (code ?? signal) + ')',
      );
    }
  });
  const instance = {
    environment,
    port,
    url,
    dir,
    child,
    stopping: false,
    output: () => output,
  };
  return instance;
}

async function stopInstance(instance) {
  instance.stopping = true;
  const { child } = instance;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise(resolve => child.once('exit', resolve));
    child.kill('SIGTERM');
    let timer;
    await Promise.race([exited, new Promise(resolve => (timer = setTimeout(resolve, STOP_GRACE_MS)))]);
    clearTimeout(timer);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await Promise.race([exited, sleep(1000)]);
    }
  }
  fs.rmSync(instance.dir, { recursive: true, force: true });
}

/** Posts one environment's demo alerts, keeping startsAt stable across re-posts. */
async function postAlerts(url, alerts, startedAt) {
  const endsAt = new Date(Date.now() + ALERT_LIFETIME_MS).toISOString();
  const body = alerts.map(alert => ({
    labels: alert.labels,
    annotations: alert.annotations,
    generatorURL: alert.generatorURL,
    startsAt: new Date(startedAt - alert.ageMinutes * 60 * 1000).toISOString(),
    endsAt,
  }));
  await postJson(url + '/api/v2/alerts', body);
}

function sameMatchers(a, b) {
  const key = matchers =>
    matchers
      .map(m => [m.name, m.value, Boolean(m.isRegex), m.isEqual !== false].join('\u0000'))
      .sort()
      .join('\u0001');
  return key(a) === key(b);
}

/** Creates each silence unless an active one with the same matchers lasts at least another hour. */
async function ensureSilences(url, silences) {
  if (silences.length === 0) return 0;
  const existing = (await request(url + '/api/v2/silences')) || [];
  let created = 0;
  for (const silence of silences) {
    const present = existing.some(
      item =>
        item.status && item.status.state === 'active' &&
        item.createdBy === silence.createdBy &&
        sameMatchers(item.matchers, silence.matchers) &&
        Date.parse(item.endsAt) - Date.now() > HOUR_MS,
    );
    if (present) continue;
    await postJson(url + '/api/v2/silences', {
      matchers: silence.matchers,
      startsAt: new Date().toISOString(),
      endsAt: new Date(Date.now() + ALERT_LIFETIME_MS).toISOString(),
      createdBy: silence.createdBy,
      comment: silence.comment,
    });
    created += 1;
  }
  return created;
}

/**
 * Posts the demo alerts and silences to Alertmanagers that already run.
 *
 * @param urls e.g. { production: 'http://127.0.0.1:9093', staging: 'http://127.0.0.1:9094' }
 * @param options.startedAt base time for startsAt (ms), so re-posts keep "since" stable
 */
async function seed(urls, options) {
  const startedAt = (options && options.startedAt) || Date.now();
  const summary = {};
  for (const environment of Object.keys(urls)) {
    const url = urls[environment];
    const alerts = DEMO_ALERTS[environment] || [];
    await postAlerts(url, alerts, startedAt);
    // Silence after posting, so the alert is never seen unsilenced for long.
    const silences = await ensureSilences(url, DEMO_SILENCES[environment] || []);
    summary[environment] = { alerts: alerts.length, silencesCreated: silences };
  }
  return summary;
}

/**
 * Starts one Alertmanager per environment on 127.0.0.1 and seeds the demo
 * alerts.
 *
 * @param options.ports      { production: 9093, staging: 9094 } by default
 * @param options.seed       post the demo alerts (default true)
 * @param options.reseedIntervalMs re-post interval (default 10 min; 0 turns it off)
 * @param options.log        line logger (default: stdout with a prefix)
 * @returns a handle `{ available, environments: { name: { url, port, pid } }, urls, stop() }`.
 *   When Alertmanager is not installed it logs one line and returns
 *   `available: false` with no environments; `stop()` is then a no-op.
 *   When a port is taken, that environment is left out with a warning.
 */
async function start(options) {
  const opts = options || {};
  const log = opts.log || defaultLog;
  const ports = opts.ports || DEFAULT_PORTS;
  const handle = {
    available: false,
    environments: {},
    urls: {},
    instances: [],
    timer: undefined,
    stop: () => stop(handle),
  };
  if (!isInstalled()) {
    log(NOT_INSTALLED_MESSAGE);
    return handle;
  }
  handle.available = true;

  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-ops-demo-am-config-'));
  handle.configDir = configDir;
  const configFile = path.join(configDir, 'alertmanager.yml');
  fs.writeFileSync(configFile, CONFIG);
  const invalid = checkConfig(configFile);
  if (invalid) {
    await stop(handle);
    throw new Error('amtool check-config rejected the demo config: ' + invalid);
  }

  try {
    for (const environment of Object.keys(ports)) {
      const port = ports[environment];
      if (!(await isPortFree(port))) {
        log(
          '127.0.0.1:' + port + ' is already in use (an Alertmanager left from an earlier run?); ' +
            'not starting the ' + environment + ' Alertmanager',
        );
        continue;
      }
      handle.instances.push(spawnAlertmanager(environment, port, configFile, log));
    }
    await Promise.all(handle.instances.map(waitUntilReady));
    for (const instance of handle.instances) {
      handle.environments[instance.environment] = {
        url: instance.url,
        port: instance.port,
        pid: instance.child.pid,
      };
      handle.urls[instance.environment] = instance.url;
    }
    if (opts.seed !== false && handle.instances.length > 0) {
      const startedAt = Date.now();
      await seed(handle.urls, { startedAt });
      const interval = opts.reseedIntervalMs === undefined ? RESEED_INTERVAL_MS : opts.reseedIntervalMs;
      if (interval > 0) {
        handle.timer = setInterval(() => {
          seed(handle.urls, { startedAt }).catch(error =>
            log('re-posting the demo alerts failed: ' + error.message),
          );
        }, interval);
        handle.timer.unref();
      }
    }
  } catch (error) {
    await stop(handle);
    throw error;
  }
  return handle;
}

/** Stops the Alertmanagers of a handle from start() and removes their data. */
async function stop(handle) {
  if (!handle || handle.stopped) return;
  handle.stopped = true;
  if (handle.timer) clearInterval(handle.timer);
  await Promise.all((handle.instances || []).map(stopInstance));
  if (handle.configDir) fs.rmSync(handle.configDir, { recursive: true, force: true });
}

/** One line per environment, for logs. */
function describe(handle) {
  return Object.keys(handle.environments).map(environment => {
    const alerts = DEMO_ALERTS[environment] || [];
    const silenced = (DEMO_SILENCES[environment] || []).length;
    const watchdog = alerts.some(alert => alert.labels.alertname === 'Watchdog');
    return (
      environment + ' Alertmanager on ' + handle.environments[environment].url + ' (pid ' +
      handle.environments[environment].pid + '): ' + alerts.length + ' demo alerts' +
      (silenced ? ', ' + silenced + ' silenced' : '') +
      (watchdog ? ', Watchdog firing' : ', no Watchdog (heartbeat missing on purpose)')
    );
  });
}

async function main() {
  let handle;
  let stopping = false;
  const shutdown = async signal => {
    if (stopping) return;
    stopping = true;
    defaultLog('stopping (' + signal + ')');
    await stop(handle);
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  try {
    handle = await start();
  } catch (error) {
    defaultLog('could not start the demo Alertmanagers: ' + error.message);
    process.exit(1);
  }
  if (!handle.available || handle.instances.length === 0) {
    process.exit(handle.available ? 1 : 0);
  }
  describe(handle).forEach(line => defaultLog(line));
  defaultLog('alerts are re-posted every 10 minutes; Ctrl-C stops both');
  // Exit if every Alertmanager died, rather than idling forever.
  handle.instances.forEach(instance =>
    instance.child.on('exit', () => {
      const alive = handle.instances.some(item => item.child.exitCode === null && item.child.signalCode === null);
      if (!alive && !stopping) {
        defaultLog('every Alertmanager exited');
        stop(handle).then(() => process.exit(1));
      }
    }),
  );
}

module.exports = {
  start,
  stop,
  seed,
  describe,
  freePort,
  isInstalled,
  DEFAULT_PORTS,
  DEMO_ALERTS,
  DEMO_SILENCES,
  NOT_INSTALLED_MESSAGE,
};

if (require.main === module) {
  main();
}
