// The widget on the demo page against the real stack: a visitor writes, the agent answers through the inbox API,
// a reload restores the conversation, markup in an agent's message stays text, two tabs stay in step, and the panel
// counts unread replies, asks for a rating and reports single-page-app navigation. One agent (sign-ups are rate
// limited per address) with a website of its own per test. Last, the page drives the widget through the JS API.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, screenshot, watchErrors } from '../lib/browser.mjs';
import { api, createWebsite, signUpAgent } from '../lib/stack.mjs';
import {
  composer,
  conversationOf,
  launcher,
  messageText,
  messages,
  openChat,
  openDemo,
  reply,
  send,
  startConversation,
  until,
  visitorIdOf,
  visitorMeta,
  visitorProfile,
  withAgentOnline,
} from '../lib/widget.mjs';

let owner;
before(async () => {
  owner = await signUpAgent('Ana Agent');
});

test('a visitor sends from the demo page, is told when the agent read it, gets the reply, each sees the other typing, and a reload restores both messages and the read mark', async () => {
  await withAgentOnline(owner, async ({ website, agentPage, page }) => {
    const errors = watchErrors(page);

    await openDemo(page, website);
    await openChat(page);
    await send(page, 'Hello, do you ship to Lisbon?');
    await messageText(page, 'Hello, do you ship to Lisbon?').waitFor();
    await visitorMeta(page, 'Sent').waitFor();

    const conversationId = await conversationOf(owner, website);
    await api('POST', `/v1/inbox/${website.id}/conversations/${conversationId}/read`, { token: owner.token, body: { seq: 1 } });
    await visitorMeta(page, 'Read').waitFor();
    await reply(owner, website, conversationId, 'Yes, in two days.');
    await messageText(page, 'Yes, in two days.').waitFor();
    await screenshot(page, 'widget-chat-reply');

    await composer(page).pressSequentially('And to Porto');
    await agentPage.waitForFunction((id) => window.agentFrames.some((f) => f.type === 'typing:start' && f.conversation_id === id), conversationId);
    await agentPage.evaluate((id) => window.agentSocket.send(JSON.stringify({ type: 'typing', conversation_id: id, typing: true })), conversationId);
    await page.locator('zendo-widget .status', { hasText: 'Ana Agent is typing' }).waitFor();
    await composer(page).fill('');

    await page.reload();
    await openChat(page);
    await messageText(page, 'Yes, in two days.').waitFor();
    const texts = await messages(page).locator('.text').allTextContents();
    assert.deepEqual(texts.filter((t) => t.startsWith('Hello') || t.startsWith('Yes')), ['Hello, do you ship to Lisbon?', 'Yes, in two days.']);
    await visitorMeta(page, 'Read').waitFor();
    assert.deepEqual(await page.locator('zendo-widget .msg[data-author=visitor] .meta').allTextContents(), ['Read']);
    await screenshot(page, 'widget-chat-after-reload');
    assert.deepEqual(errors, []);
  });
});

test('an agent message with markup is shown as text and runs nothing, and the panel fills a phone screen', async () => {
  await withAgentOnline(owner, async ({ website, page }) => {
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      return dialog.dismiss();
    });

    const conversationId = await startConversation(page, owner, website, 'hi');
    const hostile = '<img src=x onerror=alert(1)> <script>alert(2)</script> javascript:alert(3) see https://example.com/a';
    await reply(owner, website, conversationId, hostile);

    const shown = messageText(page, '<img src=x onerror=alert(1)>');
    await shown.waitFor();
    assert.equal(await shown.textContent(), hostile);
    assert.equal(await page.locator('zendo-widget .log img, zendo-widget .log script').count(), 0);
    const links = await shown.locator('a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.rel, a.target]));
    assert.deepEqual(links, [['https://example.com/a', 'noopener noreferrer', '_blank']]);
    assert.equal(dialogs, 0);
    await screenshot(page, 'widget-chat-markup-as-text');

    await page.setViewportSize({ width: 375, height: 667 });
    const box = await page.locator('zendo-widget .panel').boundingBox();
    assert.deepEqual([box.x, box.y, box.width, box.height], [0, 0, 375, 667]);
    await screenshot(page, 'widget-chat-full-screen-on-phone');
  });
});

test('two tabs of the site stay in step', async () => {
  await withAgentOnline(owner, async ({ website, context, page: first }) => {
    await openDemo(first, website);
    await openChat(first);
    await send(first, 'from the first tab');
    await messageText(first, 'from the first tab').waitFor();

    const second = await context.newPage();
    await openDemo(second, website);
    await openChat(second);
    await messageText(second, 'from the first tab').waitFor();

    await send(second, 'from the second tab');
    await messageText(first, 'from the second tab').waitFor();

    const conversationId = await conversationOf(owner, website);
    await reply(owner, website, conversationId, 'both of you hear me');
    await messageText(first, 'both of you hear me').waitFor();
    await messageText(second, 'both of you hear me').waitFor();

    const texts = async (page) => (await page.locator('zendo-widget .msg[data-author=visitor] .text, zendo-widget .msg[data-author=agent] .text').allTextContents());
    assert.deepEqual(await texts(first), await texts(second));
    assert.deepEqual(await texts(first), ['from the first tab', 'from the second tab', 'both of you hear me']);
    await screenshot(first, 'widget-tabs-first');
    await screenshot(second, 'widget-tabs-second');
  });
});

