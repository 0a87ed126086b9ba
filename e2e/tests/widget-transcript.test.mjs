// "Email me the transcript": the visitor asks for it in the widget while chatting, the agent closes the conversation,
// and the transcript arrives in the visitor's mailbox (the stack's GreenMail) once, with both sides' messages and
// markup kept as text.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { screenshot, watchErrors } from '../lib/browser.mjs';
import { mailOf, waitForMail } from '../lib/mail.mjs';
import { api, signUpAgent } from '../lib/stack.mjs';
import { messageText, reply, startConversation, until, withAgentOnline } from '../lib/widget.mjs';

let owner;
before(async () => {
  owner = await signUpAgent('Ana Agent');
});

test('the visitor asks for the transcript, the agent closes the conversation, and the mail arrives once', async () => {
  await withAgentOnline(owner, async ({ website, page }) => {
    const errors = watchErrors(page);
    const address = `transcript-${randomUUID().slice(0, 8)}@example.com`;
    const conversationId = await startConversation(page, owner, website, 'Where is my order?');
    await reply(owner, website, conversationId, 'It ships <b>today</b>.');
    await messageText(page, 'It ships <b>today</b>.').waitFor();

    await page.locator('zendo-widget button.meta', { hasText: 'Email me the transcript' }).click();
    const form = page.locator('zendo-widget form.form');
    await form.locator('input[name=email]').fill('not an address');
    await form.locator('button[type=submit]').click();
    assert.equal(await form.locator('input[name=email]').getAttribute('aria-invalid'), 'true');
    await form.locator('input[name=email]').fill(address);
    await form.locator('input[name=email]').press('Enter');
    await page.locator('zendo-widget .notice', { hasText: 'We’ll email the transcript when the chat ends.' }).waitFor();
    await screenshot(page, 'widget-transcript-requested');

    await api('POST', `/v1/inbox/${website.id}/conversations/${conversationId}/close`, { token: owner.token, body: { reason: 'answered' } });
    const mail = await waitForMail(address, (m) => m.subject.startsWith('The transcript of your chat'), { what: 'transcript mail' });
    assert.match(mail.text, /You, .*:\r?\n> Where is my order\?/);
    assert.match(mail.text, /Ana Agent, .*:\r?\n> It ships <b>today<\/b>\./);
    assert.ok(mail.html.includes('It ships &lt;b&gt;today&lt;/b&gt;.'), mail.html);
    assert.ok(!mail.html.includes('<b>today'), mail.html);

    await page.locator('zendo-widget button.meta', { hasText: 'Email me the transcript' }).click();
    await page.locator('zendo-widget form.form button[type=submit]').click();
    await page.locator('zendo-widget .notice', { hasText: 'The transcript is on its way to your inbox.' }).waitFor();
    let log;
    await until(async () => {
      log = await api('GET', `/v1/websites/${website.id}/notifications?kind=transcript`, { token: owner.token });
      return log.notifications.every((n) => n.status === 'delivered');
    }, 'the transcript delivered in the notification log');
    assert.deepEqual(log.notifications.map((n) => [n.recipient_email, n.status]), [[address, 'delivered']]);
    assert.equal((await mailOf(address)).length, 1);
    assert.deepEqual(errors, []);
  });
});
