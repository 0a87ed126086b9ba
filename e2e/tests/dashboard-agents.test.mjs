// Two agents in two browser contexts see each other live: presence (online, away), typing in a shared
// conversation, and assignments, with no reload. The second one joins through an invitation link, signing in on the way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, screenshot, watchErrors } from '../lib/browser.mjs';
import { api, createWebsite, gatewayUrl, signUpAgent } from '../lib/stack.mjs';
import { openDashboard, unexpected, visitorSession, waitLive } from '../lib/dashboard.mjs';

test('two agents see each other’s presence, typing and assignments live', async () => {
  const browser = await launchBrowser();
  try {
    const owner = await signUpAgent('Olivia Owner');
    const website = await createWebsite(owner);
    const teammate = await signUpAgent('Sam Supervisor', { verified: true });
    const invitation = await api('POST', `/v1/websites/${website.id}/invitations`, {
      token: owner.token,
      body: { email: teammate.email, role: 'supervisor' },
    });
    const visitor = await visitorSession(website.public_key, {
      firstMessage: 'Can someone help me?',
      preChat: { name: 'Walter Visitor' },
    });
    const conversationId = visitor.session.conversation.id;

    const ownerPage = await (await browser.newContext()).newPage();
    const ownerErrors = watchErrors(ownerPage);
    await openDashboard(ownerPage, owner, `/inbox/open/${conversationId}`);
    await waitLive(ownerPage);

    const samPage = await (await browser.newContext()).newPage();
    const samErrors = watchErrors(samPage);
    await samPage.goto(`${gatewayUrl}/invitations/accept#token=${invitation.token}`);
    await samPage.getByLabel('Email').fill(teammate.email);
    await samPage.getByLabel('Password').fill(teammate.password);
    await samPage.getByRole('button', { name: 'Sign in' }).click();
    await samPage.getByText(`You joined ${website.name} as supervisor`).waitFor();
    await samPage.getByRole('link', { name: 'Open the inbox' }).click();
    await samPage.getByTestId('conversation-item').filter({ hasText: 'Walter Visitor' }).click();
    await waitLive(samPage);

    const samInOwners = ownerPage.locator(`[data-testid="teammate"][data-agent-id="${teammate.agent.id}"]`);
    const ownerInSams = samPage.locator(`[data-testid="teammate"][data-agent-id="${owner.agent.id}"]`);
    await samInOwners.and(ownerPage.locator('[data-presence="online"]')).waitFor();
    await ownerInSams.and(samPage.locator('[data-presence="online"]')).waitFor();

    await samPage.getByTestId('my-presence').selectOption('away');
    await samInOwners.and(ownerPage.locator('[data-presence="away"]')).waitFor();
    await samPage.getByTestId('my-presence').selectOption('online');
    await samInOwners.and(ownerPage.locator('[data-presence="online"]')).waitFor();

    await samPage.getByTestId('composer').pressSequentially('Let me check', { delay: 30 });
    await ownerPage.getByTestId('typing').getByText('Sam Supervisor is typing…').waitFor();
    await samPage.getByTestId('composer').press('Enter');
    await ownerPage.getByTestId('messages').getByText('Let me check').waitFor();
    await ownerPage.getByTestId('typing').waitFor({ state: 'detached' });

    await ownerPage.getByTestId('assign-select').selectOption({ label: 'Sam Supervisor' });
    await samPage.getByTestId('assignee').getByText('Assigned to you').waitFor();
    await samPage.locator('[data-testid="count-mine"]').getByText('1').waitFor();
    await screenshot(samPage, 'dashboard-agents-assigned');

    await samPage.getByTestId('assign-select').selectOption({ label: 'Olivia Owner' });
    await ownerPage.getByTestId('assignee').getByText('Assigned to you').waitFor();
    await ownerPage.locator('[data-testid="count-mine"]').getByText('1').waitFor();
    await samPage.locator('[data-testid="count-mine"]').getByText('0').waitFor();

    assert.deepEqual(unexpected(ownerErrors), []);
    assert.deepEqual(unexpected(samErrors), []);
  } finally {
    await browser.close();
  }
});
