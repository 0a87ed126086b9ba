// The agent's avatar in the widget's header: shown when the agent has one (also for an agent who answers live, and
// after a reload), the initial when the image cannot be shown (here a strict host CSP blocks it), asked for once.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, watchErrors } from '../lib/browser.mjs';
import { gatewayUrl, signUpAgent } from '../lib/stack.mjs';
import {
  avatarImage,
  avatarInitial,
  conversationOf,
  messageText,
  openChat,
  openDemo,
  reply,
  send,
  setAvatar,
  withAgentOnline,
} from '../lib/widget.mjs';

let owner;
before(async () => {
  owner = await signUpAgent('Ana Agent');
});

test('the header shows the avatar of the agent who answers, live and after a reload', async () => {
  const avatar = `${gatewayUrl}/demo/favicon.svg`;
  await withAgentOnline(owner, async ({ website, page }) => {
    await setAvatar(owner, website, avatar);
    const errors = watchErrors(page);
    await openDemo(page, website);
    await openChat(page);
    await send(page, 'Who is there?');
    const conversationId = await conversationOf(owner, website);
    await reply(owner, website, conversationId, 'Ana here.');
    await messageText(page, 'Ana here.').waitFor();
    await avatarImage(page).waitFor({ state: 'visible' });
    assert.equal(await avatarImage(page).getAttribute('src'), avatar);
    await screenshot(page, 'widget-avatar');

    await page.reload();
    await openChat(page);
    await messageText(page, 'Ana here.').waitFor();
    await avatarImage(page).waitFor({ state: 'visible' });
    assert.ok(await avatarImage(page).evaluate((img) => img.complete && img.naturalWidth > 0));
    assert.deepEqual(errors, []);
  });
});

test('an avatar the host page’s CSP blocks leaves the initial, and is asked for only once', async () => {
  const other = new URL(gatewayUrl);
  other.hostname = other.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  const blocked = `${other.origin}/demo/favicon.svg?blocked`;
  await withAgentOnline(owner, async ({ website, page }) => {
    await setAvatar(owner, website, blocked);
    const errors = watchErrors(page);
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await openDemo(page, website, { strict: true });
    await openChat(page);
    await send(page, 'Anyone?');
    const conversationId = await conversationOf(owner, website);
    await reply(owner, website, conversationId, 'Yes, Ana.');
    await messageText(page, 'Yes, Ana.').waitFor();
    await page.waitForFunction(() => window.cspViolations.length > 0);
    await reply(owner, website, conversationId, 'Still here.');
    await messageText(page, 'Still here.').waitFor();
    await screenshot(page, 'widget-avatar-blocked');

    assert.equal(await avatarInitial(page).textContent(), 'A');
    assert.equal(await avatarImage(page).isVisible(), false);
    const violations = await page.evaluate(() => window.cspViolations);
    assert.equal(violations.length, 1, violations.join('\n'));
    assert.match(violations[0], /^img-src/);
    assert.ok(errors.every((e) => /image .* violates .*img-src/.test(e)), errors.join('\n'));
    assert.ok(errors.length <= 1, errors.join('\n'));
  });
});
