// Settings and stats in the dashboard: an owner edits the widget with its live preview, rotates a key and sees the
// secret once, invites a teammate, adds a group, deletes and restores a tag and reads the agent stats; an invited
// agent gets read-only settings.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, screenshot, watchErrors } from '../lib/browser.mjs';
import { api, createWebsite, gatewayUrl, signUpAgent } from '../lib/stack.mjs';

/** Signs `agent` in through the dashboard's login form and waits for the signed-in app. */
async function logIn(page, agent) {
  await page.goto(`${gatewayUrl}/login`);
  await page.fill('input[name="email"]', agent.email);
  await page.fill('input[name="password"]', agent.password);
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** Opens a settings tab by its link and waits for its heading. */
async function openTab(page, label) {
  await page.click(`nav[aria-label="Settings"] a:text-is("${label}")`);
  await page.waitForSelector(`#settings-tab-title:text-is("${label}")`);
}

/** Retries `call` until it resolves (events take a moment to reach other services), for at most `ms`. */
async function eventually(call, ms = 15000) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

// One owner for the file (identity limits sign-ups per address); each test makes its own website.
let owner;
before(async () => {
  owner = await signUpAgent('Settings Owner');
});

const headerColor = (page) =>
  page.$eval('[data-testid="widget-preview-header"]', (element) => getComputedStyle(element).backgroundColor);

test('an owner previews and saves the widget colour, rotates the secret key once, invites a teammate, adds a group and restores a tag', async () => {
  const website = await createWebsite(owner);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await logIn(page, owner);

    await page.goto(`${gatewayUrl}/settings`);
    await page.waitForSelector('#settings-tab-title:text-is("Website")');
    assert.equal(await page.inputValue('#website-name'), website.name);
    await screenshot(page, 'settings-website');

    await openTab(page, 'Widget');
    assert.equal(await headerColor(page), 'rgb(31, 111, 235)');
    await page.fill('#widget-color', '#e11d48');
    await page.waitForFunction(
      () => getComputedStyle(document.querySelector('[data-testid="widget-preview-header"]')).backgroundColor === 'rgb(225, 29, 72)',
    );
    await page.fill('#widget-greeting', 'Ask us <b>anything</b>');
    await page.waitForSelector('[data-testid="widget-preview-header"] >> text=Ask us <b>anything</b>');
    assert.match(await page.textContent('[data-testid="install-snippet"]'), new RegExp(`websiteKey: '${website.public_key}'`));
    await screenshot(page, 'settings-widget');
    await page.click('button:text-is("Save widget")');
    await page.waitForSelector('.settings-actions [role="status"]:text-is("Saved.")');
    const saved = await api('GET', `/v1/websites/${website.id}`, { token: owner.token });
    assert.equal(saved.widget.color, '#e11d48');
    assert.equal(saved.widget.greeting, 'Ask us <b>anything</b>');

    await openTab(page, 'Keys');
    await page.click('button:text-is("Rotate the secret key…")');
    await page.click('button:text-is("Rotate secret key")');
    const secret = (await page.textContent('[data-testid="one-time-secret"]')).trim();
    assert.match(secret, /^sk_/);
    await screenshot(page, 'settings-keys-secret');
    assert.ok(await eventually(() => api('GET', '/v1/server/conversations', { token: secret })), 'the server API takes the new key');
    await page.click('button:text-is("I have stored it")');
    await page.waitForSelector('[data-testid="one-time-secret"]', { state: 'detached' });
    assert.ok(!(await page.content()).includes(secret));
    await page.reload();
    await page.waitForSelector('[data-testid="key-secret"]');
    assert.ok(!(await page.content()).includes(secret), 'the secret is never shown again');

    await openTab(page, 'Identity verification');
    await page.click('button:text-is("Create secret")');
    const identitySecret = (await page.textContent('[data-testid="one-time-secret"]')).trim();
    assert.match(identitySecret, /^ivs_/);
    await page.click('button:text-is("I have stored it")');
    await page.waitForSelector(`td >> text=…${identitySecret.slice(-4)}`);
    assert.ok(!(await page.content()).includes(identitySecret));

    await openTab(page, 'Team');
    const teammate = `e2e-invitee-${Date.now()}@example.com`;
    await page.fill('#invite-email', teammate);
    await page.selectOption('#invite-role', 'supervisor');
    await page.click('form[aria-label="Invite a teammate"] button[type="submit"]');
    const link = await page.textContent('[data-testid="one-time-secret"]');
    assert.match(link, /\/invitations\/accept#token=inv_/);
    await page.waitForSelector(`[data-testid="invitations"] >> text=${teammate}`);
    await screenshot(page, 'settings-team');
    const pending = await api('GET', `/v1/websites/${website.id}/invitations`, { token: owner.token });
    assert.deepEqual(pending.map(({ email, role }) => ({ email, role })), [{ email: teammate, role: 'supervisor' }]);

    await openTab(page, 'Groups & routing');
    await page.fill('#group-name', 'Billing');
    await page.selectOption('#group-routing', 'least_loaded');
    await page.click('form[aria-label="New group"] button[type="submit"]');
    await page.waitForSelector('section[aria-label="Group Billing"]');
    await screenshot(page, 'settings-groups');

    await openTab(page, 'Tags');
    await page.fill('#tag-new-name', 'vip');
    await page.click('form[aria-label="New tag"] button[type="submit"]');
    await page.click('form[aria-label="Tag vip"] button:text-is("Delete")');
    await page.click('button:text-is("Restore vip")');
    await page.waitForSelector('form[aria-label="Tag vip"]');
    const tags = await api('GET', `/v1/inbox/${website.id}/tags?include_deleted=true`, { token: owner.token });
    assert.deepEqual(tags.map(({ name, deleted }) => ({ name, deleted })), [{ name: 'vip', deleted: false }]);
    await screenshot(page, 'settings-tags');

    await page.goto(`${gatewayUrl}/stats`);
    await page.waitForSelector(`.stats-table >> text=${owner.name}`);
    await screenshot(page, 'stats');

    // The realtime socket may log a reconnect when another spec restarts an edge node; nothing else may fail.
    assert.deepEqual(errors.filter((error) => !error.includes('WebSocket')), []);
  } finally {
    await browser.close();
  }
});

test('an invited agent reads the settings but cannot change them, see keys or open the stats', async () => {
  const website = await createWebsite(owner);
  const agent = await signUpAgent('Settings Agent', { verified: true });
  const invitation = await api('POST', `/v1/websites/${website.id}/invitations`, {
    token: owner.token,
    body: { email: agent.email, role: 'agent' },
  });
  await api('POST', '/v1/invitations/accept', { token: agent.token, body: { token: invitation.token } });

  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await logIn(page, agent);
    await page.goto(`${gatewayUrl}/settings/website`);
    await page.waitForSelector('#settings-tab-title:text-is("Website")');
    const tabs = await page.$$eval('nav[aria-label="Settings"] a', (links) => links.map((link) => link.textContent));
    assert.ok(!tabs.includes('Keys') && !tabs.includes('Identity verification'), `tabs: ${tabs}`);
    assert.equal(await page.isDisabled('#website-name'), true);
    assert.equal(await page.$('form[aria-label="Website"] button[type="submit"]'), null);

    await openTab(page, 'Team');
    await page.waitForSelector('[data-testid="members"]');
    assert.equal(await page.$('#invite-email'), null);
    await screenshot(page, 'settings-team-agent');

    await page.goto(`${gatewayUrl}/settings/keys`);
    await page.waitForSelector('text=not available to your role');

    await page.goto(`${gatewayUrl}/stats`);
    await page.waitForSelector('text=for owners, admins and supervisors');
  } finally {
    await browser.close();
  }
});
