// Backups and DR on the demo (run through `npm run test:e2e`): the Velero
// objects of the Kubernetes API stand-ins (demo/kubernetes/*.yaml) read by
// the real client, the drills seeded by scripts/demo-seed.js, push reports
// checked at the HTTP boundary, and the backups card in a real browser.
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

let token;
before(async () => {
  token = await guestToken();
});
after(closeSharedBrowser);

async function api(path, init = {}) {
  const response = await fetch(`${BASE_URL}/api/platform-ops${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, ...init.headers },
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function backupsOf(name) {
  const { status, body } = await api(`/summary/component/default/${name}`);
  assert.equal(status, 200, `summary of ${name}`);
  return body.backups;
}

function environment(backups, name) {
  const found = backups.environments.find(item => item.environment === name);
  assert.ok(found, `${name} in ${JSON.stringify(backups.environments.map(item => item.environment))}`);
  return found;
}

async function backupsCard(entityPath, t) {
  const opened = await openSignedIn(await sharedBrowser(), entityPath, { test: t });
  try {
    const card = cardTitled(opened.page, 'Backups').last();
    await card.waitFor();
    await settled(card);
    return { ...opened, card };
  } catch (error) {
    await opened.close();
    throw error;
  }
}

describe('backups: the summary API', () => {
  test('postgresql-orders: pushed reports only, none in the demo, so its RPO is breached', async () => {
    const backups = await backupsOf('postgresql-orders');
    assert.equal(backups.source.type, 'push');
    assert.equal(environment(backups, 'production').rpo, 'breached');
    assert.equal(backups.rpo, 'breached');
  });

  test('velero: a failed and a partially failed backup with their reasons, and a paused schedule', async () => {
    const production = environment(await backupsOf('velero'), 'production');
    const phases = production.failures.map(item => item.phase).sort();
    assert.ok(phases.includes('Failed'), `failures: ${phases}`);
    assert.ok(phases.includes('PartiallyFailed'), `failures: ${phases}`);
    for (const failure of production.failures) {
      assert.ok(failure.failureReason, `${failure.name} says why it failed`);
    }
    assert.equal(production.schedule?.paused, true, 'the schedule is paused');
  });

  test('rabbitmq: the scope mismatch is named both ways', async () => {
    const production = environment(await backupsOf('rabbitmq'), 'production');
    const mismatch = production.scopeMismatch;
    assert.ok(mismatch, 'a scope mismatch');
    assert.ok(mismatch.declaredNotCovered.length > 0, 'declared but not covered');
    assert.ok(mismatch.coveredNotDeclared.includes('rabbitmq-system'), 'covered but not declared');
  });

  test('staging: velero\'s offsite storage location is Unavailable; argocd has a proven restore', async () => {
    const staging = environment(await backupsOf('velero'), 'staging');
    const unavailable = staging.storageLocations.filter(item => item.phase === 'Unavailable');
    assert.deepEqual(
      unavailable.map(item => item.name),
      ['offsite'],
      'the Unavailable storage location in staging',
    );
    const production = environment(await backupsOf('argocd'), 'production');
    assert.equal(production.lastRestore?.phase, 'Completed', 'argocd: last proven restore');
  });

  test('/drills lists the seeded drills, rabbitmq overdue', async () => {
    const { status, body } = await api('/drills');
    assert.equal(status, 200);
    const ids = body.drills.map(drill => drill.id);
    for (const id of [
      'demo-drill-argocd-restore',
      'demo-drill-velero-config',
      'demo-drill-orders-pitr',
      'demo-drill-rabbitmq-rebuild',
    ]) {
      assert.ok(ids.includes(id), `${id} in ${ids}`);
    }
    const rabbitmq = await backupsOf('rabbitmq');
    assert.equal(rabbitmq.drill?.state, 'overdue');
  });

  test('a malformed push gets 400 naming the field, and nothing is stored', async () => {
    const report = {
      id: `e2e-bad-${Date.now()}`,
      entityRef: 'component:default/postgresql-orders',
      environment: 'production',
      status: 'succeeded',
      startedAt: 'yesterday',
      completedAt: new Date().toISOString(),
    };
    const { status, body } = await api('/backup-reports', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(report),
    });
    assert.equal(status, 400);
    assert.match(body.error.message, /startedAt/);
    // Still breached: the bad report did not count as a backup.
    assert.equal(environment(await backupsOf('postgresql-orders'), 'production').rpo, 'breached');
  });
});

describe('backups: the card in a browser', () => {
  test('postgresql-orders shows its breached RPO', async t => {
    const { card, close, errors } = await backupsCard('/catalog/default/component/postgresql-orders', t);
    try {
      await card.getByText(/^RPO breached: no successful backup/).first().waitFor();
      assert.deepEqual(errors, [], 'no uncaught errors in the page');
    } finally {
      await close();
    }
  });

  test('velero shows the failed backup and the paused schedule', async t => {
    const { card, close, errors } = await backupsCard('/catalog/default/component/velero', t);
    try {
      await card.getByText(/^Failed: backup /).first().waitFor();
      await card.getByText(/^Partially failed: backup /).first().waitFor();
      await card.getByText(/is paused: it makes no backups/).first().waitFor();
      assert.deepEqual(errors, [], 'no uncaught errors in the page');
    } finally {
      await close();
    }
  });

  test('rabbitmq shows its scope mismatch', async t => {
    const { card, close, errors } = await backupsCard('/catalog/default/component/rabbitmq', t);
    try {
      await card.getByText(/Declared but not covered/).first().waitFor();
      await card.getByText(/Covered but not declared/).first().waitFor();
      assert.match(await card.innerText(), /rabbitmq-system/);
      assert.deepEqual(errors, [], 'no uncaught errors in the page');
    } finally {
      await close();
    }
  });
});
