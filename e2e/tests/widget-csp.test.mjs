// The demo page served with a strict Content-Security-Policy (no unsafe-inline, no unsafe-eval; the snippet allowed
// by its hash): the widget loads, the away form leaves a message, the agent's reply arrives live, nothing is blocked.
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
