// Maintenance on the demo (run through `npm run test:e2e`): the changes
// seeded by scripts/demo-seed.js seen through the catalog's dependsOn, the
// notification the guest (a checkout team member) gets, the iCalendar feed
// read by an independent parser, silences in the real Alertmanager, and the
// maintenance card in a real browser.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import {
  BASE_URL,
  cardTitled,
  closeSharedBrowser,
  eventually,
  guestToken,
  openSignedIn,
  settled,
  sharedBrowser,
} from './browser.mjs';

const DAY_MS = 24 * 60 * 60 * 1000;
const INGRESS_CHANGE = 'demo-ingress-nginx-1-12-production';
const PRODUCTION_ALERTMANAGER = process.env.E2E_ALERTMANAGER_PRODUCTION;

let token;
before(async () => {
  token = await guestToken();
});
after(closeSharedBrowser);

async function call(path, init = {}) {
  const response = await fetch(`${BASE_URL}${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      ...init.headers,
    },
  });
  const text = await response.text();
  const json = /json/.test(response.headers.get('content-type') ?? '') && text ? JSON.parse(text) : undefined;
  return { status: response.status, body: json, text };
}

async function maintenanceOf(name) {
  const { status, body } = await call(`/api/platform-ops/summary/component/default/${name}`);
  assert.equal(status, 200, `summary of ${name}`);
  return body.maintenance;
}

/** The VEVENTs of an iCalendar text, parsed by ical.js. */
function events(text) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  assert.equal(calendar.name, 'vcalendar');
  return calendar.getAllSubcomponents('vevent').map(vevent => new ICAL.Event(vevent));
}

/** The silences the real Alertmanager holds for one change. */
async function silencesOf(changeId) {
  const response = await fetch(`${PRODUCTION_ALERTMANAGER}/api/v2/silences`);
  assert.equal(response.status, 200);
  const silences = await response.json();
  return silences.filter(
    silence => silence.createdBy === 'platform-ops' && silence.comment.includes(encodeURIComponent(changeId)),
  );
}

describe('maintenance: the API', () => {
  test('checkout-service sees the ingress-nginx major change through its dependency', async () => {
    const maintenance = await maintenanceOf('checkout-service');
    const change = maintenance.changes.find(item => item.id === INGRESS_CHANGE);
    assert.ok(change, `the change in ${JSON.stringify(maintenance.changes.map(item => item.id))}`);
    assert.equal(change.class, 'major');
    assert.equal(change.via, 'component:default/ingress-nginx');
    assert.equal(change.shortNotice, false, '30 days of notice given');
    const daysAhead = (Date.parse(change.start) - Date.now()) / DAY_MS;
    assert.ok(daysAhead > 30 && daysAhead < 76, `${daysAhead} days ahead`);
  });

  test('staging and production windows a week apart, staging first; the minor change is short notice', async () => {
    const maintenance = await maintenanceOf('cert-manager');
    const staging = Date.parse(maintenance.occurrences.staging.next.start);
    const production = Date.parse(maintenance.occurrences.production.next.start);
    const gap = (production - staging) / DAY_MS;
    assert.ok(gap > 6 && gap < 8, `production ${gap} days after staging`);
    assert.deepEqual(maintenance.skew, []);
    const minor = maintenance.changes.find(item => item.id === 'demo-cert-manager-1-15-4-staging');
    assert.equal(minor.class, 'minor');
    assert.equal(minor.shortNotice, true);
  });

  test('the done change keeps its retrospective; the cluster release is near its end of life', async () => {
    // Past changes are listed by time, as the change history asks for them.
    const from = new Date(Date.now() - 90 * DAY_MS).toISOString();
    const { status, body } = await call(`/api/platform-ops/changes?from=${encodeURIComponent(from)}`);
    assert.equal(status, 200);
    const done = body.changes.find(item => item.id === 'demo-node-os-security-refresh');
    assert.equal(done?.status, 'done');
    assert.match(done.retrospective.wentWell, /drained and replaced/);
    const maintenance = await maintenanceOf('kubernetes');
    assert.equal(maintenance.endOfLife.state, 'eol-soon');
  });

  test('the guest, in the checkout team, has the ingress-nginx notification', async () => {
    await eventually(async () => {
      const { status, body } = await call('/api/notifications/notifications?limit=50');
      assert.equal(status, 200);
      return body.notifications.some(
        item => item.payload.link?.includes(`change=${INGRESS_CHANGE}`) && /Ingress NGINX/.test(item.payload.title),
      );
    }, 'the notification for the ingress-nginx change');
  });

  test('calendar.ics parses with ical.js: windows and changes with stable UIDs', async () => {
    const { status, text } = await call('/api/platform-ops/calendar.ics?environment=production');
    assert.equal(status, 200);
    const parsed = events(text);
    const windows = parsed.filter(event => event.uid.startsWith('window-prod-monthly-'));
    assert.ok(windows.length >= 2, `${windows.length} production windows`);
    for (const event of windows) {
      assert.equal(event.endDate.toJSDate() - event.startDate.toJSDate(), 4 * 60 * 60 * 1000);
    }
    const change = parsed.find(event => event.uid === `change-${INGRESS_CHANGE}@platform-ops`);
    assert.ok(change, 'the ingress-nginx change is an event');
    assert.match(change.summary, /Ingress NGINX/);
    assert.equal(
      parsed.some(event => event.uid.startsWith('window-staging-monthly-')),
      false,
      'filtered to production',
    );
  });

  test('a subscription token reads the feed without a session until revoked', async () => {
    const created = await call('/api/platform-ops/calendar-token', { method: 'POST' });
    assert.equal(created.status, 201);
    const url = new URL(created.body.url ?? `${BASE_URL}/api/platform-ops/calendar.ics?token=${created.body.token}`);
    const withToken = await fetch(url);
    assert.equal(withToken.status, 200);
    assert.ok(events(await withToken.text()).length > 0);
    const revoked = await call('/api/platform-ops/calendar-token', { method: 'DELETE' });
    assert.ok(revoked.status === 204 || revoked.status === 200, `revoke: ${revoked.status}`);
    const afterRevoke = await fetch(url);
    assert.equal(afterRevoke.status, 401);
  });

  test('a change that silences alerts creates them in the real Alertmanager; cancelling expires them', async () => {
    const id = `e2e-thanos-${Date.now()}`;
    const start = Date.now() + 2 * DAY_MS;
    const announced = await call('/api/platform-ops/changes', {
      method: 'POST',
      body: JSON.stringify({
        id,
        title: 'Thanos store compaction settings',
        class: 'security-patch',
        entityRefs: ['component:default/thanos'],
        environments: ['production'],
        start: new Date(start).toISOString(),
        end: new Date(start + 60 * 60 * 1000).toISOString(),
        updates: ['platform-services'],
        description: 'Restart of the Thanos store with new compaction settings.',
        contingencyPlan: 'Restore the previous settings from Git.',
        silenceAlerts: true,
      }),
    });
    assert.equal(announced.status, 201, JSON.stringify(announced.body));
    const silences = await silencesOf(id);
    assert.equal(silences.length, 1, 'one silence for thanos in production');
    assert.equal(silences[0].status.state, 'pending');
    assert.ok(
      silences[0].matchers.some(matcher => matcher.name === 'namespace' && matcher.value === 'monitoring'),
      'built from the component matchers',
    );

    const cancelled = await call(`/api/platform-ops/changes/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ status: 'cancelled' }),
    });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    const after = await silencesOf(id);
    assert.deepEqual(
      after.map(silence => silence.status.state),
      ['expired'],
    );
  });
});

