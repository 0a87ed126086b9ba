// Debian's Chromium driven by playwright-core: one launch per test file, screenshots kept as test artifacts.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where screenshots go: ZENDO_E2E_ARTIFACTS (system-tests sets target/e2e-artifacts), else e2e/artifacts. */
export const artifactsDir = resolve(process.env.ZENDO_E2E_ARTIFACTS ?? new URL('../artifacts', import.meta.url).pathname);

/** Headless Chromium with the flags this machine needs (no sandbox as root, no background networking). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.ZENDO_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** Saves a full-page PNG of the page under the artifacts folder, named `<name>.png`; returns its path. */
export async function screenshot(page, name) {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Collects the page's uncaught errors and console errors, so a test can assert the page stayed clean. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(`console: ${message.text()}`); });
  return errors;
}
