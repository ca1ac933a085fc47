#!/usr/bin/env node
/*
 * Seeds the demo's recorded data through the Platform Ops API, once the
 * backend is healthy and the demo catalog is loaded: DR drills (issue 8) and
 * announced maintenance changes (issue 9), with dates relative to now.
 *
 *   drills   argocd     6 days ago (the Velero restore in demo/kubernetes),
 *                       RTO 1h against 4h
 *            velero     75 days ago, RTO 45m against 4h
 *            postgresql-orders  40 days ago, RTO 3h against its 2h objective
 *            rabbitmq   230 days ago: overdue (drillInterval is 180d)
 *            redis-cache never drilled: missing
 *   changes  ingress-nginx 1.12, major, in the production window closest to
 *            45 days ahead (one 40-75 days ahead), and in staging's window
 *            of the week before; checkout-service and web-frontend see it
 *            through dependsOn, and their owners (the checkout team, which
 *            the guest user belongs to) get a notification
 *            cert-manager 1.15.4, minor, in 3 days: short notice
 *            PostgreSQL (orders) security patch in the next production window
 *            node OS image security refresh on the kubernetes component in
 *            the last production window, done, with its retrospective
 *
 * Every item has a fixed id, so seeding again records nothing twice: a
 * drill or change that exists answers 200 and is left as it is. The demo
 * keeps its database in demo-data/, so after weeks the seeded dates drift;
 * seeding then says so, and `rm -rf demo-data` starts afresh.
 *
 * Used by scripts/start-demo.js (npm start) and scripts/run-e2e.js; runnable
 * alone against a running backend: `node scripts/demo-seed.js [BASE_URL]`
 * (default http://127.0.0.1:7007). Plain CommonJS, Node's fetch, a guest
 * token; the demo's permission policy allows the guest to record.
 */
'use strict';

const DAY_MS = 24 * 60 * 60 * 1000;
const REQUEST_TIMEOUT_MS = 10000;
const DEFAULT_BASE_URL = 'http://127.0.0.1:7007';

/** The guest of the demo org (auth.providers.guest.userEntityRef). */
const GUEST = 'user:default/guest';
/** The group whose members hear of changes to checkout-service's dependencies. */
const GUEST_GROUP = { kind: 'group', namespace: 'default', name: 'checkout-team' };

/** When the major change starts: the production window nearest this many days ahead. */
const MAJOR_TARGET_DAYS = 45;
const MAJOR_RANGE_DAYS = [40, 75];
/** The short-notice minor change starts this many days ahead (notice for minor: 7d). */
const SHORT_NOTICE_DAYS = 3;
/** Seeded data older than this is worth a hint that the dates have drifted. */
const DRIFT_HINT_DAYS = 7;

const refs = {
  argocd: 'component:default/argocd',
  velero: 'component:default/velero',
  postgresql: 'component:default/postgresql-orders',
  rabbitmq: 'component:default/rabbitmq',
  ingress: 'component:default/ingress-nginx',
  certManager: 'component:default/cert-manager',
  kubernetes: 'component:default/kubernetes',
  checkout: 'component:default/checkout-service',
};

/** Catalog entities the seed needs before it may start. */
const NEEDED_ENTITIES = [
  ...Object.values(refs),
  'component:default/web-frontend',
  'component:default/redis-cache',
  'group:default/checkout-team',
  GUEST,
];

function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

function iso(ms) {
  return new Date(ms).toISOString();
}

