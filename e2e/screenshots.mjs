// Writes the README screenshots to docs/screenshots/ from the demo served by
// scripts/run-e2e.js: `npm run screenshots`. A missing card or page fails
// the run.
import fs from 'node:fs';
import path from 'node:path';
import { cardTitled, fitViewportToContent, launchBrowser, openSignedIn, settled } from './browser.mjs';

const OUT = process.env.E2E_SCREENSHOT_DIR ?? path.resolve(import.meta.dirname, '..', 'docs', 'screenshots');
const ENTITY = '/catalog/default/component/ingress-nginx';
const VIEW = { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2 };
// The Platform Ops page's tables need the width of a desktop screen.
const WIDE_VIEW = { viewport: { width: 1680, height: 1400 }, deviceScaleFactor: 2 };
// How long to look for a card that may not exist (it renders within ~2 s).
const OPTIONAL_WAIT_MS = 8000;

const written = [];

function say(message) {
  process.stdout.write(`[screenshots] ${message}\n`);
}

async function shoot(locator, file) {
  // A card taller than the window is shot whole, not cut at its edge.
  await fitViewportToContent(locator.page());
  await locator.scrollIntoViewIfNeeded();
  await locator.screenshot({ path: path.join(OUT, file), animations: 'disabled' });
  written.push(file);
  say(`wrote ${path.relative(process.cwd(), path.join(OUT, file))}`);
}

/** The innermost card titled `title`, or undefined when it does not appear. */
async function optionalCard(page, title) {
  const card = cardTitled(page, title).last();
  try {
    await card.waitFor({ timeout: OPTIONAL_WAIT_MS });
  } catch {
    return undefined;
  }
  await settled(card);
  return card;
}

/** Looks on the overview, then on entity tabs likely to hold the card. */
async function findCard(page, title) {
  const onOverview = await optionalCard(page, title);
  if (onOverview) return onOverview;
  const tabs = page.getByRole('tab', { name: /^(alerts|platform ops|operations)$/i });
  for (let i = 0; i < (await tabs.count()); i++) {
    await tabs.nth(i).click();
    const card = await optionalCard(page, title);
    if (card) return card;
  }
  return undefined;
}

async function entityCards(browser) {
  const { page, context } = await openSignedIn(browser, ENTITY, VIEW);
  try {
    const card = cardTitled(page, 'Platform Ops').last();
    await card.waitFor();
    await settled(card);
    await card.getByText('Inside the platform scope').first().waitFor();
    await shoot(card, 'platform-ops-card.png');

    for (const [title, file] of [
      ['Scope', 'scope-card.png'],
      ['Alerts', 'alerts-card.png'],
    ]) {
      await page.goto(page.url().replace(/\/catalog\/.*/, ENTITY));
      const found = await findCard(page, title);
      if (!found) throw new Error(`no card titled "${title}" on ${ENTITY}`);
      await shoot(found, file);
    }
  } finally {
    await context.close();
  }
}

/** fluentd's Alerts card: its production P3 is silenced in the demo. */
async function silencedAlert(browser) {
  const { page, context } = await openSignedIn(browser, '/catalog/default/component/fluentd', VIEW);
  try {
    const card = await findCard(page, 'Alerts');
    if (!card) throw new Error('no card titled "Alerts" on fluentd');
    await card.getByText(/^Silenced/).first().waitFor();
    await shoot(card, 'alerts-card-silenced.png');
  } finally {
    await context.close();
  }
}

/**
 * One entity's card titled `title`, once `ready` (a text in it) shows:
 * what the demo is meant to show on that card.
 */
async function entityCard(browser, { entity, title, ready, file }) {
  const { page, context } = await openSignedIn(browser, `/catalog/default/component/${entity}`, VIEW);
  try {
    const card = await findCard(page, title);
    if (!card) throw new Error(`no card titled "${title}" on ${entity}`);
    await card.getByText(ready).first().waitFor();
    await shoot(card, file);
  } finally {
    await context.close();
  }
}

/** A page of the Platform Ops page, whole, once `ready` (one text or several) shows. */
async function platformOpsTab(browser, { path: tabPath, ready, file, view = VIEW }) {
  const { page, context } = await openSignedIn(browser, tabPath, view);
  try {
    for (const text of [ready].flat()) await page.getByText(text).first().waitFor();
    await settled(page.locator('body'));
    await page.screenshot({ path: path.join(OUT, file), animations: 'disabled' });
    written.push(file);
    say(`wrote ${path.relative(process.cwd(), path.join(OUT, file))}`);
  } finally {
    await context.close();
  }
}

async function lookupPage(browser) {
  const { page, context } = await openSignedIn(browser, '/platform-ops', VIEW);
  try {
    const search = page.getByLabel('Component, namespace or alert label');
    await search.waitFor({ timeout: OPTIONAL_WAIT_MS });
    await search.fill('ingress');
    await page.getByText(/ingress-nginx|Ingress NGINX/).nth(1).waitFor();
    await settled(page.locator('body'));
    await page.screenshot({ path: path.join(OUT, 'incident-lookup.png'), animations: 'disabled' });
    written.push('incident-lookup.png');
    say(`wrote ${path.relative(process.cwd(), path.join(OUT, 'incident-lookup.png'))}`);
  } finally {
    await context.close();
  }
}

fs.mkdirSync(OUT, { recursive: true });
const browser = await launchBrowser();
try {
  await entityCards(browser);
  // rabbitmq: its runbook annotation is malformed on purpose.
  await entityCard(browser, {
    entity: 'rabbitmq',
    title: 'Platform Ops',
    ready: /javascript:alert\(1\)/,
    file: 'platform-ops-card-problems.png',
  });
  await silencedAlert(browser);
  // velero: a failed and a partially failed backup, a paused schedule.
  await entityCard(browser, {
    entity: 'velero',
    title: 'Backups',
    ready: /is paused: it makes no backups/,
    file: 'backups-card.png',
  });
  // rabbitmq: its one replica fails the drain; staging cannot lose its largest node.
  await entityCard(browser, {
    entity: 'rabbitmq',
    title: 'Maintenance',
    ready: 'StatefulSet rabbitmq/rabbitmq: 1 replica: downtime when its node is drained; run at least 2',
    file: 'drain-readiness.png',
  });
  // checkout-service: the ingress-nginx upgrade reaches it through dependsOn.
  await entityCard(browser, {
    entity: 'checkout-service',
    title: 'Maintenance',
    ready: /Ingress NGINX 1\.11 to 1\.12 in production/,
    file: 'maintenance-card.png',
  });
  await lookupPage(browser);
  // The month of the ingress-nginx upgrade, the change opened.
  await platformOpsTab(browser, {
    path: '/platform-ops/maintenance?change=demo-ingress-nginx-1-12-production',
    ready: /helm rollback ingress-nginx/,
    file: 'maintenance-calendar.png',
    view: WIDE_VIEW,
  });
  await platformOpsTab(browser, {
    path: '/platform-ops/overview',
    ready: 'Ingress NGINX',
    file: 'overview.png',
    view: WIDE_VIEW,
  });
  // The alerts seen since the backend started, P1s first.
  await platformOpsTab(browser, {
    path: '/platform-ops/noise',
    ready: ['P1s that fired most often', /^IngressControllerDown$|^ingress-nginx$/],
    file: 'alert-noise.png',
    view: WIDE_VIEW,
  });
} finally {
  await browser.close();
}
say(`${written.length} written`);
