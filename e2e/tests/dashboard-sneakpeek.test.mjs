// Sneak peek in the browser: a visitor types on the demo page (the real widget); with the website's sneak_peek on the
// agent sees the draft live in the open conversation, with it off only that the visitor is typing, even when a
// visitor's own socket sends the draft anyway.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, screenshot, watchErrors } from '../lib/browser.mjs';
import { createWebsite, signUpAgent } from '../lib/stack.mjs';
import { demo, eventually, openDashboard, setSneakPeek, unexpected, visitorSession, visitorSocket, waitLive } from '../lib/dashboard.mjs';

/**
 * The owner of a new website (sneak peek on or off) is online in the dashboard; a visitor on the demo page writes a
 * first message, and the owner opens that conversation. Returns both pages and their errors.
 */
async function chatOpen(browser, sneakPeek) {
  const owner = await signUpAgent('Pia Peek');
  const website = await createWebsite(owner);
  await setSneakPeek(owner, website.id, sneakPeek);

  const agentPage = await (await browser.newContext()).newPage();
  const agentErrors = watchErrors(agentPage);
  await openDashboard(agentPage, owner, '/inbox/open');
  await waitLive(agentPage);

  const visitorPage = await (await browser.newContext()).newPage();
  const visitorErrors = watchErrors(visitorPage);
  await demo.open(visitorPage, website.public_key);
  await demo.send(visitorPage, 'Hello, a question about shipping');
  await demo.message(visitorPage, 'Hello, a question about shipping').waitFor();

  await agentPage.getByTestId('conversation-item').filter({ hasText: 'Hello, a question about shipping' }).click();
  await agentPage.getByTestId('messages').getByText('Hello, a question about shipping').waitFor();
  return { website, visitorPage, agentPage, errors: () => [...unexpected(visitorErrors), ...unexpected(agentErrors)] };
}

/**
 * Types `draft` into the widget's composer until the agent's page shows `seen` (the widget sends at most one draft a
 * second, so a draft typed right after the previous one is only sent by a later keystroke).
 */
async function typeUntil(visitorPage, draft, seen) {
  const composer = visitorPage.locator('zendo-widget .composer textarea');
  const deadline = Date.now() + 15_000;
  for (;;) {
    await composer.fill(draft);
    try {
      await seen.waitFor({ timeout: 1_500 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

test('with sneak peek on, the agent sees the visitor’s draft live as it changes', async () => {
  const browser = await launchBrowser();
  try {
    const { visitorPage, agentPage, errors } = await chatOpen(browser, true);
    const peek = (text) => agentPage.getByTestId('typing').getByTestId('sneak-peek').filter({ hasText: new RegExp(`^${text.replace(/\?/g, '\\?')}$`) });

    await typeUntil(visitorPage, 'Do you ship to Can', peek('Do you ship to Can'));
    await agentPage.getByTestId('typing').getByText('is typing…').waitFor();
    await typeUntil(visitorPage, 'Do you ship to Canada?', peek('Do you ship to Canada?'));
    await screenshot(agentPage, 'dashboard-sneak-peek');

    await demo.send(visitorPage, 'Do you ship to Canada?');
    await agentPage.getByTestId('messages').getByText('Do you ship to Canada?').waitFor();
    await agentPage.getByTestId('typing').waitFor({ state: 'detached' });
    assert.deepEqual(errors(), []);
  } finally {
    await browser.close();
  }
});

test('with sneak peek off, the agent sees only that the visitor is typing, never the draft', async () => {
  const browser = await launchBrowser();
  try {
    const { website, visitorPage, agentPage, errors } = await chatOpen(browser, false);
    const typing = agentPage.getByTestId('typing');

    await typeUntil(visitorPage, 'My secret draft', typing.getByText('is typing…'));
    assert.equal(await typing.getByTestId('sneak-peek').count(), 0);
    assert.equal(await agentPage.getByText('My secret draft').count(), 0);
    await typeUntil(visitorPage, 'My secret draft, longer', typing.getByText('is typing…'));
    assert.equal(await agentPage.getByText('My secret draft').count(), 0);
    await screenshot(agentPage, 'dashboard-sneak-peek-off');

    const other = await visitorSession(website.public_key, { firstMessage: 'A second visitor', preChat: { name: 'Raw Visitor' } });
    await agentPage.getByTestId('conversation-item').filter({ hasText: 'Raw Visitor' }).click();
    await agentPage.getByTestId('messages').getByText('A second visitor').waitFor();
    const socket = await visitorSocket(visitorPage, other, other.session.conversation.id);
    await eventually(async () => {
      await socket.typing('A draft the server must drop');
      return agentPage.getByTestId('typing').getByText('Raw Visitor is typing…').isVisible();
    }, { message: 'the raw visitor typing' });
    assert.equal(await agentPage.getByTestId('sneak-peek').count(), 0);
    assert.equal(await agentPage.getByText('A draft the server must drop').count(), 0);
    assert.deepEqual(errors(), []);
  } finally {
    await browser.close();
  }
});
