// The panel's other duties: the unread badge while closed, the rating after the agent closes the thread, and page
// views of single-page-app navigation in the visitor's profile.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, screenshot } from '../lib/browser.mjs';
import { api, createWebsite, signUpAgent } from '../lib/stack.mjs';
import { agentOnline, conversationOf, launcher, messageText, openChat, openDemo, reply, send, until } from '../lib/widget.mjs';

let owner;
before(async () => {
  owner = await signUpAgent('Rui Agent');
});

test('a closed panel counts unread replies, the thread ends with a rating, and SPA navigation is a page view', async () => {
  const browser = await launchBrowser();
  try {
    const website = await createWebsite(owner);
    const context = await browser.newContext();
    await agentOnline(context, owner, website);
    const page = await context.newPage();
    await openDemo(page, website);
    await page.evaluate(() => {
      window.unreadSeen = [];
      window.Zendo('on', 'unread', (n) => window.unreadSeen.push(n));
    });
    await openChat(page);
    await send(page, 'question');
    const conversationId = await conversationOf(owner, website);
    await launcher(page).click();

    await reply(owner, website, conversationId, 'answer one');
    await reply(owner, website, conversationId, 'answer two');
    const badge = page.locator('zendo-widget .launcher .badge');
    await badge.filter({ hasText: '2' }).waitFor();
    assert.match(await launcher(page).getAttribute('aria-label'), /2 unread/);
    await screenshot(page, 'widget-panel-unread');

    await launcher(page).click();
    await messageText(page, 'answer two').waitFor();
    await badge.waitFor({ state: 'hidden' });
    assert.deepEqual(await page.evaluate(() => window.unreadSeen), [1, 2, 0]);

    await api('POST', `/v1/inbox/${website.id}/conversations/${conversationId}/resolve`, { token: owner.token, body: {} });
    const stars = page.locator('zendo-widget .rating .stars button');
    await stars.nth(4).click();
    await page.locator('zendo-widget .rating', { hasText: 'Thank you' }).waitFor();
    await screenshot(page, 'widget-panel-rated');

    await page.evaluate(() => {
      document.title = 'Care guide';
      history.pushState({}, '', '/demo/care-guide');
    });
    const visitorId = await page.evaluate((key) => JSON.parse(atob(localStorage.getItem(`zendo:${key}:token`).split('.')[1])).sub, website.public_key);
    await until(async () => {
      const profile = await api('GET', `/v1/inbox/${website.id}/visitors/${visitorId}`, { token: owner.token });
      return profile.page_views.some((v) => v.url.endsWith('/demo/care-guide') && v.title === 'Care guide');
    }, 'the page view in the visitor profile');
  } finally {
    await browser.close();
  }
});