/** The drills, dated relative to `now` (ms). */
function demoDrills(now) {
  const daysAgo = days => isoDay(now - days * DAY_MS);
  return [
    {
      id: 'demo-drill-argocd-restore',
      entityRefs: [refs.argocd],
      environment: 'production',
      // The Restore argocd-drill-... in demo/kubernetes/production.yaml, 146 h ago.
      date: isoDay(now - 146 * 60 * 60 * 1000),
      scenario:
        "Restore the argocd namespace from last night's daily-platform backup into argocd-drill and sync one application from it",
      ledBy: 'user:default/li-wei',
      measuredRto: '1h',
      outcome: 'succeeded',
      wentWell:
        'Velero restored all 212 items in 38 minutes; the restored Argo CD synced the guestbook application unchanged.',
      toImprove:
        'Three warnings about cluster-scoped CRDs that already existed; the runbook does not say they are expected.',
      actionItems: [
        'Note the expected CRD warnings in the Argo CD restore runbook',
        'Rotate the repository credentials after a restore, as a runbook step',
      ],
    },
    {
      id: 'demo-drill-velero-config',
      entityRefs: [refs.velero],
      environment: 'staging',
      date: daysAgo(75),
      scenario:
        "Rebuild Velero's own namespace (schedules, storage locations, credentials) from its off-site backup",
      ledBy: 'user:default/jane',
      measuredRto: '45m',
      outcome: 'succeeded',
      wentWell: 'Schedules and storage locations came back as they were; the next scheduled backup ran on time.',
      toImprove: "The off-site location's credentials had to be typed in by hand.",
      actionItems: ['Keep the off-site bucket credentials in the password vault, linked from the runbook'],
    },
    {
      id: 'demo-drill-orders-pitr',
      entityRefs: [refs.postgresql],
      environment: 'staging',
      date: daysAgo(40),
      scenario: 'Point-in-time recovery of the orders database into a new cluster, to 10 minutes before a dropped table',
      ledBy: 'user:default/ahmed',
      measuredRto: '3h',
      outcome: 'partly-succeeded',
      wentWell: 'WAL replay reached the target time exactly; no committed order was lost.',
      toImprove:
        'Fetching the base backup from the off-cloud copy took two hours: the RTO of 2h was missed by an hour.',
      actionItems: [
        'Keep the newest base backup in the on-site bucket as well',
        'Measure restore throughput from the off-cloud copy every month',
      ],
    },
    {
      // Older than drillInterval (180d): the one overdue drill.
      id: 'demo-drill-rabbitmq-rebuild',
      entityRefs: [refs.rabbitmq],
      environment: 'staging',
      date: daysAgo(230),
      scenario: 'Recreate the broker from its Velero backup and re-import the definitions',
      ledBy: 'user:default/jane',
      measuredRto: '1h',
      outcome: 'succeeded',
      wentWell: 'Exchanges, queues and users came back from the definitions export.',
      toImprove:
        "Messages in durable queues were lost: the backup covers rabbitmq-system, not the broker's PVCs in rabbitmq.",
      actionItems: ['Back up the PVCs in the rabbitmq namespace (label app=rabbitmq) and drill again'],
    },
  ];
}

/**
 * Picks the change times from the window occurrences that GET /windows
 * returned: the production occurrence nearest MAJOR_TARGET_DAYS ahead
 * (within MAJOR_RANGE_DAYS), staging's occurrence in the week before it, the
 * next production occurrence and the last one that has ended.
 */
function chooseOccurrences(occurrences, now) {
  const of = window => occurrences.filter(item => item.window === window);
  const production = of('prod-monthly');
  const staging = of('staging-monthly');
  const daysAhead = item => (Date.parse(item.start) - now) / DAY_MS;
  const major = production
    .filter(item => daysAhead(item) >= MAJOR_RANGE_DAYS[0] && daysAhead(item) <= MAJOR_RANGE_DAYS[1])
    .sort((a, b) => Math.abs(daysAhead(a) - MAJOR_TARGET_DAYS) - Math.abs(daysAhead(b) - MAJOR_TARGET_DAYS))[0];
  if (!major) {
    throw new Error(
      'no prod-monthly occurrence ' + MAJOR_RANGE_DAYS.join('-') + ' days ahead in GET /windows',
    );
  }
  const majorStart = Date.parse(major.start);
  const stagingBefore = staging
    .filter(item => Date.parse(item.start) < majorStart && Date.parse(item.start) >= majorStart - 14 * DAY_MS)
    .pop();
  const nextProduction = production.find(item => Date.parse(item.start) > now + DAY_MS);
  const lastProduction = production.filter(item => Date.parse(item.end) < now).pop();
  if (!stagingBefore || !nextProduction || !lastProduction) {
    throw new Error('GET /windows lacks the staging, next or last production occurrence');
  }
  return { major, stagingBefore, nextProduction, lastProduction };
}

