// A network cut: while the dashboard is offline, the visitor and a teammate write; when the network comes back the
// dashboard reconnects and resumes by itself, and shows every message, in order, with nothing missing or repeated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, screenshot, watchErrors } from '../lib/browser.mjs';
import { createWebsite, signUpAgent } from '../lib/stack.mjs';
import {
  agentSend, openDashboard, unexpected, visitorSend, visitorSession, waitLive,
} from '../lib/dashboard.mjs';

test('after a network cut the dashboard resyncs by itself with nothing missing', async () => {
  const browser = await launchBrowser();
  try {
    const owner = await signUpAgent('Olivia Owner');
    const website = await createWebsite(owner);
    const visitor = await visitorSession(website.public_key, { firstMessage: 'first', preChat: { name: 'Nina Network' } });
    const conversationId = visitor.session.conversation.id;
    const other = await visitorSession(website.public_key, { firstMessage: 'other visitor here', preChat: { name: 'Otto Other' } });

    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openDashboard(page, owner, `/inbox/open/${conversationId}`);
    await waitLive(page);
    const messages = page.getByTestId('messages');
    await messages.getByText('first').waitFor();

    await context.setOffline(true);
    await page.locator('[data-testid="connection"][data-status="offline"]').waitFor();

    const sent = [];
    for (let i = 1; i <= 5; i++) {
      sent.push((await visitorSend(visitor, `while offline ${i}`)).body);
      if (i === 3) sent.push((await agentSend(owner, website.id, conversationId, 'teammate reply while offline')).body);
    }
    await visitorSend(other, 'other visitor while offline');
    await screenshot(page, 'dashboard-resync-offline');

    await context.setOffline(false);
    await waitLive(page, 30_000);
    await messages.getByText('while offline 5').waitFor({ timeout: 20_000 });

    const bodies = await page.locator('[data-testid="messages"] [data-testid="message"] .msg__body').allTextContents();
    assert.deepEqual(bodies, ['first', ...sent]);
    const seqs = (await page.locator('[data-testid="messages"] [data-testid="message"]').evaluateAll(
      (nodes) => nodes.map((n) => Number(n.getAttribute('data-seq')))));
    assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), 'messages in seq order');
    assert.equal(new Set(seqs).size, seqs.length, 'no message twice');

    await page.getByTestId('conversation-item').filter({ hasText: 'Otto Other' })
      .filter({ hasText: 'other visitor while offline' }).waitFor();
    await screenshot(page, 'dashboard-resync-back');
    assert.deepEqual(unexpected(errors), []);
  } finally {
    await browser.close();
  }
});