test('a closed panel counts unread replies, the thread ends with a rating, and SPA navigation is a page view', async () => {
  await withAgentOnline(owner, async ({ website, page }) => {
    await openDemo(page, website);
    await page.evaluate(() => {
      window.unreadSeen = [];
      window.Zendo('on', 'unread', (n) => window.unreadSeen.push(n));
    });
    await openChat(page);
    await send(page, 'question');
    const conversationId = await conversationOf(owner, website);
    await page.locator('zendo-widget .msg[data-author=system]', { hasText: 'joined' }).waitFor();
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
    const visitorId = await visitorIdOf(page, website);
    await until(async () => {
      const profile = await visitorProfile(owner, website, visitorId);
      return profile.page_views.some((v) => v.url.endsWith('/demo/care-guide') && v.title === 'Care guide');
    }, 'the page view in the visitor profile');
  });
});

test('the website’s pre-chat form comes before the first message, in the website’s language', async () => {
  await withAgentOnline(
    owner,
    async ({ website, page }) => {
      await api('PATCH', `/v1/websites/${website.id}`, {
        token: owner.token,
        body: { widget: { language: 'de', pre_chat_fields: [{ kind: 'name', label: 'Ihr Name', required: true }, { kind: 'custom', label: 'Bestellnummer', required: false }] } },
      });
      await until(async () => {
        const session = await api('POST', '/v1/widget/session', {
          body: { public_key: website.public_key, page: { url: 'http://localhost/' } },
          headers: { Origin: new URL(website.allowed_origins[0]).origin },
        });
        return session.settings.pre_chat_fields.length === 2;
      }, 'the settings to reach conversations');
      await openDemo(page, website);
      // The launcher shows before the session answers; it turns German once the website's settings arrive.
      await page.locator('zendo-widget .launcher[aria-label="Chat öffnen"]').waitFor();

      await launcher(page).click();
      const form = page.locator('zendo-widget form.form');
      await form.locator('button[type=submit]', { hasText: 'Chat starten' }).click();
      assert.equal(await form.locator('input[name=name]').getAttribute('aria-invalid'), 'true');
      await form.locator('input[name=name]').fill('Lena');
      await form.locator('input[name=bestellnummer]').fill('A-1042');
      await form.locator('button[type=submit]').click();
      await page.locator('zendo-widget .composer textarea[placeholder="Nachricht schreiben…"]').waitFor();
      await send(page, 'Wo ist meine Bestellung?');
      await visitorMeta(page, 'Gesendet').waitFor();
      await screenshot(page, 'widget-chat-pre-chat-de');

      const profile = await visitorProfile(owner, website, await visitorIdOf(page, website));
      assert.equal(profile.name, 'Lena');
      assert.match(JSON.stringify(profile), /"bestellnummer":"A-1042"/);
    },
    { locale: 'fr-FR' },
  );
});

test('the page drives the widget: identify names the visitor, listeners hear open and close, shutdown forgets the visitor', async () => {
  const browser = await launchBrowser();
  try {
    const website = await createWebsite(owner);
    const page = await browser.newPage();
    const warnings = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await openDemo(page, website);
    const tokenKey = `zendo:${website.public_key}:token`;
    await page.waitForFunction((key) => localStorage.getItem(key), tokenKey);
    const visitorId = await visitorIdOf(page, website);

    await page.evaluate(() => window.Zendo('identify', { name: 'Maria', email: 'maria@example.com' }));
    await until(async () => (await visitorProfile(owner, website, visitorId)).name === 'Maria', 'the name in the profile');

    const heard = await page.evaluate(() => {
      const seen = [];
      window.Zendo('on', 'open', () => seen.push('open'));
      window.Zendo('on', 'open', () => {
        throw new Error('a broken listener');
      });
      window.Zendo('on', 'close', () => seen.push('close'));
      window.Zendo('open');
      window.Zendo('close');
      window.Zendo('no-such-command');
      return seen;
    });
    assert.deepEqual(heard, ['open', 'close']);
    assert.ok(warnings.some((w) => w.includes('"open" listener failed')));
    assert.ok(warnings.some((w) => w.includes('unknown command "no-such-command"')));

    await page.evaluate(() => window.Zendo('shutdown'));
    assert.equal(await page.locator('zendo-widget').count(), 0);
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), tokenKey), null);
    await page.evaluate((key) => window.Zendo('boot', { websiteKey: key }), website.public_key);
    await launcher(page).waitFor();
    await page.waitForFunction((key) => localStorage.getItem(key), tokenKey);
    assert.notEqual(await visitorIdOf(page, website), visitorId);
  } finally {
    await browser.close();
  }
});
