// The overview on the demo (run through `npm run test:e2e`): every annotated
// component of the demo catalog, worst first, filtered on the server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, closeSharedBrowser, guestToken, openSignedIn, settled, sharedBrowser } from './browser.mjs';

let token;
before(async () => {
  token = await guestToken();
});
after(closeSharedBrowser);

async function overview(query = '') {
  const response = await fetch(`${BASE_URL}/api/platform-ops/overview${query}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: await response.json() };
}

describe('overview: the API', () => {
  test('worst first: the live P1s lead, every annotated component is counted', async () => {
    const { status, body } = await overview('?limit=200');
    assert.equal(status, 200);
    assert.ok(body.total >= 15, `${body.total} components`);
    assert.equal(body.rows.length, body.total);
    const first = body.rows[0];
    assert.equal(first.flags[0], 'has-p1', JSON.stringify(first));
    const names = body.rows.map(row => row.entity.name);
    assert.ok(names.indexOf('ingress-nginx') < names.indexOf('keycloak'), names.join(', '));
    const orders = body.rows.find(row => row.entity.name === 'postgresql-orders');
    assert.equal(orders.backup, 'breached');
    assert.ok(orders.flags.includes('backup-breached'));
  });

  test('filters by status flags, counting each flag before the status filter', async () => {
    const all = await overview();
    const { body } = await overview('?status=annotation-problems');
    assert.deepEqual(
      body.rows.map(row => row.entity.name).sort(),
      ['fluentd', 'rabbitmq', 'redis-cache'],
    );
    assert.equal(body.total, 3);
    assert.deepEqual(body.flagCounts, all.body.flagCounts);
    const eol = await overview('?status=eol-soon');
    assert.ok(eol.body.rows.some(row => row.entity.name === 'kubernetes'));
  });

  test('a bad query is a 400 naming the field', async () => {
    const { status, body } = await overview('?limit=1000');
    assert.equal(status, 400);
    assert.match(body.error.message, /limit: must be at most 200/);
  });
});

describe('overview: the tab in a browser', () => {
  test('a filter in the URL shows just the components with annotation problems', async t => {
    const { page, close, errors } = await openSignedIn(
      await sharedBrowser(),
      '/platform-ops/overview?status=annotation-problems',
      { test: t },
    );
    try {
      const table = page.locator('table').first();
      await table.waitFor();
      await settled(page.locator('body'));
      for (const title of ['Fluentd', 'RabbitMQ', 'Redis cache']) {
        await table.getByRole('link', { name: title }).first().waitFor();
      }
      const rows = table.locator('tbody tr');
      assert.equal(await rows.count(), 3);
      assert.equal(await table.getByRole('link', { name: 'Ingress NGINX' }).count(), 0);
      assert.deepEqual(errors, [], 'no uncaught errors in the page');
    } finally {
      await close();
    }
  });
});
