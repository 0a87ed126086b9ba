// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/api/client';
import { NotificationPreferencesPanel } from '../../src/settings/notifications/NotificationPreferencesPanel';
import { api, button, click, render, session, settle, website, type Rendered } from './render';

vi.mock('../../src/api/client', async (original) => ({ ...(await original<object>()), apiFetch: vi.fn() }));

const site = website();
const path = `/v1/websites/${site.id}/notification-preferences`;
let view: Rendered;

const toggle = (name: string) => view.container.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;

/** The preferences API: GET answers `stored`, PUT stores the body (or throws `refusal`) and answers it. */
function preferencesApi(stored: { email: Record<string, boolean> }, refusal?: ApiError) {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  api.mockImplementation(async (_path: string, options?: { method?: string; body?: unknown }) => {
    if (options?.method === 'PUT') {
      await held;
      if (refusal) throw refusal;
      stored = structuredClone(options.body) as typeof stored;
    }
    return structuredClone(stored);
  });
  return { release };
}

describe('NotificationPreferencesPanel', () => {
  it('shows a labelled switch with its explanation for every kind the API offers', async () => {
    preferencesApi({ email: { new_conversation: false, assignment: true } });
    view = await render(<NotificationPreferencesPanel websiteId={site.id} />, session(site));

    expect(api).toHaveBeenCalledWith(path);
    expect(toggle('new_conversation').checked).toBe(false);
    expect(toggle('assignment').checked).toBe(true);
    expect(toggle('new_conversation').closest('label')?.textContent).toBe('New conversations');
    const hint = document.getElementById(toggle('new_conversation').getAttribute('aria-describedby')!);
    expect(hint?.textContent).toBe('A mail when a visitor starts a conversation on this website.');
  });

  it('saves the switches together, saying it is saving and then that it saved', async () => {
    const { release } = preferencesApi({ email: { new_conversation: false, assignment: false } });
    view = await render(<NotificationPreferencesPanel websiteId={site.id} />, session(site));
    await click(toggle('new_conversation'));
    await click(button(view.container, 'Save preferences'));

    expect(button(view.container, 'Saving…').disabled).toBe(true);
    expect(api).toHaveBeenCalledWith(path, { method: 'PUT', body: { email: { new_conversation: true, assignment: false } } });
    release();
    await settle();
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe('Saved.');
    expect(toggle('new_conversation').checked).toBe(true);

    await click(toggle('assignment'));
    expect(view.container.querySelector('[role="status"]')).toBeNull();
  });

  it('shows the text of a refusal and keeps the choice unsaved', async () => {
    const { release } = preferencesApi(
      { email: { new_conversation: false, assignment: false } },
      new ApiError(400, 'invalid_request', 'email.assignment: must not be null'),
    );
    release();
    view = await render(<NotificationPreferencesPanel websiteId={site.id} />, session(site));
    await click(toggle('assignment'));
    await click(button(view.container, 'Save preferences'));

    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('email.assignment: must not be null');
    expect(view.container.querySelector('[role="status"]')).toBeNull();
    expect(toggle('assignment').checked).toBe(true);
  });

  it.each(['SUPERVISOR', 'AGENT', 'VIEWER'] as const)('lets a %s choose their own mails', async (role) => {
    preferencesApi({ email: { new_conversation: false, assignment: false } });
    const theirs = website({ role });
    view = await render(<NotificationPreferencesPanel websiteId={theirs.id} />, session(theirs));
    expect(toggle('assignment').disabled).toBe(false);
    expect(button(view.container, 'Save preferences').disabled).toBe(false);
  });
});
