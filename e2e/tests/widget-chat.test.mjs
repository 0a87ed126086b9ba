// The widget on the demo page against the real stack: a visitor writes, the agent answers through the inbox API,
// a reload restores the conversation, and markup in an agent's message stays text.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, screenshot, watchErrors } from '../lib/browser.mjs';
import { createWebsite, signUpAgent } from '../lib/stack.mjs';
import { agentOnline, conversationOf, messageText, messages, openChat, openDemo, reply, send } from '../lib/widget.mjs';

let owner;
before(async () => {
  owner = await signUpAgent('Ana Agent');
});

test('a visitor sends from the demo page, gets the agent reply, and still sees both after a reload', async () => {
  const browser = await launchBrowser();
  try {
    const website = await createWebsite(owner);
    const context = await browser.newContext();
    await agentOnline(context, owner, website);
    const page = await context.newPage();
    const errors = watchErrors(page);

    await openDemo(page, website);
    await openChat(page);
    await send(page, 'Hello, do you ship to Lisbon?');
    await messageText(page, 'Hello, do you ship to Lisbon?').waitFor();
    await page.locator('zendo-widget .msg[data-author=visitor] .meta', { hasText: 'Sent' }).waitFor();

    const conversationId = await conversationOf(owner, website);
    await reply(owner, website, conversationId, 'Yes, in two days.');
    await messageText(page, 'Yes, in two days.').waitFor();
    await screenshot(page, 'widget-chat-reply');

    await page.reload();
    await openChat(page);
    await messageText(page, 'Yes, in two days.').waitFor();
    const texts = await messages(page).locator('.text').allTextContents();
    assert.deepEqual(texts.filter((t) => t.startsWith('Hello') || t.startsWith('Yes')), ['Hello, do you ship to Lisbon?', 'Yes, in two days.']);
    await screenshot(page, 'widget-chat-after-reload');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('an agent message with markup is shown as text and runs nothing', async () => {
  const browser = await launchBrowser();
  try {
    const website = await createWebsite(owner);
    const context = await browser.newContext();
    await agentOnline(context, owner, website);
    const page = await context.newPage();
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      return dialog.dismiss();
    });

    await openDemo(page, website);
    await openChat(page);
    await send(page, 'hi');
    const conversationId = await conversationOf(owner, website);
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
  } finally {
    await browser.close();
  }
});
