// Drain readiness on the demo (run through `npm run test:e2e`): the
// workloads, PodDisruptionBudgets, nodes and pods of the Kubernetes API
// stand-ins (demo/kubernetes/*.yaml) read by the backend's cluster sources,
// judged per component and per cluster, and shown next to scope, alerts,
// backups and maintenance on the entity page, on the Sources tab and in the
// overview's filter.
//
// What the demo clusters hold (see the comments in demo/kubernetes/):
//   ingress-nginx      drain-ready in both environments
//   rabbitmq           1 replica
//   postgresql-orders  a budget with minAvailable 2 of 2
//   redis-cache, fluentd  not drain-ready either
//   staging            cannot lose its largest node, staging-worker-1;
//                      production can lose prod-worker-3
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  BASE_URL,
  cardTitled,
  closeSharedBrowser,
  guestToken,
  openSignedIn,
  settled,
  sharedBrowser,
} from './browser.mjs';

const ENVIRONMENTS = ['staging', 'production'];
const RABBITMQ_REPLICAS =
  'StatefulSet rabbitmq/rabbitmq: 1 replica: downtime when its node is drained; run at least 2';
const ORDERS_BUDGET =
  'StatefulSet databases/postgresql-orders: PodDisruptionBudget postgresql-orders allows no disruption at 2 replicas: ' +
  'the drain cannot finish; allow at least one (maxUnavailable: 1)';
const STAGING_HEADROOM =
  'Cannot lose its largest node (staging-worker-1): pods request 2.8 CPU and 8.5 GiB; ' +
  'the other nodes have 1.9 CPU and 7.0 GiB';
const PRODUCTION_HEADROOM =
  'Can lose its largest node (prod-worker-3): pods request 5.5 CPU and 15.8 GiB; ' +
  'the other nodes have 7.8 CPU and 30.0 GiB';
const NOT_DRAIN_READY = ['fluentd', 'postgresql-orders', 'rabbitmq', 'redis-cache'];

let token;
before(async () => {
  token = await guestToken();
});
after(closeSharedBrowser);

