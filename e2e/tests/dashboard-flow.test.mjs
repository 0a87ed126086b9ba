// The dashboard's main flow: sign up and onboard in the UI; a visitor opens the demo page in another browser context
// and writes through the real widget; chat both ways with a note in between, assign to a teammate and back, close,
// and the visitor's rating shows in the dashboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { launchBrowser, screenshot, watchErrors } from '../lib/browser.mjs';
import { api, gatewayUrl, signUpAgent } from '../lib/stack.mjs';
import { addMember, demo, logIn, unexpected, waitLive } from '../lib/dashboard.mjs';

test('an agent signs up, onboards a website, chats with a visitor on the demo page, assigns, closes and sees the rating', async () => {
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext()).newPage();
    const errors = watchErrors(page);
    const owner = { name: 'Olivia Owner', email: `e2e-${randomUUID()}@example.com`, password: `pw-${randomUUID()}` };

    await page.goto(`${gatewayUrl}/signup`);
    await page.getByLabel('Name').fill(owner.name);
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.getByRole('heading', { name: 'Create your first website' }).waitFor();
    await page.getByLabel('Website name').fill('Flow shop');
    await page.getByLabel('Domain').fill('shop.example.com');
    assert.equal(await page.getByLabel('Allowed origin').inputValue(), 'https://shop.example.com');
    await page.getByRole('button', { name: 'Create website' }).click();

    await page.getByTestId('install-snippet').waitFor();
    const snippet = await page.getByTestId('install-snippet').textContent();
    const publicKey = /websiteKey: '(pk_[\w-]+)'/.exec(snippet)?.[1];
    assert.ok(publicKey, `a public key in the snippet: ${snippet}`);
    assert.ok(snippet.includes(`${new URL(gatewayUrl).origin}/widget/loader.js`));
    assert.match(await page.getByTestId('secret-key').textContent(), /^sk_/);
    await waitLive(page);
    await page.getByText('Waiting for your first visitor').waitFor();

    const visitorPage = await (await browser.newContext()).newPage();
    const visitorErrors = watchErrors(visitorPage);
    await demo.open(visitorPage, publicKey);
    await demo.send(visitorPage, 'Hi, where is my order?');
    await page.getByText('Widget installed').waitFor({ timeout: 15_000 });

    const ownerApi = await logIn(owner);
    const [website] = await api('GET', '/v1/websites', { token: ownerApi.token });
    const teammate = await signUpAgent('Theo Teammate', { verified: true });
    await addMember(ownerApi, website.id, teammate, 'agent');
    await api('POST', `/v1/websites/${website.id}/canned-responses`, {
      token: ownerApi.token,
      body: { shortcut: 'thanks', text: 'Thanks for waiting, I am on it.' },
    });

    await page.getByRole('link', { name: 'Go to the inbox' }).click();
    const item = page.getByTestId('conversation-item').filter({ hasText: 'Hi, where is my order?' });
    await item.waitFor();
    await screenshot(page, 'dashboard-inbox');
    await item.click();
    const messages = page.getByTestId('messages');
    await messages.getByText('Hi, where is my order?').waitFor();

    await page.getByTestId('composer').fill('Happy to help! What is the order number?');
    await page.getByTestId('composer').press('Enter');
    await demo.message(visitorPage, 'Happy to help! What is the order number?').waitFor();

    await demo.send(visitorPage, 'It is #4711');
    await messages.getByText('It is #4711').waitFor();

    await page.getByTestId('composer').fill('/than');
    await page.getByTestId('canned-list').getByText('/thanks').waitFor();
    await page.getByTestId('composer').press('Enter');
    assert.equal(await page.getByTestId('composer').inputValue(), 'Thanks for waiting, I am on it.');
    await page.getByTestId('composer').press('Enter');
    await demo.message(visitorPage, 'Thanks for waiting, I am on it.').waitFor();

    await page.getByTestId('note-mode').check();
    await page.getByTestId('composer').fill('VIP customer, be quick');
    await page.getByTestId('composer').press('Enter');
    await page.getByTestId('note').filter({ hasText: 'VIP customer, be quick' }).waitFor();

    await page.getByTestId('assign-select').selectOption({ label: 'Theo Teammate' });
    await page.getByTestId('assignee').getByText('Assigned to Theo Teammate').waitFor();
    await messages.click();
    await page.keyboard.press('a');
    await page.getByTestId('assignee').getByText('Assigned to you').waitFor();
    await screenshot(page, 'dashboard-conversation');

    await page.getByTestId('close').click();
    await page.locator('[data-testid="conversation"][data-status="closed"]').waitFor();
    await demo.stars(visitorPage).nth(4).click();
    await page.getByTestId('thread-rating').getByText('★★★★★').waitFor({ timeout: 15_000 });
    assert.equal(await demo.message(visitorPage, 'VIP customer').count(), 0, 'the visitor never sees a note');
    await page.getByTestId('view-closed').click();
    await page.getByTestId('conversation-item').first().waitFor();
    await screenshot(visitorPage, 'dashboard-flow-visitor');

    await page.getByTestId('search').fill('4711');
    await page.getByTestId('search').press('Enter');
    await page.getByTestId('search-hit').locator('mark').getByText('4711').waitFor({ timeout: 15_000 });
    await screenshot(page, 'dashboard-search');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Zendo' }).waitFor();
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('count-closed').getByText('1').waitFor();

    assert.deepEqual(unexpected(errors), []);
    assert.deepEqual(unexpected(visitorErrors), []);
  } finally {
    await browser.close();
  }
});