describe('maintenance: the card in a browser', () => {
  test('checkout-service shows the ingress-nginx major change, via ingress-nginx', async t => {
    const { page, close, errors } = await openSignedIn(
      await sharedBrowser(),
      '/catalog/default/component/checkout-service',
      { test: t },
    );
    try {
      const card = cardTitled(page, 'Maintenance').last();
      await card.waitFor();
      await settled(card);
      const change = card.locator(`[data-change="${INGRESS_CHANGE}"]`);
      await change.waitFor();
      const text = await change.innerText();
      assert.match(text, /Ingress NGINX 1\.11 to 1\.12 in production/);
      assert.match(text, /major/i);
      // The link names ingress-nginx by its ref, then by its title once the catalog answers.
      assert.match(text, /via\s+(ingress-nginx|Ingress NGINX)/);
      const via = change.getByRole('link', { name: /^(ingress-nginx|Ingress NGINX)$/ });
      assert.match((await via.getAttribute('href')) ?? '', /\/catalog\/default\/component\/ingress-nginx$/);
      assert.deepEqual(errors, [], 'no uncaught errors in the page');
    } finally {
      await close();
    }
  });

  test('kubernetes shows its end of life coming', async t => {
    const { page, close, errors } = await openSignedIn(
      await sharedBrowser(),
      '/catalog/default/component/kubernetes',
      { test: t },
    );
    try {
      const card = cardTitled(page, 'Maintenance').last();
      await card.waitFor();
      await settled(card);
      await card.getByText(/^End of life in \d+ days \(2027-02-28\)/).first().waitFor();
      assert.deepEqual(errors, [], 'no uncaught errors in the page');
    } finally {
      await close();
    }
  });

  test('the kubernetes tab lists the done change with its retrospective', async t => {
    const { page, close, errors } = await openSignedIn(
      await sharedBrowser(),
      '/catalog/default/component/kubernetes/platform-ops',
      { test: t },
    );
    try {
      const row = page.locator('tr').filter({ hasText: 'Node OS image refresh: runc security fix' });
      await row.first().waitFor();
      assert.match(await row.first().innerText(), /Went well: All nodes were drained and replaced/);
      assert.deepEqual(errors, [], 'no uncaught errors in the page');
    } finally {
      await close();
    }
  });

  test('the bell: the guest sees the ingress-nginx change on the notifications page, linked to the calendar', async t => {
    const { page, close, errors } = await openSignedIn(await sharedBrowser(), '/notifications', { test: t });
    try {
      const link = page.getByRole('link', { name: /Ingress NGINX 1\.11 to 1\.12 in production/ }).first();
      await link.waitFor();
      assert.match(
        (await link.getAttribute('href')) ?? '',
        new RegExp(`/platform-ops/maintenance\\?change=${INGRESS_CHANGE}$`),
      );
      assert.deepEqual(errors, [], 'no uncaught errors in the page');
    } finally {
      await close();
    }
  });

  test('the calendar tab opens the change a notification links to, and its subscription URL serves the feed', async t => {
    const { page, close, errors } = await openSignedIn(
      await sharedBrowser(),
      `/platform-ops/maintenance?change=${INGRESS_CHANGE}`,
      { test: t },
    );
    try {
      const opened = page.getByRole('region', { name: 'Opened change' });
      await opened.waitFor();
      assert.match(await opened.innerText(), /helm rollback ingress-nginx/);
      // The month of the change, with the change on its day.
      await page.locator(`[data-change="${INGRESS_CHANGE}"]`).nth(1).waitFor();

      await page.getByRole('button', { name: 'Create subscription URL' }).click();
      const field = page.getByRole('textbox', { name: 'Subscription URL' });
      await eventually(async () => /token=/.test(await field.inputValue()), 'the subscription URL');
      const url = await field.inputValue();
      const feed = await fetch(url);
      assert.equal(feed.status, 200, 'the feed without a session');
      assert.ok(events(await feed.text()).some(event => event.uid === `change-${INGRESS_CHANGE}@platform-ops`));
      assert.deepEqual(errors, [], 'no uncaught errors in the page');
    } finally {
      await close();
    }
  });
});