const INGRESS_DESCRIPTION =
  'The controller moves to 1.12 with a newer NGINX and refuses, by default, the Ingress ' +
  'annotations it rates as risky (configuration snippets, for example). Ingresses that rely ' +
  'on them stop working, hence a major update: check yours. Staging gets it a week before ' +
  'production.';
const INGRESS_CONTINGENCY =
  'Roll the Helm release back to 1.11 (helm rollback ingress-nginx); the 1.11 image stays ' +
  'cached on every node, so the rollback takes under five minutes.';

/** The changes to announce; `done` ones are closed afterwards with their retrospective. */
function demoChanges(now, occurrences) {
  const { major, stagingBefore, nextProduction, lastProduction } = chooseOccurrences(occurrences, now);
  const shortNoticeStart = Date.parse(isoDay(now + SHORT_NOTICE_DAYS * DAY_MS) + 'T08:00:00Z');
  return [
    {
      body: {
        id: 'demo-ingress-nginx-1-12-production',
        title: 'Ingress NGINX 1.11 to 1.12 in production',
        class: 'major',
        entityRefs: [refs.ingress],
        environments: ['production'],
        window: 'prod-monthly',
        windowStart: major.start,
        updates: ['system-pods'],
        description: INGRESS_DESCRIPTION,
        link: 'https://github.com/kubernetes/ingress-nginx/releases',
        contingencyPlan: INGRESS_CONTINGENCY,
        silenceAlerts: false,
      },
    },
    {
      body: {
        id: 'demo-ingress-nginx-1-12-staging',
        title: 'Ingress NGINX 1.11 to 1.12 in staging',
        class: 'major',
        entityRefs: [refs.ingress],
        environments: ['staging'],
        window: 'staging-monthly',
        windowStart: stagingBefore.start,
        updates: ['system-pods'],
        description: INGRESS_DESCRIPTION,
        link: 'https://github.com/kubernetes/ingress-nginx/releases',
        contingencyPlan: INGRESS_CONTINGENCY,
        silenceAlerts: false,
      },
    },
    {
      // Minor changes need 7 days' notice; this one has 3: recorded and flagged.
      body: {
        id: 'demo-cert-manager-1-15-4-staging',
        title: 'cert-manager 1.15.3 to 1.15.4 in staging: ACME renewal fix',
        class: 'minor',
        entityRefs: [refs.certManager],
        environments: ['staging'],
        start: iso(shortNoticeStart),
        end: iso(shortNoticeStart + 60 * 60 * 1000),
        updates: ['system-pods'],
        description:
          'Fixes renewals stuck on a pending ACME order, as wildcard-staging-example-com is now: ' +
          'it expires in 9 days, so this cannot wait for the next window. Production follows in ' +
          'its window once staging has renewed.',
        link: 'https://github.com/cert-manager/cert-manager/releases',
        contingencyPlan: 'Roll back to 1.15.3 and renew the wildcard certificate by hand (cmctl renew).',
        silenceAlerts: false,
      },
    },
    {
      body: {
        id: 'demo-postgresql-orders-security-patch',
        title: 'PostgreSQL (orders) 16 patch release: security fixes',
        class: 'security-patch',
        entityRefs: [refs.postgresql],
        environments: ['production'],
        window: 'prod-monthly',
        windowStart: nextProduction.start,
        updates: ['platform-services'],
        description:
          'Minor PostgreSQL release with security fixes; a rolling restart, replica first, ' +
          'with a switchover of under 30 seconds.',
        contingencyPlan: 'Switch back to the replica still on the old release, then downgrade it.',
        silenceAlerts: false,
      },
    },
    {
      // Recorded after the fact: announced now for the last production window.
      body: {
        id: 'demo-node-os-security-refresh',
        title: 'Node OS image refresh: runc security fix',
        class: 'security-patch',
        entityRefs: [refs.kubernetes],
        environments: ['production'],
        start: lastProduction.start,
        end: lastProduction.end,
        updates: ['node-os-image'],
        description: 'Every node replaced with the new image, one at a time, drained first.',
        contingencyPlan: 'Stop the rollout and bring back nodes from the previous image, which stays available.',
        silenceAlerts: false,
      },
      done: {
        wentWell: 'All nodes were drained and replaced within the window; no application noticed.',
        toImprove: 'Two single-replica deployments blocked the drain for 20 minutes.',
        actionItems: [
          'Ask the owners of single-replica deployments to run at least two replicas',
          'Check drain readiness on the Platform Ops page the day before each window',
        ],
      },
    },
  ];
}

