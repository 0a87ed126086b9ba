// The harness itself: Chromium starts, reaches the stack through the gateway and keeps a screenshot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { launchBrowser, screenshot } from '../lib/browser.mjs';
import { gatewayUrl, signUpAgent, createWebsite } from '../lib/stack.mjs';

test('the gateway serves the dashboard to Chromium and the API creates a website for a new agent', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const response = await page.goto(`${gatewayUrl}/`);
    assert.equal(response.status(), 200);
    await page.waitForSelector('#root *');
    assert.ok(existsSync(await screenshot(page, 'harness-dashboard')));

    const owner = await signUpAgent();
    const website = await createWebsite(owner);
    assert.match(website.public_key, /^pk_/);
  } finally {
    await browser.close();
  }
});
