// The demo page served with a strict Content-Security-Policy (no unsafe-inline, no unsafe-eval; the snippet allowed
// by its hash): the widget loads, the away form leaves a message, the agent's reply arrives live, nothing is blocked.
// Then the snippet form without inline script under `script-src 'self'` alone.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, screenshot, watchErrors } from '../lib/browser.mjs';
import { createWebsite, gatewayUrl, signUpAgent } from '../lib/stack.mjs';
import { conversationOf, inboxMessages, launcher, messageText, openDemo, reply } from '../lib/widget.mjs';

let owner;
before(async () => {
  owner = await signUpAgent();
});

test('the widget works on a page under a strict CSP', async () => {
  const browser = await launchBrowser();
  try {
    const website = await createWebsite(owner);
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });

    const response = await page.goto(`${gatewayUrl}/demo/strict?key=${website.public_key}`);
    const csp = response.headers()['content-security-policy'];
    assert.match(csp, /script-src 'self' 'sha256-/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    await openDemo(page, website, { strict: true });

    await launcher(page).click();
    const form = page.locator('zendo-widget form.form');
    await form.locator('input[name=email]').fill('visitor@example.com');
    await form.locator('textarea[name=body]').fill('Nobody is online, please write back');
    await form.locator('button[type=submit]').click();
    await messageText(page, 'Nobody is online, please write back').waitFor();

    const conversationId = await conversationOf(owner, website);
    assert.ok((await inboxMessages(owner, website, conversationId)).some((m) => m.body === 'Nobody is online, please write back'));
    await reply(owner, website, conversationId, 'Back now: how can I help?');
    await messageText(page, 'Back now: how can I help?').waitFor();
    await screenshot(page, 'widget-csp-strict');

    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('the snippet form without inline script boots from data-website-key under script-src self only', async () => {
  const browser = await launchBrowser();
  try {
    const website = await createWebsite(owner);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    // A page made up by the test (Chromium counts it as public, so its socket to the loopback edge is refused by
    // local-network-access checks: only the CSP is judged here, the live chat under CSP by the test above).
    const host = `${gatewayUrl}/demo/no-inline`;
    await page.route(host, (route) => route.fulfill({
      status: 200,
      contentType: 'text/html',
      headers: { 'Content-Security-Policy': "default-src 'none'; script-src 'self'; connect-src 'self' ws: wss:" },
      body: `<!doctype html><title>No inline script</title><p>Host page</p>
<script async src="/widget/loader.js" data-website-key="${website.public_key}"></script>`,
    }));
    await page.goto(host);
    await launcher(page).waitFor();
    await launcher(page).click();
    await page.locator('zendo-widget form.form input[name=email]').waitFor();
    await screenshot(page, 'widget-csp-no-inline');
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  } finally {
    await browser.close();
  }
});
