// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/api/client';
import type { RealtimeFrame } from '../../src/realtime/frames';
import type { TagView } from '../../src/settings/api';
import { TagsPanel } from '../../src/settings/tags/TagsPanel';
import { api, button, click, render, session, submit, type, website, type Rendered } from './render';
import { emit } from '../realtimeStub';

vi.mock('../../src/api/client', async (original) => ({ ...(await original<object>()), apiFetch: vi.fn() }));
vi.mock('../../src/realtime/RealtimeProvider', () => import('../realtimeStub'));

const site = website();
let view: Rendered;

const tag = (id: string, name: string, deleted = false): TagView => ({
  id,
  name,
  color: '#ff0000',
  deleted,
  created_at: '2026-11-30T10:00:00Z',
  updated_at: '2026-11-30T10:00:00Z',
});

describe('TagsPanel', () => {
  it('creates a tag with its colour', async () => {
    api.mockResolvedValue([]);
    view = await render(<TagsPanel websiteId={site.id} />, session(site));
    await type(view.container.querySelector('#tag-new-name'), ' vip ');
    await type(view.container.querySelector('input[type="color"]'), '#00ff00');
    await submit(view.container.querySelector('form[aria-label="New tag"]'));

    expect(api).toHaveBeenCalledWith(`/v1/inbox/${site.id}/tags`, { method: 'POST', body: { name: 'vip', color: '#00ff00' } });
  });

  it.each([
    ['', 'must not be blank'],
    ['x'.repeat(41), 'at most 40 characters'],
  ])('refuses the name %j', async (name, message) => {
    api.mockResolvedValue([]);
    view = await render(<TagsPanel websiteId={site.id} />, session(site));
    await type(view.container.querySelector('#tag-new-name'), name);
    await submit(view.container.querySelector('form[aria-label="New tag"]'));

    expect(api).toHaveBeenCalledTimes(1);
    expect(view.container.textContent).toContain(message);
  });

  it('shows a taken name as the API explains it', async () => {
    api.mockImplementation(async (_path: string, options?: { method?: string }) => {
      if (options?.method === 'POST') throw new ApiError(409, 'tag_name_taken', 'A live tag is already called vip.');
      return [];
    });
    view = await render(<TagsPanel websiteId={site.id} />, session(site));
    await type(view.container.querySelector('#tag-new-name'), 'vip');
    await submit(view.container.querySelector('form[aria-label="New tag"]'));

    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('A live tag is already called vip.');
  });

  it('deletes softly and restores', async () => {
    api.mockResolvedValue([tag('t1', 'vip'), tag('t2', 'old', true)]);
    view = await render(<TagsPanel websiteId={site.id} />, session(site));
    await click(button(view.container.querySelector('form[aria-label="Tag vip"]')!, 'Delete'));
    expect(api).toHaveBeenCalledWith(`/v1/inbox/${site.id}/tags/t1`, { method: 'DELETE' });

    await click(button(view.container, 'Restore old'));
    expect(api).toHaveBeenCalledWith(`/v1/inbox/${site.id}/tags/t2/restore`, { method: 'POST' });
  });

  it('refetches when a tag changes elsewhere', async () => {
    api.mockResolvedValue([]);
    view = await render(<TagsPanel websiteId={site.id} />, session(site));
    api.mockResolvedValue([tag('t1', 'from-a-teammate')]);
    const frame: RealtimeFrame = { type: 'tag:change', event_id: 'e1', website_id: site.id, data: {} };
    await emit(frame);

    expect(view.container.querySelector('#tag-t1-name')).not.toBeNull();
  });

  it.each(['AGENT', 'VIEWER'] as const)('only lists tags to a %s', async (role) => {
    api.mockResolvedValue([tag('t1', 'vip'), tag('t2', 'old', true)]);
    const theirs = website({ role });
    view = await render(<TagsPanel websiteId={theirs.id} />, session(theirs));

    expect(view.container.textContent).toContain('vip');
    expect(view.container.textContent).not.toContain('old');
    expect(view.container.querySelector('form')).toBeNull();
  });
});