async function api(path) {
  const response = await fetch(`${BASE_URL}/api/platform-ops${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: await response.json() };
}

function exactly(text) {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** The status line (icon and words) whose words are exactly `text`. */
function statusLine(scope, text) {
  return scope.locator('[data-status]').filter({ hasText: exactly(text) });
}

/** Waits for the status line and returns its status: ok, warning or error. */
async function statusOf(scope, text) {
  const line = statusLine(scope, text).first();
  await line.waitFor();
  return line.getAttribute('data-status');
}

/** The Maintenance card of an entity page, loaded. */
async function maintenanceCard(page) {
  const card = cardTitled(page, 'Maintenance').last();
  await card.waitFor();
  await settled(card);
  return card;
}

/** One environment's part of the card's "Drain readiness" section. */
function drainIn(card, environment) {
  return card.locator(`section[aria-label="Drain readiness in ${environment}"]`);
}

/**
 * The entity's drain readiness on its Maintenance card: not drain-ready in
 * both environments, the one failing check with its fix.
 */
async function assertNotReadyEverywhere(card, failing) {
  for (const environment of ENVIRONMENTS) {
    const section = drainIn(card, environment);
    await section.waitFor();
    assert.equal(await section.getAttribute('data-drain-state'), 'not-ready', environment);
    assert.equal(await statusOf(section, 'Not drain-ready: 1 check fails'), 'error', `${environment} headline`);
    assert.equal(await statusOf(section, failing), 'error', `${environment}: the failing check`);
  }
}

describe('drain readiness: the API', () => {
  test('the not-drain-ready filter lists rabbitmq and postgresql-orders, never the drain-ready ingress-nginx', async () => {
    const { status, body } = await api('/overview?status=not-drain-ready');
    assert.equal(status, 200);
    const names = body.rows.map(row => row.entity.name).sort();
    assert.deepEqual(names, NOT_DRAIN_READY);
    assert.equal(body.total, NOT_DRAIN_READY.length);
    assert.equal(body.flagCounts['not-drain-ready'], NOT_DRAIN_READY.length);
    for (const row of body.rows) assert.ok(row.flags.includes('not-drain-ready'), row.entity.name);

    const all = await api('/overview?limit=200');
    const ingress = all.body.rows.find(row => row.entity.name === 'ingress-nginx');
    assert.ok(ingress, 'ingress-nginx is on the overview');
    assert.equal(ingress.flags.includes('not-drain-ready'), false, JSON.stringify(ingress.flags));
  });

  test('the cluster sources report each cluster\'s headroom', async () => {
    const { status, body } = await api('/sources');
    assert.equal(status, 200);
    const byId = Object.fromEntries(body.sources.map(source => [source.id, source]));
    assert.equal(byId['kubernetes:staging']?.headroom?.state, 'short');
    assert.equal(byId['kubernetes:staging'].headroom.message, STAGING_HEADROOM);
    assert.equal(byId['kubernetes:production']?.headroom?.state, 'ok');
    assert.equal(byId['kubernetes:production'].headroom.message, PRODUCTION_HEADROOM);
  });
});

describe('drain readiness: in a browser', () => {
  test('ingress-nginx: the entity page shows its scope, alerts, backups, maintenance and drain readiness', async t => {
    const { page, close, errors } = await openSignedIn(
      await sharedBrowser(),
      '/catalog/default/component/ingress-nginx',
      { test: t },
    );
    try {
      // The Platform Ops card: all five aspects at a glance.
      const summary = cardTitled(page, 'Platform Ops').last();
      await summary.waitFor();
      await settled(summary);
      const section = name => summary.locator(`section[aria-label="${name}"]`);
      await section('Scope').getByText('Inside the platform scope: the platform team is accountable').waitFor();
      await section('Alerting').getByText('P1', { exact: true }).first().waitFor();
      assert.match(await section('Alerting').innerText(), /production:\s*P1/);
      await section('Backups').getByText(/^Source: none: nothing is backed up, on purpose/).first().waitFor();
      assert.match(await section('Backups').innerText(), /RPO 24h/);
      const maintenance = section('Maintenance');
      assert.match(await maintenance.innerText(), /production: prod-monthly: .+, (in \d+ (days?|hours?|minutes?)|in progress until)/);
      for (const environment of ENVIRONMENTS) {
        assert.equal(await statusOf(maintenance, `${environment}: Drain-ready`), 'ok', `summary, ${environment}`);
      }
      assert.equal(await statusOf(maintenance, `Cluster headroom in staging: ${STAGING_HEADROOM}`), 'warning');

      // Scope: the escalation path on the Scope card.
      const scope = cardTitled(page, 'Scope').last();
      await scope.waitFor();
      await scope.getByText(/^Inside the platform scope/).first().waitFor();
      assert.match(await scope.getByRole('list', { name: 'Escalation path' }).innerText(), /Jane Okafor/);

      // Alerts: the live P1 in production.
      const alerts = cardTitled(page, 'Alerts').last();
      await alerts.waitFor();
      const p1 = alerts.getByRole('listitem').filter({ hasText: 'IngressControllerDown' }).first();
      await p1.waitFor();
      assert.match(await p1.innerText(), /P1[\s\S]*production/);

      // Backups: not backed up, on purpose (a stateless controller).
      const backups = cardTitled(page, 'Backups').last();
      await backups.waitFor();
      await backups.getByText('Not backed up, on purpose', { exact: true }).waitFor();

      // Maintenance: each environment's next window, then drain readiness.
      const card = await maintenanceCard(page);
      for (const environment of ENVIRONMENTS) {
        const window = card.locator(`[aria-label="Maintenance window in ${environment}"]`);
        await window.waitFor();
        assert.match(await window.innerText(), /(Next|Now): \w{3} \d{1,2} \w{3}, \d\d:\d\d–\d\d:\d\d/, environment);
      }
      await card.locator('section[aria-label="Drain readiness"]').getByText('Drain readiness', { exact: true }).waitFor();
      for (const [environment, replicas] of [['staging', 2], ['production', 3]]) {
        const drain = drainIn(card, environment);
        await drain.waitFor();
        assert.equal(await drain.getAttribute('data-drain-state'), 'ready', environment);
        assert.equal(await statusOf(drain, 'Drain-ready'), 'ok', `${environment} headline`);
        assert.equal(
          await statusOf(
            drain,
            `Deployment ingress-nginx/ingress-nginx-controller: ${replicas} replicas, spread across nodes by a ` +
              'topology spread constraint, grace period 60 s, PodDisruptionBudget ingress-nginx-controller allows a disruption',
          ),
          'ok',
          `${environment}: what passed`,
        );
      }
      assert.equal(await drainIn(card, 'staging').locator('[data-status="error"]').count(), 0);
      assert.deepEqual(errors, [], 'no uncaught errors in the page');
    } finally {
      await close();
    }
  });

  test('rabbitmq: its single replica fails the drain in both environments, with the fix', async t => {
    const { page, close, errors } = await openSignedIn(
      await sharedBrowser(),
      '/catalog/default/component/rabbitmq',
      { test: t },
    );
    try {
      const card = await maintenanceCard(page);
      await assertNotReadyEverywhere(card, RABBITMQ_REPLICAS);
      // The Platform Ops card says it in one line per environment.
      const summary = cardTitled(page, 'Platform Ops').last();
      for (const environment of ENVIRONMENTS) {
        assert.equal(
          await statusOf(summary, `${environment}: not drain-ready, ${RABBITMQ_REPLICAS}`),
          'error',
          `summary, ${environment}`,
        );
      }
      assert.deepEqual(errors, [], 'no uncaught errors in the page');
    } finally {
      await close();
    }
  });

  test('postgresql-orders: its PodDisruptionBudget lets no drain finish, with the fix', async t => {
    const { page, close, errors } = await openSignedIn(
      await sharedBrowser(),
      '/catalog/default/component/postgresql-orders',
      { test: t },
    );
    try {
      const card = await maintenanceCard(page);
      await assertNotReadyEverywhere(card, ORDERS_BUDGET);
      // Two replicas spread over the nodes: only the budget fails.
      assert.equal(await drainIn(card, 'production').getByText(/replica: downtime/).count(), 0);
      assert.deepEqual(errors, [], 'no uncaught errors in the page');
    } finally {
      await close();
    }
  });

  test('staging cannot lose its largest node: on the card, and in the Drain headroom column of the Sources tab', async t => {
    const { page, close, errors } = await openSignedIn(
      await sharedBrowser(),
      '/catalog/default/component/rabbitmq',
      { test: t },
    );
    try {
      const card = await maintenanceCard(page);
      assert.equal(
        await statusOf(drainIn(card, 'staging'), `Cluster headroom in staging: ${STAGING_HEADROOM}`),
        'warning',
      );
      assert.equal(
        await statusOf(drainIn(card, 'production'), `Cluster headroom in production: ${PRODUCTION_HEADROOM}`),
        'ok',
      );

      await page.getByRole('link', { name: 'Platform Ops' }).first().click();
      await page.getByRole('tab', { name: 'Sources' }).click();
      await page.waitForURL(/\/platform-ops\/sources$/);
      const table = page.locator('table').filter({ hasText: 'kubernetes:staging' }).first();
      await table.waitFor();
      await settled(page.locator('body'));
      const headers = (await table.locator('thead th').allInnerTexts()).map(text => text.trim().toLowerCase());
      const column = headers.indexOf('drain headroom');
      assert.ok(column >= 0, `a Drain headroom column in ${JSON.stringify(headers)}`);
      const cell = id => table.locator('tbody tr').filter({ hasText: id }).first().locator('td').nth(column);
      assert.equal(await statusOf(cell('kubernetes:staging'), STAGING_HEADROOM), 'warning');
      assert.equal(await statusOf(cell('kubernetes:production'), PRODUCTION_HEADROOM), 'ok');
      // Alertmanager sources have no headroom.
      assert.equal((await cell('alertmanager:production').innerText()).trim(), '');
      assert.deepEqual(errors, [], 'no uncaught errors in the page');
    } finally {
      await close();
    }
  });

  test('the overview filter ?status=not-drain-ready lists rabbitmq and postgresql-orders, not ingress-nginx', async t => {
    const { page, close, errors } = await openSignedIn(
      await sharedBrowser(),
      '/platform-ops/overview?status=not-drain-ready',
      { test: t },
    );
    try {
      const table = page.locator('table').first();
      await table.waitFor();
      await settled(page.locator('body'));
      for (const title of ['RabbitMQ', 'PostgreSQL (orders)', 'Redis cache', 'Fluentd']) {
        const row = table.locator('tbody tr').filter({ has: page.getByRole('link', { name: title, exact: true }) });
        await row.first().waitFor();
        assert.match(await row.first().innerText(), /Not drain-ready/, title);
      }
      assert.equal(await table.locator('tbody tr').count(), NOT_DRAIN_READY.length);
      assert.equal(await table.getByRole('link', { name: 'Ingress NGINX' }).count(), 0);
      assert.deepEqual(errors, [], 'no uncaught errors in the page');
    } finally {
      await close();
    }
  });
});
