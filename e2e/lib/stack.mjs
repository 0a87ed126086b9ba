// The running stack the browser tests talk to (make up, or system-tests' shared stack): its gateway and its public API.
import { randomUUID } from 'node:crypto';
import { linkIn, verificationMail } from './mail.mjs';

/** The gateway's origin, e.g. http://127.0.0.1:8080 (set by system-tests; make up prints it). */
export const gatewayUrl = (process.env.ZENDO_GATEWAY_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');

/** A JSON call through the gateway; throws with the status and body on anything but 2xx. */
export async function api(method, path, { token, body, headers = {} } = {}) {
  const response = await fetch(gatewayUrl + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/**
 * A new agent with its own account: { email, password, name, token, agent }. With `verified` (needed to accept an
 * invitation) the email is verified through the link of the verification mail, as its owner would.
 */
export async function signUpAgent(name = 'E2E Agent', { verified = false } = {}) {
  const email = `e2e-${randomUUID()}@example.com`;
  const password = `pw-${randomUUID()}`;
  const answer = await api('POST', '/v1/auth/signup', { body: { email, password, name } });
  const agent = { email, password, name, token: answer.access_token, agent: answer.agent };
  return verified ? verifyEmail(agent) : agent;
}

/**
 * Confirms the token of the agent's verification mail, then signs in again so `agent.token` is one issued after the
 * verification; returns the agent.
 */
export async function verifyEmail(agent) {
  const link = linkIn(await verificationMail(agent.email), '/verify-email');
  const token = new URLSearchParams(new URL(link).hash.slice(1)).get('token');
  await api('POST', '/v1/auth/email-verification/confirm', { body: { token } });
  const session = await api('POST', '/v1/auth/login', { body: { email: agent.email, password: agent.password } });
  return Object.assign(agent, { token: session.access_token, agent: session.agent });
}

/** A website owned by the agent whose widget may run on the gateway's own origin (the demo page); returns the website. */
export async function createWebsite(owner, name = `E2E site ${randomUUID().slice(0, 8)}`) {
  const origin = new URL(gatewayUrl).origin;
  const localhost = origin.replace('127.0.0.1', 'localhost');
  return api('POST', '/v1/websites', {
    token: owner.token,
    body: { name, domains: ['localhost', '127.0.0.1'], allowed_origins: [...new Set([origin, localhost])] },
  });
}
