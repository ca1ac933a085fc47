// The Platform Ops card on entity pages of the demo catalog, in a real
// browser against the backend that serves the built app
// (run through `npm run test:e2e`).
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { cardTitled, closeSharedBrowser, openSignedIn, sharedBrowser, settled } from './browser.mjs';

after(closeSharedBrowser);

async function platformOpsCard(entityPath, t) {
  const opened = await openSignedIn(await sharedBrowser(), entityPath, { test: t });
  try {
    const card = cardTitled(opened.page, 'Platform Ops').last();
    await card.waitFor();
    await settled(card);
    return { ...opened, card };
  } catch (error) {
    await opened.close();
    throw error;
  }
}

/** The value part of a "label: value" field in the card. */
function field(card, label) {
  return card
    .locator('div')
    .filter({ has: card.page().getByText(`${label}:`, { exact: true }) })
    .last();
}

describe('entity page', () => {
  test('ingress-nginx: the Platform Ops card says inside the platform scope, P1 in production', async t => {
    const { card, close, errors } = await platformOpsCard('/catalog/default/component/ingress-nginx', t);
    try {
      await card.getByText('Inside the platform scope').first().waitFor();
      const production = field(card.locator('section[aria-label="Alerting"]'), 'production');
      const chip = production.locator('[class*="MuiChip-root"]');
      await chip.first().waitFor();
      assert.deepEqual(await chip.allInnerTexts(), ['P1'], 'production level chip');
      // Distinct without colour: the chip says what P1 means.
      assert.match((await chip.getAttribute('title')) ?? '', /P1/);
      const staging = field(card.locator('section[aria-label="Alerting"]'), 'staging');
      assert.deepEqual(await staging.locator('[class*="MuiChip-root"]').allInnerTexts(), ['P2']);
      assert.deepEqual(errors, [], 'no uncaught errors in the page');
    } finally {
      await close();
    }
  });

  test('rabbitmq: the runbook problem is reported and no javascript: link exists', async t => {
    const { page, card, close, errors } = await platformOpsCard('/catalog/default/component/rabbitmq', t);
    try {
      const problems = card.getByRole('list', { name: 'Annotation problems' });
      await problems.waitFor();
      const runbookProblem = problems
        .getByRole('listitem')
        .filter({ hasText: 'platform-ops/runbook' });
      await runbookProblem.waitFor();
      const text = await runbookProblem.innerText();
      assert.match(text, /javascript:alert\(1\)/, 'the problem quotes the bad text');
      assert.match(text, /https?:\/\//, 'the problem says what was expected');
      // The bad value is shown as text, never as something to click.
      const scriptLinks = await page.evaluate(() =>
        [...document.querySelectorAll('[href], [src], [action], [formaction]')]
          .flatMap(element =>
            ['href', 'src', 'action', 'formaction'].map(name => element.getAttribute(name)),
          )
          .filter(value => value && /^\s*javascript:/i.test(value)),
      );
      assert.deepEqual(scriptLinks, [], 'no javascript: URL anywhere on the page');
      assert.equal(await card.getByRole('link', { name: /javascript:/i }).count(), 0);
      assert.deepEqual(errors, [], 'no uncaught errors in the page');
    } finally {
      await close();
    }
  });

  test('ingress-nginx: the Alerts card shows the live P1 and the staging heartbeat warning', async t => {
    const { page, close, errors } = await openSignedIn(
      await sharedBrowser(),
      '/catalog/default/component/ingress-nginx',
      { test: t },
    );
    try {
      await cardTitled(page, 'Platform Ops').last().waitFor();
      const alerts = cardTitled(page, 'Alerts').last();
      await alerts.waitFor();
      await settled(alerts);
      const live = alerts.locator('li, [role="listitem"], tr').filter({ hasText: 'IngressControllerDown' });
      await live.first().waitFor();
      assert.match(await live.first().innerText(), /P1/);
      assert.match(await live.first().innerText(), /production/i);
      await alerts.getByText(/Watchdog/).first().waitFor();
      assert.match(await alerts.innerText(), /staging/i);
      assert.deepEqual(errors, [], 'no uncaught errors in the page');
    } finally {
      await close();
    }
  });
});
