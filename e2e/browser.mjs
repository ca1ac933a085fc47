// Shared helpers for the browser tests: Debian's Chromium driven by
// playwright-core (never playwright's own browser downloads), and guest
// sign-in on the app served by the backend that scripts/run-e2e.js started.
// Every browser test leaves a full-page screenshot of what it checked in
// e2e-test-report/screenshots/ (git-ignored), whether it passed or failed.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

/** Debian's Chromium. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The app and backend origin, set by scripts/run-e2e.js. */
export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:7007';

/** How long one page or element may take to appear. */
export const TIMEOUT_MS = 30_000;

/** Where each browser test's screenshot goes; set by scripts/run-e2e.js. */
export const REPORT_SCREENSHOT_DIR =
  process.env.E2E_REPORT_SCREENSHOT_DIR ??
  path.resolve(import.meta.dirname, '..', 'e2e-test-report', 'screenshots');

/** The tallest a report screenshot gets, in CSS pixels. */
const MAX_SCREENSHOT_HEIGHT = 10_000;

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
 *
 * In a test, pass the test's context as `options.test` and end with
 * `await close()` in a `finally`: it saves the page as the test left it to
 * `REPORT_SCREENSHOT_DIR/<test file>-<test name>.png`, then closes the
 * browser context. Under `node --test` a page opened without `test` is an
 * error, so that no browser test goes without its screenshot.
 */
export async function openSignedIn(browser, path, options = {}) {
  if (!options.test && process.env.NODE_TEST_CONTEXT) {
    throw new Error(`openSignedIn(${path}): pass { test: t } so that the test leaves its screenshot`);
  }
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(TIMEOUT_MS);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', error => errors.push(error.message));
  const close = async () => {
    try {
      if (options.test) await reportScreenshot(page, options.test);
    } finally {
      await context.close();
    }
  };
  try {
    await page.goto(`${BASE_URL}${path}`);
    await page.getByRole('button', { name: 'Enter' }).click();
    // The sign-in page is gone once the sidebar of the app is there.
    await page.getByRole('button', { name: 'Enter' }).waitFor({ state: 'detached' });
  } catch (error) {
    await close();
    throw error;
  }
  return { page, context, errors, close };
}

/** `e2e/drain-readiness.test.mjs` and "rabbitmq: 1 replica" → `drain-readiness-rabbitmq-1-replica.png`. */
export function reportScreenshotName(testFile, testName) {
  const slug = text =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const file = path.basename(testFile ?? 'e2e').replace(/\.test\.mjs$|\.mjs$/, '');
  return `${slug(file)}-${slug(testName).slice(0, 100).replace(/-+$/, '')}.png`;
}

/**
 * Makes the viewport as tall as the page's content, at most
 * `MAX_SCREENSHOT_HEIGHT`: Backstage scrolls inside its own container, so a
 * full-page screenshot, or one of an element taller than the viewport,
 * would otherwise show only what is in view.
 */
export async function fitViewportToContent(page) {
  const viewport = page.viewportSize();
  const height = await page.evaluate(() =>
    Math.max(
      document.documentElement.scrollHeight,
      ...[...document.querySelectorAll('*')]
        .filter(element => element.scrollHeight > element.clientHeight + 1)
        .filter(element => /auto|scroll/.test(getComputedStyle(element).overflowY))
        .map(element => element.getBoundingClientRect().top + window.scrollY + element.scrollHeight),
    ),
  );
  if (viewport && height > viewport.height) {
    await page.setViewportSize({
      width: viewport.width,
      height: Math.min(Math.ceil(height), MAX_SCREENSHOT_HEIGHT),
    });
  }
}

/**
 * The whole page as the test left it. A page that cannot be captured
 * (closed, crashed) is reported on stderr and never hides the test's own
 * result.
 */
async function reportScreenshot(page, t) {
  const file = path.join(REPORT_SCREENSHOT_DIR, reportScreenshotName(t.filePath ?? process.argv[1], t.name));
  try {
    fs.mkdirSync(REPORT_SCREENSHOT_DIR, { recursive: true });
    await fitViewportToContent(page);
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled', timeout: 10_000 });
  } catch (error) {
    process.stderr.write(`no screenshot ${file}: ${error.message}\n`);
  }
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
