// The demo Alertmanagers (scripts/demo-alertmanager.js) reach the summary
// API of the running backend: what `npm start` is meant to show.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { BASE_URL, guestToken } from './browser.mjs';

let token;
before(async () => {
  token = await guestToken();
});

async function summary(name) {
  const response = await fetch(`${BASE_URL}/api/platform-ops/summary/component/default/${name}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  assert.equal(response.status, 200, `summary of ${name}`);
  return (await response.json()).alerting;
}

describe('demo alerts', () => {
  test('ingress-nginx has a live P1 in production; staging has no heartbeat', async () => {
    const alerting = await summary('ingress-nginx');
    const p1 = alerting.alerts.find(alert => alert.alertname === 'IngressControllerDown');
    assert.ok(p1, 'IngressControllerDown is linked to ingress-nginx');
    assert.equal(p1.environment, 'production');
    assert.equal(p1.level, 'P1');
    assert.equal(p1.state, 'active');
    assert.match(p1.generatorURL, /^http:\/\/127\.0\.0\.1:9090\/graph\?/);
    const heartbeat = Object.fromEntries(alerting.status.map(item => [item.environment, item.heartbeat]));
    assert.deepEqual(heartbeat, { staging: 'missing', production: 'ok' });
    assert.equal(alerting.trustworthy, false, 'counts are not trusted while staging has no heartbeat');
  });

  test('the fluentd P3 is silenced', async () => {
    const alerting = await summary('fluentd');
    const alert = alerting.alerts.find(item => item.alertname === 'FluentdBufferNearlyFull');
    assert.ok(alert, 'FluentdBufferNearlyFull is linked to fluentd');
    assert.equal(alert.level, 'P3');
    assert.equal(alert.state, 'suppressed');
    assert.equal(alert.silencedBy.length, 1);
  });

  test('the velero warning takes velero\'s own production level, P2', async () => {
    const alerting = await summary('velero');
    const alert = alerting.alerts.find(item => item.alertname === 'VeleroBackupPartiallyFailed');
    assert.ok(alert, 'VeleroBackupPartiallyFailed is linked to velero');
    assert.equal(alert.level, 'P2');
    assert.notEqual(alert.levelSource, 'priority-label');
  });
});
