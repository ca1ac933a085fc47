// The write forms on the demo (run through `npm run test:e2e`): a drill
// recorded and a change announced through the entity tab's forms, then seen
// on the entity, as a platform engineer would do it. The demo policy allows
// every write.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { closeSharedBrowser, eventually, openSignedIn, sharedBrowser } from './browser.mjs';

after(closeSharedBrowser);

/** Opens a select field of the form and picks an option. */
async function choose(page, form, field, option) {
  await form.getByRole('button', { name: field }).click();
  await page.getByRole('option', { name: option }).first().click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

describe('forms', () => {
  test('record a drill on velero, then see it in its drill history', async t => {
    const { page, close, errors } = await openSignedIn(
      await sharedBrowser(),
      '/catalog/default/component/velero/platform-ops',
      { test: t },
    );
    const scenario = `Rebuild the velero namespace from the off-site copy (${Date.now()})`;
    try {
      await page.getByRole('button', { name: 'Record drill' }).click();
      const form = page.getByRole('form', { name: 'Record a drill' });
      await form.waitFor();
      await choose(page, form, /^Environment/, 'staging');
      await form.getByRole('textbox', { name: /^Scenario/ }).fill(scenario);
      await form.getByRole('textbox', { name: /^Led by/ }).fill('Jane Okafor');
      await form.getByRole('textbox', { name: /^Measured RTO/ }).fill('50m');
      await choose(page, form, /^Outcome/, 'Succeeded');
      await form.getByRole('button', { name: 'Record' }).click();
      await form.waitFor({ state: 'detached' });
      const row = page.locator('tr').filter({ hasText: scenario });
      await row.first().waitFor();
      assert.match(await row.first().innerText(), /50m/);
      assert.deepEqual(errors, [], 'no uncaught errors in the page');
    } finally {
      await close();
    }
  });

  test('announce a change on ingress-nginx, then see it in its change history', async t => {
    const { page, close, errors } = await openSignedIn(
      await sharedBrowser(),
      '/catalog/default/component/ingress-nginx/platform-ops',
      { test: t },
    );
    const title = `Ingress NGINX configuration reload tuning (${Date.now()})`;
    try {
      await page.getByRole('button', { name: 'Announce change' }).click();
      const form = page.getByRole('form', { name: 'Announce a change' });
      await form.waitFor();
      await form.getByRole('textbox', { name: /^Title/ }).fill(title);
      await choose(page, form, /^Class/, /^Minor/);
      await form.getByRole('checkbox', { name: 'staging' }).check();
      await choose(page, form, /^Window occurrence/, /^staging-monthly/);
      await form.getByRole('checkbox', { name: 'Platform services' }).check();
      await form
        .getByRole('textbox', { name: /^Contingency plan/ })
        .fill('Restore the previous ConfigMap from Git and restart the controller.');
      await form.getByRole('button', { name: 'Announce' }).click();
      await form.waitFor({ state: 'detached' });
      await page.getByRole('alert', { name: 'Change saved' }).waitFor();
      const row = page.locator('tr').filter({ hasText: title });
      await eventually(async () => (await row.count()) > 0, 'the change in the history');
      assert.match(await row.first().innerText(), /staging/);
      assert.deepEqual(errors, [], 'no uncaught errors in the page');
    } finally {
      await close();
    }
  });
});
