// The on-demand chunk (extras.js: the forms and the rating) is fetched only when one of them is due; when it cannot
// be fetched, the widget says so with a button to try again, and the host page sees no error.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, screenshot, watchErrors } from '../lib/browser.mjs';
import { createWebsite, signUpAgent } from '../lib/stack.mjs';
import { launcher, messageText, openChat, openDemo, send, withAgentOnline } from '../lib/widget.mjs';

let owner;
before(async () => {
  owner = await signUpAgent();
});

test('a plain chat never fetches the chunk', async () => {
  await withAgentOnline(owner, async ({ website, page }) => {
    const fetched = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await openDemo(page, website);
    await openChat(page);
    await send(page, 'Just a question');
    await messageText(page, 'Just a question').waitFor();
    assert.ok(fetched.includes('/widget/widget.js'));
    assert.ok(!fetched.includes('/widget/extras.js'), fetched.join('\n'));
  });
});

test('when the chunk cannot be fetched the widget offers to try again, then shows the away form', async () => {
  const browser = await launchBrowser();
  try {
    const website = await createWebsite(owner);
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.route('**/widget/extras.js', (route) => route.abort());
    await openDemo(page, website);
    await launcher(page).click();
    const retry = page.locator('zendo-widget .notice button', { hasText: 'Try again' });
    await retry.waitFor();
    await screenshot(page, 'widget-extras-failed');

    await page.unroute('**/widget/extras.js');
    await retry.click();
    const form = page.locator('zendo-widget form.form');
    await form.locator('input[name=email]').fill('visitor@example.com');
    await form.locator('textarea[name=body]').fill('Left while the chunk was away');
    await form.locator('button[type=submit]').click();
    await messageText(page, 'Left while the chunk was away').waitFor();
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser.close();
  }
});
