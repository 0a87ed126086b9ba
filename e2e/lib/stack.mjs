// The running stack the browser tests talk to (make up, or system-tests' shared stack): its gateway and its public API.
import { randomUUID } from 'node:crypto';

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

/** A new agent with its own account: { email, password, name, token, agent }. */
export async function signUpAgent(name = 'E2E Agent') {
  const email = `e2e-${randomUUID()}@example.com`;
  const password = `pw-${randomUUID()}`;
  const answer = await api('POST', '/v1/auth/signup', { body: { email, password, name } });
  return { email, password, name, token: answer.access_token, agent: answer.agent };
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
