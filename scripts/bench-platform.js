/*
 * The platform `yarn bench` (scripts/bench.js) measures against: 10,000
 * annotated components with their teams and people, alerts whose labels
 * match the components' matchers, and the app-config overlay that points
 * the backend at them. Everything is deterministic, so every run measures
 * the same data.
 *
 * Plain CommonJS; `yaml` is a Backstage dependency hoisted to the root.
 */
'use strict';

const YAML = require('yaml');

const COMPONENTS = 10000;
const TEAMS = 50;
const USERS = 200;
/** Parties of app-config.yaml's platformOps.parties, with their owner groups. */
const PARTIES = [
  { party: 'application', weight: 6 },
  { party: 'platform', weight: 2, owner: 'platform-team' },
  { party: 'infrastructure', weight: 1, owner: 'infra-team' },
  { party: 'it-systems', weight: 1, owner: 'it-systems' },
];
const PARTY_GROUPS = ['platform-team', 'platform-oncall', 'it-systems', 'infra-team', 'identity-team'];
const RELEASES = ['postgres@16', 'redis@7.2', 'kubernetes@1.35', 'rabbitmq@3.13', 'nginx@1.27'];
const ALERT_LIFETIME_MS = 3 * 60 * 60 * 1000;

/** A small deterministic generator (the same as the match benchmark's). */
function random(seed) {
  let state = seed;
  return n => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor(state / 65536) % n;
  };
}

function componentName(i) {
  return 'svc-' + i;
}

function partyOf(i) {
  let slot = i % 10;
  for (const entry of PARTIES) {
    if (slot < entry.weight) return entry;
    slot -= entry.weight;
  }
  return PARTIES[0];
}

/**
 * The matcher shapes of the match benchmark: 89 % equality only, 10 %
 * equality plus a regex, 1 % regex only.
 */
function matchersOf(i, shape) {
  if (shape >= 99) return '{app=~"batch-' + i + '-(nightly|hourly)"}';
  if (shape >= 89) return '{namespace="ns-' + (i % 2000) + '", pod=~"svc-' + i + '-.*"}';
  return '{namespace="ns-' + (i % 2000) + '", app="svc-' + i + '"}';
}

function backupOf(i, pick) {
  const kind = pick(10);
  if (kind < 5) return { 'platform-ops/backup-source': 'none' };
  if (kind < 8) {
    return {
      'platform-ops/backup-source': 'velero:schedule=daily-team-' + (i % TEAMS),
      'platform-ops/backup-scope': 'namespace:ns-' + (i % 2000),
      'platform-ops/backup-policy': 'rpo=24h, retention=14d, rto=4h',
      'platform-ops/backup-protection': 'off-site, encrypted',
    };
  }
  return {
    'platform-ops/backup-source': 'push',
    'platform-ops/backup-scope': 'database:svc_' + i,
    'platform-ops/backup-policy': 'rpo=1h, retention=30d, rto=2h',
    'platform-ops/backup-protection': 'object-lock, off-site, encrypted',
  };
}

function component(i, pick) {
  const team = 'team-' + (i % TEAMS);
  const { party, owner } = partyOf(i);
  const productionOnly = pick(5) === 0;
  const levels = [
    'production=P1, staging=P2',
    'production=P2, staging=P3',
    'production=P3, staging=P3',
  ][pick(3)];
  const annotations = {
    'platform-ops/scope': party,
    'platform-ops/escalation':
      'group:default/' + (owner || team) + ', user:default/user-' + (i % USERS),
    'platform-ops/environments': productionOnly ? 'production' : 'staging, production',
    'platform-ops/alert-matchers': matchersOf(i, pick(100)),
    'platform-ops/alert-levels': productionOnly ? levels.split(',')[0] : levels,
    ...backupOf(i, pick),
    'platform-ops/maintenance-window': productionOnly
      ? 'production=prod-monthly'
      : 'production=prod-monthly, staging=staging-monthly',
    'platform-ops/release': RELEASES[i % RELEASES.length],
    'platform-ops/runbook': 'https://wiki.example.com/runbooks/' + componentName(i),
  };
  if (party === 'application') annotations['platform-ops/audits'] = 'application=2026-03-01';
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: componentName(i),
      title: 'Service ' + i,
      description: 'Generated service ' + i + ' of ' + team + '.',
      tags: ['bench', team],
      annotations,
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/' + (owner || team),
    },
  };
}

