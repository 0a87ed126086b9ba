// Helpers of the dashboard's browser tests: sign an agent into the dashboard, and play a visitor through the widget
// API (what the widget does) so a test controls exactly what the visitor sends.
import { randomUUID } from 'node:crypto';
import { api, gatewayUrl } from './stack.mjs';

const origin = new URL(gatewayUrl).origin;

/**
 * A client address of its own for each visitor (from 198.18.0.0/15, reserved for tests by RFC 2544), sent as
 * X-Forwarded-For through the gateway: visitors come from their own addresses, and conversations limits widget
 * sessions per address.
 */
function visitorAddress() {
  const byte = (max) => Math.floor(Math.random() * max);
  return `198.18.${byte(256)}.${byte(254) + 1}`;
}

/** Opens the dashboard signed in as `agent` (from signUpAgent): a fresh sign-in, its refresh token put where the app keeps it. */
export async function openDashboard(page, agent, path = '/inbox') {
  const session = await api('POST', '/v1/auth/login', { body: { email: agent.email, password: agent.password } });
  await page.goto(`${gatewayUrl}/status`);
  await page.evaluate((token) => localStorage.setItem('zendo.refresh_token', token), session.refresh_token);
  await page.goto(`${gatewayUrl}${path}`);
  await page.getByTestId('connection').waitFor();
  return session;
}

/** Waits until the dashboard's realtime indicator says live. */
export async function waitLive(page, timeout = 20_000) {
  await page.locator('[data-testid="connection"][data-status="live"]').waitFor({ timeout });
}

/** Signs an existing agent in through the API: { ...agent, token, refreshToken }. */
export async function logIn(agent) {
  const answer = await api('POST', '/v1/auth/login', { body: { email: agent.email, password: agent.password } });
  return { ...agent, token: answer.access_token, agent: answer.agent };
}

/** Invites `agent` (from signUpAgent with `verified`) into the website with `role` and accepts for them. */
export async function addMember(owner, websiteId, agent, role) {
  const invitation = await api('POST', `/v1/websites/${websiteId}/invitations`, {
    token: owner.token,
    body: { email: agent.email, role },
  });
  await api('POST', '/v1/invitations/accept', { token: agent.token, body: { token: invitation.token } });
}

/** The visitor's side on the demo page (`/demo?key=…`, widget/demo): the real widget, found through its open shadow root. */
export const demo = {
  async open(page, publicKey) {
    await page.goto(`${gatewayUrl}/demo?key=${encodeURIComponent(publicKey)}`);
    await page.locator('zendo-widget .launcher').waitFor({ state: 'visible' });
    await page.locator('zendo-widget .launcher').click();
    await page.locator('zendo-widget .composer textarea').waitFor({ state: 'visible' });
  },
  async send(page, text) {
    await page.locator('zendo-widget .composer textarea').fill(text);
    await page.locator('zendo-widget .composer textarea').press('Enter');
  },
  message: (page, text) => page.locator('zendo-widget .log .msg', { hasText: text }),
  stars: (page) => page.locator('zendo-widget .stars button'),
};

/** A widget call as the visitor's browser makes it (the gateway origin is an allowed origin of test websites). */
function widget(method, path, { token, body } = {}) {
  return api(method, path, { token, body, headers: { Origin: origin, 'X-Forwarded-For': visitorAddress() } });
}

/**
 * A new visitor of the website (by its public key) on a page, optionally starting a conversation with a first message.
 * Retries while conversations has not yet heard of a website just created (its replica follows websites' events).
 */
export async function visitorSession(publicKey, { firstMessage, preChat, page = `${origin}/shop/checkout` } = {}) {
  const answer = await eventually(() => widget('POST', '/v1/widget/session', {
    body: {
      public_key: publicKey,
      page: { url: page, title: 'Checkout' },
      ...(preChat ? { pre_chat: preChat } : {}),
      ...(firstMessage ? { first_message: { client_msg_id: randomUUID(), body: firstMessage } } : {}),
    },
  }), { message: 'a widget session' });
  return { token: answer.visitor_token, visitor: answer.visitor, session: answer };
}

/** The visitor sends a message; returns the stored message. */
export function visitorSend(visitor, body) {
  return widget('POST', '/v1/widget/messages', { token: visitor.token, body: { client_msg_id: randomUUID(), body } });
}

/** The visitor's view of its conversation's messages (never notes). */
export async function visitorMessages(visitor) {
  return (await widget('GET', '/v1/widget/messages?limit=200', { token: visitor.token })).messages;
}

/** The visitor changes its name, email or attributes. */
export function visitorUpdate(visitor, changes) {
  return widget('PATCH', '/v1/widget/visitor', { token: visitor.token, body: changes });
}

/** The visitor rates a thread (1 to 5). */
export function visitorRate(visitor, threadId, rating, comment) {
  return widget('POST', '/v1/widget/rating', { token: visitor.token, body: { thread_id: threadId, rating, comment } });
}

/** An agent writes in a conversation through the API (as another tab or a teammate would). */
export function agentSend(agent, websiteId, conversationId, body, kind = 'text') {
  return api('POST', `/v1/inbox/${websiteId}/conversations/${conversationId}/messages`, {
    token: agent.token,
    body: { client_msg_id: randomUUID(), body, kind },
  });
}

/** Polls `check` (async, returns a truthy value when done) every 200 ms until it holds or `timeout` ms pass. */
export async function eventually(check, { timeout = 15_000, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${message}${last ? `: ${last.message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The page errors of watchErrors that matter: the browser also logs every 4xx answer as a console error, and a website
 * just created is briefly unknown (404) to conversations until its replica catches up, which the dashboard retries.
 */
export function unexpected(errors) {
  return errors.filter((e) => !/Failed to load resource: the server responded with a status of 404/.test(e));
}

/**
 * Turns the website's widget setting sneak_peek on or off (the widget settings are replaced as a whole), then waits
 * until conversations answers it to new widget sessions (its replica follows websites' events).
 */
export async function setSneakPeek(owner, websiteId, on) {
  const website = await api('GET', `/v1/websites/${websiteId}`, { token: owner.token });
  await api('PATCH', `/v1/websites/${websiteId}`, { token: owner.token, body: { widget: { ...website.widget, sneak_peek: on } } });
  await eventually(async () => (await visitorSession(website.public_key)).session.settings?.sneak_peek === on, {
    message: `sneak_peek ${on ? 'on' : 'off'} in widget sessions`,
  });
}

/**
 * Opens the visitor's own realtime socket in `page` (a page of the gateway's origin, an allowed origin of test
 * websites) and authenticates it with the visitor's session token; `typing(text)` then sends a `typing` frame with the
 * draft as `text`, as the widget does with sneak peek on.
 */
export async function visitorSocket(page, visitor, conversationId) {
  await page.evaluate(
    ({ url, token }) =>
      new Promise((resolve, reject) => {
        const socket = new WebSocket(url);
        socket.onopen = () => socket.send(JSON.stringify({ type: 'auth', v: 1, token }));
        socket.onmessage = (event) => {
          if (JSON.parse(event.data).type === 'ready') {
            window.visitorSocket = socket;
            resolve();
          }
        };
        socket.onclose = (event) => reject(new Error(`the visitor's socket closed with ${event.code}`));
      }),
    { url: `${gatewayUrl.replace(/^http/, 'ws')}/ws`, token: visitor.token },
  );
  return {
    typing: (text) =>
      page.evaluate(
        ({ id, draft }) => window.visitorSocket.send(JSON.stringify({ type: 'typing', conversation_id: id, typing: true, text: draft })),
        { id: conversationId, draft: text },
      ),
  };
}
