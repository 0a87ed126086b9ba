// Helpers of the widget's browser tests: the demo page with a test website's key, an agent online over the realtime
// edge (so visitors get the chat, not the away form), and the agent's side through the inbox API.
import { launchBrowser } from './browser.mjs';
import { api, createWebsite, gatewayUrl } from './stack.mjs';

/** Opens the demo page (or its strict-CSP variant) for the website and waits for the launcher. */
export async function openDemo(page, website, { strict = false } = {}) {
  await page.goto(`${gatewayUrl}/demo${strict ? '/strict' : ''}?key=${encodeURIComponent(website.public_key)}`);
  await launcher(page).waitFor({ state: 'visible' });
  return page;
}

/** The widget's parts, found through its open shadow root. */
export const launcher = (page) => page.locator('zendo-widget .launcher');
export const composer = (page) => page.locator('zendo-widget .composer textarea');
export const messages = (page) => page.locator('zendo-widget .log .msg');
export const messageText = (page, text) => page.locator('zendo-widget .log .msg .text', { hasText: text });

/** Opens the panel and waits until the chat is live (the composer shown, the socket subscribed). */
export async function openChat(page) {
  await launcher(page).click();
  await composer(page).waitFor({ state: 'visible' });
  await page.locator('zendo-widget .status', { hasNotText: /Connecting/ }).waitFor();
}

/** The meta line (e.g. "Sent", "Read") under the visitor's messages, once it reads `text`. */
export const visitorMeta = (page, text) => page.locator('zendo-widget .msg[data-author=visitor] .meta', { hasText: text });

/** The header's avatar: the agent's image and the initial under it. */
export const avatarImage = (page) => page.locator('zendo-widget .avatar img');
export const avatarInitial = (page) => page.locator('zendo-widget .avatar span');

/** Sets the agent's avatar in identity and waits until conversations (the website's agent stats) has it. */
export async function setAvatar(agent, website, avatarUrl) {
  await api('PATCH', '/v1/agents/me', { token: agent.token, body: { avatar_url: avatarUrl } });
  await until(async () => {
    const stats = await api('GET', `/v1/inbox/${website.id}/agent-stats`, { token: agent.token });
    return stats.agents.some((a) => a.avatar_url === avatarUrl);
  }, 'the avatar in conversations');
}

/** Types a message into the composer and sends it with Enter. */
export async function send(page, text) {
  await composer(page).fill(text);
  await composer(page).press('Enter');
}

/**
 * Keeps the agent online: a page of the gateway's origin holds the agent's realtime socket (a ticket from websites,
 * renewed every 40 s; the frames it receives collect in `window.agentFrames`, the socket is `window.agentSocket`),
 * and the call returns once conversations counts the agent online.
 */
export async function agentOnline(context, agent, website) {
  const page = await context.newPage();
  await page.goto(`${gatewayUrl}/health/gateway`);
  await page.evaluate(async ({ token, websiteId }) => {
    const ticket = async () => {
      const response = await fetch('/v1/realtime/tickets', { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
      return (await response.json()).ticket;
    };
    const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/ws`);
    await new Promise((resolve, reject) => {
      socket.onerror = reject;
      socket.onopen = async () => socket.send(JSON.stringify({ type: 'auth', v: 1, token: await ticket() }));
      window.agentSocket = socket;
      window.agentFrames = [];
      socket.onmessage = (e) => {
        const frame = JSON.parse(e.data);
        window.agentFrames.push(frame);
        if (frame.type === 'ready' && !window.subscribed) {
          window.subscribed = true;
          socket.send(JSON.stringify({ type: 'subscribe', website_id: websiteId }));
        }
        if (frame.type === 'subscribed') resolve();
      };
    });
    setInterval(async () => socket.send(JSON.stringify({ type: 'auth', v: 1, token: await ticket() })), 40000);
    setInterval(() => socket.send(JSON.stringify({ type: 'ping' })), 20000);
  }, { token: agent.token, websiteId: website.id });
  await until(async () => {
    const stats = await api('GET', `/v1/inbox/${website.id}/agent-stats`, { token: agent.token });
    return stats.agents.some((a) => String(a.status).toLowerCase() === 'online');
  }, 'the agent online');
  return page;
}

/**
 * Runs `scene` in a fresh browser with a new website of `owner`, the owner online over the realtime edge in a context
 * made with `contextOptions`, and a page of that context for the visitor; closes the browser afterwards.
 */
export async function withAgentOnline(owner, scene, contextOptions = {}) {
  const browser = await launchBrowser();
  try {
    const website = await createWebsite(owner);
    const context = await browser.newContext(contextOptions);
    const agentPage = await agentOnline(context, owner, website);
    const page = await context.newPage();
    await scene({ website, context, agentPage, page });
  } finally {
    await browser.close();
  }
}

/** Opens the chat on the demo page, sends `text` and returns the id of the conversation it started. */
export async function startConversation(page, owner, website, text) {
  await openDemo(page, website);
  await openChat(page);
  await send(page, text);
  return conversationOf(owner, website);
}

/** The visitor id the widget on `page` holds for the website (the subject of its stored session token). */
export function visitorIdOf(page, website) {
  return page.evaluate((key) => JSON.parse(atob(localStorage.getItem(`zendo:${key}:token`).split('.')[1])).sub, website.public_key);
}

/** The visitor's profile as the agent reads it. */
export function visitorProfile(agent, website, visitorId) {
  return api('GET', `/v1/inbox/${website.id}/visitors/${visitorId}`, { token: agent.token });
}

/** The website's only conversation, once it exists. */
export async function conversationOf(agent, website) {
  let found;
  await until(async () => {
    const page = await api('GET', `/v1/inbox/${website.id}/conversations?view=open`, { token: agent.token });
    found = (page.items ?? page.conversations ?? [])[0];
    return Boolean(found);
  }, 'a conversation in the inbox');
  return found.id ?? found.conversation_id ?? found.conversation?.id;
}

/** The agent replies in the conversation through the inbox API. */
export function reply(agent, website, conversationId, body) {
  return api('POST', `/v1/inbox/${website.id}/conversations/${conversationId}/messages`, { token: agent.token, body: { body } });
}

/** The conversation's messages as the agent reads them. */
export async function inboxMessages(agent, website, conversationId) {
  const page = await api('GET', `/v1/inbox/${website.id}/conversations/${conversationId}/messages?limit=200`, { token: agent.token });
  return page.messages;
}

/** Polls `check` every 200 ms until it returns true, for at most `timeoutMs`. */
export async function until(check, what, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}
