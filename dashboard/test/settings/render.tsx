import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, vi } from 'vitest';
import { apiFetch } from '../../src/api/client';
import type { Website } from '../../src/api/types';
import { SessionContextProvider, type Session } from '../../src/session/session';
import { roleCan } from '../../src/session/permissions';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The API client, as mocked by the test file with `vi.mock('../../src/api/client', …)`; reset after each test. */
export const api = vi.mocked(apiFetch);

const mounted = new Set<() => void>();

afterEach(() => {
  mounted.forEach((unmount) => unmount());
  if (vi.isMockFunction(apiFetch)) api.mockReset();
});

/** A website as the API returns it, owned by the caller unless `role` says otherwise. */
export function website(overrides: Partial<Website> = {}): Website {
  return {
    id: '0b6f0a8e-1111-4222-8333-944445555666',
    name: 'Acme',
    domains: ['acme.test'],
    allowed_origins: ['https://acme.test'],
    widget: {
      color: '#1f6feb',
      position: 'right',
      greeting: 'Hi! How can we help?',
      away_message: 'We are away.',
      language: 'en',
      pre_chat_fields: [],
      visitor_session_hours: 24,
    },
    public_key: 'pk_test',
    role: 'OWNER',
    created_at: '2026-11-30T10:00:00Z',
    updated_at: '2026-11-30T10:00:00Z',
    ...overrides,
  };
}

/** A session for `site` whose `can()` follows the permission matrix for the website's role. */
export function session(site: Website, overrides: Partial<Session> = {}): Session {
  const role = site.role.toUpperCase() as Website['role'];
  return {
    agent: { id: 'agent-self', email: 'me@acme.test', name: 'Me' },
    websites: [site],
    website: site,
    selectWebsite: () => undefined,
    can: (permission) => roleCan(role, permission),
    signOut: async () => undefined,
    reloadWebsites: async () => undefined,
    ...overrides,
  };
}

/** What a rendered component offers a test. */
export type Rendered = { container: HTMLElement; root: Root; unmount: () => void };

/** Renders `ui` with a fresh query cache and `value` as the session, in a document attached container; unmounted after the test. */
export async function render(ui: ReactNode, value: Session): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  await act(async () => {
    root.render(
      <QueryClientProvider client={client}>
        <SessionContextProvider value={value}>{ui}</SessionContextProvider>
      </QueryClientProvider>,
    );
  });
  const unmount = () => {
    if (!mounted.delete(unmount)) return;
    act(() => root.unmount());
    container.remove();
  };
  mounted.add(unmount);
  await settle();
  return { container, root, unmount };
}

/** Lets pending promises (mocked API answers, query updates) resolve and React re-render. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

/** Types `value` into an input, select or text area as a user would (React sees the change). */
export async function type(element: Element | null, value: string): Promise<void> {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement)) {
    throw new Error(`not a form field: ${element?.outerHTML}`);
  }
  const prototype = Object.getPrototypeOf(element) as object;
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  await act(async () => {
    setter!.call(element, value);
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
  await settle();
}

/** Clicks an element and waits for what it starts. */
export async function click(element: Element | null): Promise<void> {
  if (!(element instanceof HTMLElement)) throw new Error('nothing to click');
  await act(async () => element.click());
  await settle();
}

/** Submits a form through its submit button. */
export async function submit(form: Element | null): Promise<void> {
  const button = form?.querySelector('button[type="submit"]');
  await click(button ?? null);
}

/** The button whose text is `text`. */
export function button(container: Element, text: string | RegExp): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((candidate) =>
    typeof text === 'string' ? candidate.textContent?.trim() === text : text.test(candidate.textContent ?? ''),
  );
  if (!found) throw new Error(`no button ${text} in ${container.innerHTML}`);
  return found;
}
