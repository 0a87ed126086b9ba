// Notifications in the dashboard's settings: an owner turns on new-conversation mails and finds them still on after a
// reload, sees the mail in the notification log once a visitor starts a conversation, and subscribes a webhook to a
// receiver this test runs on loopback (the stack allows 127.0.0.1: WEBHOOK_ALLOWED_HOSTS in scripts/lib/services.sh),
// sees its secret once, and reads the delivered attempt of the visitor's message in the delivery log.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { launchBrowser, screenshot, watchErrors } from '../lib/browser.mjs';
import { eventually, openDashboard, unexpected, visitorSession } from '../lib/dashboard.mjs';
import { api, createWebsite, signUpAgent } from '../lib/stack.mjs';

/** A webhook endpoint on 127.0.0.1 that keeps every request (headers and raw body) and answers 204. */
function startReceiver() {
  const received = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(204).end();
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ received, server, url: `http://127.0.0.1:${server.address().port}/zendo/webhooks` }));
  });
}

/** Whether `header` (`t=…,v1=…`) signs `body` with `secret` as docs/webhooks.md says. */
function signedBy(header, body, secret) {
  const parts = Object.fromEntries(String(header).split(',').map((part) => part.split('=', 2)));
  const expected = createHmac('sha256', secret).update(`${parts.t}.`).update(body).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Opens a settings tab by its link and waits for its heading. */
async function openTab(page, label) {
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: label, exact: true }).click();
  await page.locator('#settings-tab-title', { hasText: label }).waitFor();
}

let receiver;
before(async () => {
  receiver = await startReceiver();
});
after(() => receiver.server.close());

test('an owner turns on new-conversation mails, subscribes a webhook, sees its secret once and its delivered attempt', async () => {
  const owner = await signUpAgent('Notified Owner');
  const website = await createWebsite(owner);
  const preferences = `/v1/websites/${website.id}/notification-preferences`;
  // notifications learns of the website and its owner from websites' events.
  await eventually(() => api('GET', preferences, { token: owner.token }), { message: 'the owner known to notifications' });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await openDashboard(page, owner, '/settings/notifications');
    await page.locator('#settings-tab-title', { hasText: 'My notifications' }).waitFor();

    const newConversations = page.getByLabel('New conversations');
    assert.equal(await newConversations.isChecked(), false);
    await newConversations.check();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.reload();
    await page.getByLabel('New conversations').waitFor();
    assert.equal(await page.getByLabel('New conversations').isChecked(), true, 'still on after a reload');
    assert.equal(await page.getByLabel('Assigned to me').isChecked(), false);
    assert.equal(await page.getByLabel('Offline messages').isChecked(), true, 'offline messages are on until turned off');
    assert.deepEqual(await api('GET', preferences, { token: owner.token }), { email: { new_conversation: true, assignment: false, offline_message: true } });
    await screenshot(page, 'settings-my-notifications');

    await openTab(page, 'Webhooks');
    await page.getByRole('button', { name: 'Add a webhook' }).click();
    await page.getByLabel('Endpoint URL').fill(receiver.url);
    await page.getByLabel('message.created').check();
    await page.getByRole('button', { name: 'Create webhook' }).click();
    const secret = (await page.getByTestId('one-time-secret').textContent()).trim();
    assert.match(secret, /^whsec_/);
    await page.getByText('You will not see this secret again.').waitFor();
    await screenshot(page, 'settings-webhook-secret');
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.getByTestId('one-time-secret').waitFor({ state: 'detached' });
    const card = page.getByTestId('webhook').filter({ hasText: receiver.url });
    await card.getByText(`message.created · secret …${secret.slice(-4)}`).waitFor();
    await page.reload();
    await card.waitFor();
    assert.ok(!(await page.content()).includes(secret), 'the secret is never shown again');

    const text = `Where is my order? ${Date.now()}`;
    await visitorSession(website.public_key, { firstMessage: text });
    const delivery = await eventually(
      () => receiver.received.find((request) => request.body.toString('utf8').includes(text)),
      { timeout: 30_000, message: "the visitor's message at the receiver" },
    );
    assert.equal(delivery.headers['zendo-event-type'], 'message.created');
    assert.ok(signedBy(delivery.headers['zendo-signature'], delivery.body, secret), 'signed with the secret shown once');

    await card.getByRole('button', { name: 'Deliveries', exact: true }).click();
    const log = card.getByTestId('delivery-log');
    const ours = log.getByRole('article').filter({ hasText: `Event ${delivery.headers['zendo-event-id']}` });
    await eventually(async () => {
      await log.getByRole('button', { name: 'Refresh' }).click();
      return (await ours.filter({ hasText: 'Delivered' }).filter({ hasText: 'HTTP 204' }).count()) === 1;
    }, { message: "the message's delivered attempt in the delivery log" });
    assert.match(await ours.textContent(), /^message\.created Delivered/);
    await screenshot(page, 'settings-webhook-deliveries');

    await eventually(async () => {
      const { notifications } = await api('GET', `/v1/websites/${website.id}/notifications?kind=new_conversation`, { token: owner.token });
      return notifications.some((notification) => notification.status === 'delivered');
    }, { timeout: 30_000, message: 'the new-conversation mail delivered' });
    await openTab(page, 'Notification log');
    await page.getByTestId('notification-log').getByRole('row').filter({ hasText: owner.email }).filter({ hasText: 'Delivered' }).waitFor();
    assert.match(await page.getByTestId('notification-log').textContent(), /New conversations/);
    assert.deepEqual(unexpected(errors), []);
  } finally {
    await browser.close();
  }
});
