// Teammates' presence for every role: an agent-role member who opens the dashboard sees at once who of the team is
// online, away or offline (loaded from conversations' presence endpoint), then keeps up with the live frames.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, screenshot, watchErrors } from '../lib/browser.mjs';
import { createWebsite, signUpAgent } from '../lib/stack.mjs';
import { addMember, openDashboard, unexpected, waitLive } from '../lib/dashboard.mjs';

test('an agent-role member sees its teammates’ presence on opening the dashboard, then live', async () => {
  const browser = await launchBrowser();
  try {
    const owner = await signUpAgent('Orla Owner');
    const website = await createWebsite(owner);
    const supervisor = await signUpAgent('Sid Supervisor', { verified: true });
    const agent = await signUpAgent('Ada Agent', { verified: true });
    await addMember(owner, website.id, supervisor, 'supervisor');
    await addMember(owner, website.id, agent, 'agent');

    const ownerPage = await (await browser.newContext()).newPage();
    const ownerErrors = watchErrors(ownerPage);
    await openDashboard(ownerPage, owner);
    await waitLive(ownerPage);
    const supervisorPage = await (await browser.newContext()).newPage();
    const supervisorErrors = watchErrors(supervisorPage);
    await openDashboard(supervisorPage, supervisor);
    await waitLive(supervisorPage);
    await supervisorPage.getByTestId('my-presence').selectOption('away');
    const teammate = (page, who, presence) => page.locator(`[data-testid="teammate"][data-agent-id="${who.agent.id}"][data-presence="${presence}"]`);
    await teammate(ownerPage, supervisor, 'away').waitFor();

    const agentPage = await (await browser.newContext()).newPage();
    const agentErrors = watchErrors(agentPage);
    await openDashboard(agentPage, agent);
    await teammate(agentPage, owner, 'online').waitFor();
    await teammate(agentPage, supervisor, 'away').waitFor();
    await screenshot(agentPage, 'dashboard-presence-agent');

    await supervisorPage.close();
    await teammate(agentPage, supervisor, 'offline').waitFor({ timeout: 60_000 });
    await ownerPage.getByTestId('my-presence').selectOption('away');
    await teammate(agentPage, owner, 'away').waitFor();

    assert.deepEqual(unexpected(ownerErrors), []);
    assert.deepEqual(unexpected(supervisorErrors), []);
    assert.deepEqual(unexpected(agentErrors), []);
  } finally {
    await browser.close();
  }
});