function group(name) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name },
    spec: { type: 'team', profile: { displayName: name, email: name + '@example.com' }, children: [] },
  };
}

function user(name, team) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name },
    spec: { profile: { displayName: name, email: name + '@example.com' }, memberOf: [team] },
  };
}

/** Every entity of the bench platform. */
function entities() {
  const pick = random(7);
  const list = [];
  for (let t = 0; t < TEAMS; t++) list.push(group('team-' + t));
  for (const name of PARTY_GROUPS) list.push(group(name));
  for (let u = 0; u < USERS; u++) list.push(user('user-' + u, 'team-' + (u % TEAMS)));
  // The guest sign-in of app-config.yaml.
  list.push(user('guest', 'team-0'));
  for (let i = 0; i < COMPONENTS; i++) list.push(component(i, pick));
  return list;
}

/** The entities as one catalog file. */
function catalogYaml(list) {
  return list.map(entity => YAML.stringify(entity)).join('---\n');
}

/**
 * `count` alerts for the production Alertmanager, deterministic. About one
 * in six names a component that does not exist, as on a real platform.
 */
function alerts(count, now) {
  const pick = random(11);
  const startsAt = new Date(now - 60 * 60 * 1000).toISOString();
  const endsAt = new Date(now + ALERT_LIFETIME_MS).toISOString();
  const list = [];
  for (let n = 0; n < count; n++) {
    const i = pick(Math.floor(COMPONENTS * 1.2));
    const labels = {
      alertname: 'Alert' + pick(50),
      namespace: 'ns-' + (i % 2000),
      app: pick(100) === 0 ? 'batch-' + i + '-nightly' : componentName(i),
      pod: componentName(i) + '-' + pick(5),
      severity: ['critical', 'warning', 'info'][pick(3)],
      // Unique per alert, so Alertmanager keeps every one.
      instance: '10.' + ((n >> 16) & 255) + '.' + ((n >> 8) & 255) + '.' + (n & 255) + ':9100',
    };
    if (pick(4) === 0) labels.priority = 'P' + (1 + pick(3));
    list.push({
      labels,
      annotations: { summary: labels.alertname + ' on ' + labels.pod },
      startsAt,
      endsAt,
      generatorURL: 'http://prometheus.example.com/graph?g0.expr=up',
    });
  }
  return list;
}

function heartbeat(now) {
  return {
    labels: { alertname: 'Watchdog', severity: 'none' },
    annotations: { summary: 'Always firing' },
    startsAt: new Date(now - 60 * 60 * 1000).toISOString(),
    endsAt: new Date(now + ALERT_LIFETIME_MS).toISOString(),
  };
}

/**
 * The app-config overlay: the generated catalog only, the bench
 * Alertmanager for production, no Kubernetes sources, a temporary SQLite
 * folder. Lists replace those of app-config.yaml.
 */
function appConfigOverlay(options) {
  return YAML.stringify({
    app: { baseUrl: options.baseUrl },
    backend: {
      baseUrl: options.baseUrl,
      listen: { port: options.port, host: '127.0.0.1' },
      cors: { origin: options.baseUrl },
      // Info as usual, debug for the suite only: the summary cache logs its
      // build times at debug, and the catalog's debug lines would slow the
      // catalog side of the comparison.
      logger: {
        level: 'info',
        overrides: [{ matchers: { plugin: 'platform-ops' }, level: 'debug' }],
      },
      database: { connection: { directory: options.databaseDir } },
    },
    catalog: {
      locations: [{ type: 'file', target: options.catalogFile }],
    },
    platformOps: {
      environments: [
        { name: 'staging', title: 'Staging', maintenanceWindow: 'staging-monthly' },
        {
          name: 'production',
          title: 'Production',
          alertmanager: {
            baseUrl: options.alertmanagerUrl,
            heartbeat: { alertname: 'Watchdog' },
            // 5,000 alerts are about 3 MB; keep room as for the poll benchmark.
            maxResponseBytes: 64 * 1024 * 1024,
          },
          maintenanceWindow: 'prod-monthly',
        },
      ],
    },
  });
}

module.exports = {
  COMPONENTS,
  entities,
  catalogYaml,
  alerts,
  heartbeat,
  appConfigOverlay,
  componentName,
};
