// The incident lookup page (/platform-ops, PlatformOpsPage): find who runs
// something from a component name, namespace or alert label.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { eventually, closeSharedBrowser, openSignedIn, sharedBrowser } from './browser.mjs';

const SEARCH_LABEL = 'Component, namespace or alert label';

after(closeSharedBrowser);

describe('incident lookup', () => {
  test('namespace=ingress-nginx finds ingress-nginx with owner and escalation; Enter opens it', async t => {
    const { page, close, errors } = await openSignedIn(await sharedBrowser(), '/platform-ops', { test: t });
    try {
      const search = page.getByLabel(SEARCH_LABEL);
      await search.waitFor();
      await eventually(
        () => search.evaluate(element => element === document.activeElement),
        'the search box has focus on arrival',
        5000,
      );
      // Typed where the focus is: no click needed in an incident.
      await page.keyboard.type('namespace=ingress-nginx');
      const result = page
        .locator('li, tr, [role="row"], [role="option"], [class*="MuiCard-root"]')
        .filter({ hasText: /ingress-nginx|Ingress NGINX/ })
        .filter({ hasText: 'Platform team' })
        .filter({ hasText: 'Jane Okafor' });
      await result.first().waitFor();
      assert.ok(
        await page.getByText(/runbooks\/ingress-nginx/).first().isVisible(),
        'the runbook of ingress-nginx is shown',
      );
      await search.press('Enter');
      await page.waitForURL(/\/catalog\/default\/component\/ingress-nginx\/?$/);
      assert.deepEqual(errors, [], 'no uncaught errors in the page');
    } finally {
      await close();
    }
  });
});
