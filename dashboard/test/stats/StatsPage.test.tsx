// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/api/client';
import type { AgentStat } from '../../src/stats/api';
import { StatsPage } from '../../src/stats/StatsPage';
import { sortAgents, summarize } from '../../src/stats/summary';
import { api, render, session, website, type Rendered } from '../settings/render';
import { emit } from '../realtimeStub';

vi.mock('../../src/api/client', async (original) => ({ ...(await original<object>()), apiFetch: vi.fn() }));
vi.mock('../../src/realtime/RealtimeProvider', () => import('../realtimeStub'));

let view: Rendered;

const agent = (id: string, status: AgentStat['status'], active: number | string, handled: number | string): AgentStat => ({
  agent_id: id,
  name: id,
  role: 'agent',
  status,
  accepting_chats: true,
  max_concurrent_chats: 3,
  active_chats: active,
  chats_handled_today: handled,
});

const stats = (agents: AgentStat[]) => ({ time_zone: 'UTC', day_start: '2026-11-30T00:00:00Z', agents });

describe('StatsPage', () => {
  it('shows each agent and the totals, online agents first', async () => {
    api.mockResolvedValue(stats([agent('Zoe', 'offline', 0, '4'), agent('Al', 'online', '3', 2), agent('Bo', 'away', 1, 0)]));
    const site = website({ role: 'SUPERVISOR' });
    view = await render(<StatsPage />, session(site));

    expect(api).toHaveBeenCalledWith(`/v1/inbox/${site.id}/agent-stats`);
    const rows = [...view.container.querySelectorAll('tbody tr')].map((row) => row.querySelector('td')?.textContent);
    expect(rows).toEqual(['Al', 'Bo', 'Zoe']);
    const figures = Object.fromEntries(
      [...view.container.querySelectorAll('.stats-card')].map((card) => [card.querySelector('dt')?.textContent, card.querySelector('dd')?.textContent]),
    );
    expect(figures).toEqual({ Online: '1', Away: '1', 'Active chats': '4', 'Free capacity': '0', 'Handled today': '6' });
  });

  it('refetches when an agent or a conversation changes', async () => {
    api.mockResolvedValue(stats([agent('Al', 'offline', 0, 0)]));
    const site = website();
    view = await render(<StatsPage />, session(site));
    api.mockResolvedValue(stats([agent('Al', 'online', 1, 0)]));
    await emit({ type: 'agent:online', event_id: 'e', website_id: site.id, data: {} });

    expect(view.container.querySelector('.stats-status')?.textContent).toBe('online');
  });

  it.each(['AGENT', 'VIEWER'] as const)('is not offered to a %s', async (role) => {
    const site = website({ role });
    view = await render(<StatsPage />, session(site));

    expect(api).not.toHaveBeenCalled();
    expect(view.container.textContent).toContain('for owners, admins and supervisors');
  });

  it('explains a refusal', async () => {
    api.mockRejectedValue(new ApiError(403, 'forbidden', 'your role may not see agent stats'));
    const site = website({ role: 'ADMIN' });
    view = await render(<StatsPage />, session(site));

    expect(view.container.querySelector('[role="alert"]')?.textContent).toContain('does not allow');
  });
});

describe('summarize', () => {
  it('counts free capacity only for online agents who accept chats', () => {
    const busy = { ...agent('a', 'online', 1, 0), max_concurrent_chats: 4 };
    const closed = { ...agent('b', 'online', 0, 0), accepting_chats: false };
    const away = agent('c', 'away', 0, 0);
    expect(summarize([busy, closed, away])).toEqual({ online: 2, away: 1, active: 1, capacity: 4, handledToday: 0 });
  });

  it('keeps the input order intact', () => {
    const input = [agent('b', 'offline', 0, 0), agent('a', 'online', 0, 0)];
    expect(sortAgents(input).map((a) => a.agent_id)).toEqual(['a', 'b']);
    expect(input.map((a) => a.agent_id)).toEqual(['b', 'a']);
  });
});
