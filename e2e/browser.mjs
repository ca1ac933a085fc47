// Shared helpers for the browser tests: Debian's Chromium driven by
// playwright-core (never playwright's own browser downloads), and guest
// sign-in on the app served by the backend that scripts/run-e2e.js started.
import { chromium } from 'playwright-core';

/** Debian's Chromium. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The app and backend origin, set by scripts/run-e2e.js. */
export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:7007';

/** How long one page or element may take to appear. */
export const TIMEOUT_MS = 30_000;

/**
 * One browser per test file, launched on first use (so a file whose tests are
 * all skipped or filtered out opens none); call `closeSharedBrowser` in after().
 */
let shared;
export function sharedBrowser() {
  shared ??= launchBrowser();
  return shared;
}
export async function closeSharedBrowser() {
  if (shared) await (await shared).close();
  shared = undefined;
}

/** Headless Chromium with no background traffic off this machine. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    timeout: TIMEOUT_MS,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * A fresh page at `path`, signed in as guest: the sign-in page's "Enter"
 * button is clicked, after which the app renders `path` itself.
 */
export async function openSignedIn(browser, path, options = {}) {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(TIMEOUT_MS);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', error => errors.push(error.message));
  await page.goto(`${BASE_URL}${path}`);
  await page.getByRole('button', { name: 'Enter' }).click();
  // The sign-in page is gone once the sidebar of the app is there.
  await page.getByRole('button', { name: 'Enter' }).waitFor({ state: 'detached' });
  return { page, context, errors };
}

/**
 * The card whose header title is exactly `title`: a core-components
 * InfoCard (MUI) or a Backstage UI card. Class names carry build suffixes
 * (MuiCard-root-840), hence the substring match. Zero matches when absent.
 */
export function cardTitled(page, title) {
  const exact = new RegExp(`^\\s*${escape(title)}\\s*$`);
  return page
    .locator('[class*="MuiCard-root"], .bui-Card')
    .filter({
      has: page
        .locator('[class*="MuiCardHeader-title"], .bui-CardHeader h3')
        .filter({ hasText: exact }),
    });
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Polls `check` (an async predicate) until true, at most `timeoutMs`. */
export async function eventually(check, what, timeoutMs = TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: not true after ${timeoutMs / 1000} s${last ? ` (${last.message})` : ''}`);
}

/** Waits until no progress indicator is left inside `locator`. */
export async function settled(locator) {
  await eventually(
    async () => (await locator.locator('[role="progressbar"]').count()) === 0,
    'loading finished',
  );
}

/** A guest token for calling the backend API directly. */
export async function guestToken() {
  const response = await fetch(`${BASE_URL}/api/auth/guest/refresh?env=development`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!response.ok) throw new Error(`guest refresh: HTTP ${response.status}`);
  return (await response.json()).backstageIdentity.token;
}
