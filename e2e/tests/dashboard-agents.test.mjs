// Two agents in two browser contexts see each other live: presence (online, away), typing in a shared
// conversation, and assignments, with no reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, screenshot, watchErrors } from '../lib/browser.mjs';
import { createWebsite } from '../lib/stack.mjs';
import {
  addMember, newContext, openDashboard, signUp, unexpected, visitorSession, waitLive,
} from '../lib/dashboard.mjs';

test('two agents see each other’s presence, typing and assignments live', async () => {
  const browser = await launchBrowser();
  try {
    const owner = await signUp('Olivia Owner');
    const website = await createWebsite(owner);
    const teammate = await signUp('Sam Supervisor');
    await addMember(owner, website.id, teammate, 'supervisor');
    const visitor = await visitorSession(website.public_key, {
      firstMessage: 'Can someone help me?',
      preChat: { name: 'Walter Visitor' },
    });
    const conversationId = visitor.session.conversation.id;

    const ownerPage = await (await newContext(browser)).newPage();
    const ownerErrors = watchErrors(ownerPage);
    await openDashboard(ownerPage, owner, `/inbox/open/${conversationId}`);
    await waitLive(ownerPage);

    const samPage = await (await newContext(browser)).newPage();
    const samErrors = watchErrors(samPage);
    await openDashboard(samPage, teammate, `/inbox/open/${conversationId}`);
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