function defaultLog(message) {
  process.stdout.write('[demo-seed] ' + message + '\n');
}

function sleep(ms) {
  return new Promise(resolve => setTimeout(resolve, ms));
}

/** A small client for the backend: JSON in and out, every request bounded. */
function client(baseUrl, signal) {
  let token;
  async function call(method, path, body, options) {
    const headers = { ...(options && options.headers) };
    if (token) headers.Authorization = 'Bearer ' + token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    const response = await fetch(baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    const text = await response.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const message = (json && json.error && json.error.message) || text.slice(0, 300);
      const error = new Error(method + ' ' + path + ': ' + response.status + ' ' + message);
      error.status = response.status;
      throw error;
    }
    return { status: response.status, body: json };
  }
  return {
    call,
    async signIn() {
      const { body } = await call('GET', '/api/auth/guest/refresh?env=development', undefined, {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
      });
      token = body.backstageIdentity.token;
    },
  };
}

/** Calls check until it returns true, at most `seconds`; false when time ran out. */
async function waitUntil(seconds, check, signal) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    if (signal && signal.aborted) throw new Error('stopped');
    try {
      if (await check()) return true;
    } catch {
      // not there yet
    }
    if (Date.now() >= deadline) return false;
    await sleep(1000);
  }
}

function entityPath(ref) {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  return '/api/catalog/entities/by-name/' + kind + '/' + namespace + '/' + name;
}

/**
 * Waits (bounded) for the backend, the catalog entities the seed names, the
 * guest's group membership and the Platform Ops entity index.
 */
async function waitForDemo(api, options) {
  const { log, signal, waitSeconds } = options;
  const healthy = await waitUntil(waitSeconds, async () => {
    const { body } = await api.call('GET', '/api/platform-ops/health');
    return body && body.status === 'ok';
  }, signal);
  if (!healthy) throw new Error('the backend did not answer /api/platform-ops/health within ' + waitSeconds + ' s');
  await api.signIn();

  const missing = new Set(NEEDED_ENTITIES);
  const loaded = await waitUntil(waitSeconds, async () => {
    for (const ref of [...missing]) {
      await api.call('GET', entityPath(ref));
      missing.delete(ref);
    }
    return missing.size === 0;
  }, signal);
  if (!loaded) throw new Error('the catalog lacks ' + [...missing].join(', ') + ' after ' + waitSeconds + ' s');

  // The notifications backend finds a group's members through hasMember.
  const member = await waitUntil(60, async () => {
    const { body } = await api.call(
      'GET',
      entityPath(GUEST_GROUP.kind + ':' + GUEST_GROUP.namespace + '/' + GUEST_GROUP.name),
    );
    return (body.relations || []).some(
      relation => relation.type === 'hasMember' && relation.targetRef === GUEST,
    );
  }, signal);
  if (!member) {
    log('the catalog does not list ' + GUEST + ' in ' + GUEST_GROUP.name + ' yet; the guest may miss the change notifications');
  }
  // Signed in again now that the guest user is in the catalog (its groups in the token).
  await api.signIn();

  // Changes reach dependents through the entity index: it must know them.
  const indexed = await waitUntil(90, async () => {
    const { body } = await api.call('GET', '/api/platform-ops/lookup?q=checkout-service');
    return body.results.some(result => result.entity.ref === refs.checkout);
  }, signal);
  if (!indexed) {
    log('the Platform Ops entity index does not list checkout-service yet; its owners may miss the ingress-nginx notification');
  }
}

/**
 * Seeds the demo: waits for the backend and catalog at `baseUrl` (bounded),
 * then records the drills and announces the changes. Throws with what
 * failed; callers decide whether that stops anything.
 *
 * @param options.baseUrl      the backend, e.g. http://127.0.0.1:7007
 * @param options.log          line logger
 * @param options.signal       aborts the waits and requests
 * @param options.waitSeconds  how long to wait for the backend and the catalog (default 180)
 * @param options.now          the time the dates are relative to (ms; default now)
 * @returns `{ drills: { created, existing }, changes: { created, existing, done }, warnings }`
 */
