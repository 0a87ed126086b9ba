// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/api/client';
import type { NotificationView } from '../../src/settings/api';
import { NotificationLogPanel } from '../../src/settings/notifications/NotificationLogPanel';
import { api, button, click, render, session, type, website, type Rendered } from './render';

vi.mock('../../src/api/client', async (original) => ({ ...(await original<object>()), apiFetch: vi.fn() }));

const site = website();
const path = `/v1/websites/${site.id}/notifications`;
let view: Rendered;

const notification = (overrides: Partial<NotificationView>): NotificationView => ({
  id: 'n1',
  kind: 'new_conversation',
  channel: 'email',
  event_id: 'e1',
  recipient_agent_id: 'agent-self',
  recipient_email: 'me@acme.test',
  status: 'delivered',
  attempts: 1,
  created_at: '2026-11-30T10:00:00Z',
  updated_at: '2026-11-30T10:00:01Z',
  ...overrides,
});

const rows = () => [...view.container.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].slice(1).map((cell) => cell.textContent));

describe('NotificationLogPanel', () => {
  it('lists kind, recipient and status with the reason as a sentence, then the next page by its cursor', async () => {
    api.mockImplementation(async (url: string) =>
      url.includes('cursor=')
        ? { notifications: [notification({ id: 'n3', kind: 'invitation', recipient_email: 'new@acme.test', status: 'queued', attempts: 2 })] }
        : {
            notifications: [
              notification({}),
              notification({ id: 'n2', kind: 'assignment', status: 'suppressed', reason: 'self_originated' }),
            ],
            next_cursor: 'c/1+2',
          },
    );
    view = await render(<NotificationLogPanel websiteId={site.id} />, session(site));

    expect(api).toHaveBeenCalledWith(path);
    expect(rows()).toEqual([
      ['New conversations', 'me@acme.test', 'Delivered'],
      ['Assigned to me', 'me@acme.test', 'SuppressedNot sent: the recipient did this themselves.'],
    ]);

    await click(button(view.container, 'Load more'));
    expect(api).toHaveBeenLastCalledWith(`${path}?cursor=c%2F1%2B2`);
    expect(rows()[2]).toEqual(['Invitation', 'new@acme.test', 'Queued (2 attempts so far)']);
    expect(view.container.textContent).not.toContain('Load more');
  });

  it('asks the API for the chosen status and kind only', async () => {
    api.mockResolvedValue({ notifications: [notification({ status: 'failed', reason: 'smtp_gave_up' })] });
    view = await render(<NotificationLogPanel websiteId={site.id} />, session(site));
    const [status, kind] = view.container.querySelectorAll('select');
    await type(status, 'failed');
    await type(kind, 'webhook_disabled');

    expect(api).toHaveBeenLastCalledWith(`${path}?status=failed&kind=webhook_disabled`);
    expect(status.closest('label')?.textContent).toContain('Status');
    expect(view.container.textContent).toContain('could not take it for 48 hours');
  });

  it('quotes a reason it has no sentence for and says when the log is empty', async () => {
    api.mockResolvedValueOnce({ notifications: [notification({ status: 'failed', reason: 'something_new' })] });
    view = await render(<NotificationLogPanel websiteId={site.id} />, session(site));
    expect(view.container.textContent).toContain('Reason: something_new');

    api.mockResolvedValue({ notifications: [] });
    await type(view.container.querySelector('select'), 'queued');
    expect(view.container.textContent).toContain('No notifications yet.');
  });

  it('explains a 403 instead of failing', async () => {
    api.mockRejectedValue(new ApiError(403, 'forbidden', 'only owners and admins read the log'));
    view = await render(<NotificationLogPanel websiteId={site.id} />, session(site));
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('Your role in this website does not allow this.');
  });

  it.each(['SUPERVISOR', 'AGENT', 'VIEWER'] as const)('neither loads nor shows the log to a %s', async (role) => {
    const theirs = website({ role });
    view = await render(<NotificationLogPanel websiteId={theirs.id} />, session(theirs));
    expect(api).not.toHaveBeenCalled();
    expect(view.container.textContent).toContain('does not allow reading the notification log');
  });
});
