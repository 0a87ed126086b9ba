// Two tabs of one site show one conversation: a send in one tab appears in the other, and so does the agent's reply.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, screenshot } from '../lib/browser.mjs';
import { createWebsite, signUpAgent } from '../lib/stack.mjs';
import { agentOnline, conversationOf, messageText, openChat, openDemo, reply, send } from '../lib/widget.mjs';

let owner;
before(async () => {
  owner = await signUpAgent();
});

test('two tabs of the site stay in step', async () => {
  const browser = await launchBrowser();
  try {
    const website = await createWebsite(owner);
    const context = await browser.newContext();
    await agentOnline(context, owner, website);
    const first = await context.newPage();
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
  } finally {
    await browser.close();
  }
});
