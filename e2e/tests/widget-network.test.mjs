// The widget across network trouble: a cut WebSocket resumes from its cursor and shows what was sent meanwhile; a
// message written while offline, or whose send failed (across a reload), waits in the outbox and reaches the
// conversation exactly once; the German texts unavailable leave the visitor chatting in English.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from '../lib/browser.mjs';
import { signUpAgent } from '../lib/stack.mjs';
import { inboxMessages, messageText, openChat, openDemo, reply, send, startConversation, until, visitorMeta, withAgentOnline } from '../lib/widget.mjs';

let owner;
before(async () => {
  owner = await signUpAgent('Ana Agent');
});

/** Routes the page's realtime sockets through a switch: `cut()` closes them and refuses new ones until `restore()`. */
async function socketSwitch(page) {
  const open = new Set();
  let down = false;
  let connections = 0;
  await page.routeWebSocket(/\/ws$/, (ws) => {
    if (down) {
      ws.close({ code: 1006, reason: 'cut' });
      return;
    }
    connections++;
    ws.connectToServer();
    open.add(ws);
    ws.onClose(() => open.delete(ws));
  });
  return {
    connections: () => connections,
    cut: async () => {
      down = true;
      for (const ws of open) await ws.close({ code: 1006, reason: 'cut' });
    },
    restore: () => {
      down = false;
    },
  };
}

test('after the WebSocket is cut, messages the agent sent meanwhile arrive', async () => {
  await withAgentOnline(owner, async ({ website, page }) => {
    const sockets = await socketSwitch(page);

    const conversationId = await startConversation(page, owner, website, 'before the cut');
    await reply(owner, website, conversationId, 'first answer');
    await messageText(page, 'first answer').waitFor();
    const before = sockets.connections();

    await sockets.cut();
    await page.locator('zendo-widget .status', { hasText: 'Connecting' }).waitFor();
    await reply(owner, website, conversationId, 'sent while you were cut off');
    await reply(owner, website, conversationId, 'and one more');
    sockets.restore();

    await messageText(page, 'and one more').waitFor({ timeout: 30000 });
    await messageText(page, 'sent while you were cut off').waitFor();
    assert.ok(sockets.connections() > before, 'the widget reconnected');
    const order = await page.locator('zendo-widget .msg[data-author=agent] .text').allTextContents();
    assert.deepEqual(order, ['first answer', 'sent while you were cut off', 'and one more']);
    await screenshot(page, 'widget-network-after-cut');
  });
});

test('a message sent while offline is delivered once after reconnecting', async () => {
  await withAgentOnline(owner, async ({ website, context, page }) => {

    const conversationId = await startConversation(page, owner, website, 'online first');

    await context.setOffline(true);
    await send(page, 'written offline');
    await page.locator('zendo-widget .msg[data-state=pending] .meta', { hasText: 'Sending' }).waitFor();
    await screenshot(page, 'widget-network-offline-pending');
    const stored = await page.evaluate((key) => localStorage.getItem(`zendo:${key}:outbox`), website.public_key);
    assert.match(stored, /written offline/);

    await context.setOffline(false);
    await page.locator('zendo-widget .msg[data-state=stored] .text', { hasText: 'written offline' }).waitFor({ timeout: 30000 });
    await until(async () => (await inboxMessages(owner, website, conversationId)).some((m) => m.body === 'written offline'), 'the message in the inbox');
    const bodies = (await inboxMessages(owner, website, conversationId)).map((m) => m.body);
    assert.equal(bodies.filter((b) => b === 'written offline').length, 1);
    assert.equal(await page.locator('zendo-widget .msg .text', { hasText: 'written offline' }).count(), 1);
    assert.equal(await page.evaluate((key) => localStorage.getItem(`zendo:${key}:outbox`), website.public_key), null);
    await screenshot(page, 'widget-network-offline-delivered');
  });
});

test('a message whose send failed survives a reload and is delivered once', async () => {
  await withAgentOnline(owner, async ({ website, context, page }) => {
    const conversationId = await startConversation(page, owner, website, 'first, delivered');

    let refused = 0;
    await context.route('**/v1/widget/messages', (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      refused++;
      return route.fulfill({ status: 503, contentType: 'application/json', body: '{"status":503,"error":"busy","message":"try later"}' });
    });
    await send(page, 'kept across the reload');
    await page.locator('zendo-widget .msg[data-state=pending]', { hasText: 'kept across the reload' }).waitFor();
    await until(() => refused > 0, 'a refused send');

    await page.reload();
    await openChat(page);
    await page.locator('zendo-widget .msg[data-state=pending]', { hasText: 'kept across the reload' }).waitFor();
    await context.unroute('**/v1/widget/messages');

    await page.locator('zendo-widget .msg[data-state=stored] .text', { hasText: 'kept across the reload' }).waitFor({ timeout: 40000 });
    const bodies = (await inboxMessages(owner, website, conversationId)).map((m) => m.body);
    assert.equal(bodies.filter((b) => b === 'kept across the reload').length, 1);
    await screenshot(page, 'widget-network-resent-after-reload');
  });
});

test('a visitor whose language file cannot be fetched chats in English, and in German once it can be', async () => {
  await withAgentOnline(
    owner,
    async ({ website, page }) => {
      const asked = [];
      await page.route(/\/widget\/lang\//, (route) => {
        asked.push(new URL(route.request().url()).pathname);
        return route.abort('internetdisconnected');
      });

      await openDemo(page, website);
      await openChat(page);
      await page.locator('zendo-widget .composer textarea[placeholder="Write a message…"]').waitFor();
      await send(page, 'hello in English');
      await visitorMeta(page, 'Sent').waitFor();
      assert.ok(asked.includes('/widget/lang/de.json'), `asked for ${asked.join(', ')}`);
      await screenshot(page, 'widget-network-language-unavailable');

      await page.unroute(/\/widget\/lang\//);
      await page.reload();
      await page.locator('zendo-widget .launcher[aria-label="Chat öffnen"]').waitFor();
      await messageText(page, 'hello in English').waitFor({ state: 'attached' });
    },
    { locale: 'de-DE' },
  );
});