async function seedDemo(options) {
  const opts = options || {};
  const log = opts.log || defaultLog;
  const baseUrl = (opts.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
  const now = opts.now || Date.now();
  const api = client(baseUrl, opts.signal);
  await waitForDemo(api, { log, signal: opts.signal, waitSeconds: opts.waitSeconds || 180 });

  const result = {
    drills: { created: [], existing: [] },
    changes: { created: [], existing: [], done: [] },
    warnings: [],
    oldestSeed: undefined,
  };
  const failures = [];
  const noteAge = recordedAt => {
    if (recordedAt && (!result.oldestSeed || recordedAt < result.oldestSeed)) result.oldestSeed = recordedAt;
  };

  for (const drill of demoDrills(now)) {
    try {
      const { status, body } = await api.call('POST', '/api/platform-ops/drills', drill);
      result.drills[status === 201 ? 'created' : 'existing'].push(drill.id);
      noteAge(body.drill.recordedAt);
    } catch (error) {
      failures.push('drill ' + drill.id + ': ' + error.message);
    }
  }

  let changes = [];
  try {
    const from = iso(now - 62 * DAY_MS);
    const to = iso(now + (MAJOR_RANGE_DAYS[1] + 1) * DAY_MS);
    const { body } = await api.call(
      'GET',
      '/api/platform-ops/windows?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to),
    );
    changes = demoChanges(now, body.occurrences);
  } catch (error) {
    failures.push('choosing the change windows: ' + error.message);
  }
  for (const { body, done } of changes) {
    try {
      const answer = await api.call('POST', '/api/platform-ops/changes', body);
      const change = answer.body.change;
      result.changes[answer.status === 201 ? 'created' : 'existing'].push(body.id);
      noteAge(change.announcedAt);
      for (const warning of answer.body.warnings || []) {
        // Short notice is what the demo shows on purpose; anything else is news.
        if (!/^Short notice/.test(warning)) result.warnings.push(body.id + ': ' + warning);
      }
      if (done && change.status !== 'done') {
        await api.call('PATCH', '/api/platform-ops/changes/' + body.id, {
          status: 'done',
          retrospective: done,
        });
        result.changes.done.push(body.id);
      }
    } catch (error) {
      failures.push('change ' + body.id + ': ' + error.message);
    }
  }

  if (failures.length > 0) {
    const error = new Error(failures.join('; '));
    error.result = result;
    throw error;
  }
  return result;
}

/** One or two lines for logs. */
function describe(result, now) {
  const lines = [
    'demo data: ' +
      result.drills.created.length + ' drills recorded, ' +
      result.drills.existing.length + ' already there; ' +
      result.changes.created.length + ' changes announced, ' +
      result.changes.existing.length + ' already there' +
      (result.changes.done.length ? ', ' + result.changes.done.length + ' closed as done' : ''),
  ];
  const ageDays = result.oldestSeed
    ? Math.floor(((now || Date.now()) - Date.parse(result.oldestSeed)) / DAY_MS)
    : 0;
  if (ageDays >= DRIFT_HINT_DAYS) {
    lines.push(
      'the seeded drills and changes were recorded ' + ageDays + ' days ago, so their dates have ' +
        'moved on (the ingress-nginx change is nearer than 45 days); stop the demo and ' +
        'delete demo-data/ to seed them afresh',
    );
  }
  for (const warning of result.warnings) lines.push('warning: ' + warning);
  return lines;
}

async function main() {
  const baseUrl = process.argv[2] || DEFAULT_BASE_URL;
  try {
    const result = await seedDemo({ baseUrl, waitSeconds: 30 });
    describe(result).forEach(line => defaultLog(line));
  } catch (error) {
    defaultLog('seeding failed: ' + error.message);
    process.exit(1);
  }
}

if (require.main === module) main();

module.exports = {
  seedDemo,
  describe,
  demoDrills,
  demoChanges,
  chooseOccurrences,
  GUEST,
  MAJOR_TARGET_DAYS,
};
