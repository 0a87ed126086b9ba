import type { AgentStat } from './api';

/** Totals over the agents: who is online, chats open now, capacity of those accepting, and chats ended today. */
export type StatsSummary = { online: number; away: number; active: number; capacity: number; handledToday: number };

/** Adds up the agents' figures (64-bit counts may come as strings). */
export function summarize(agents: AgentStat[]): StatsSummary {
  return agents.reduce<StatsSummary>(
    (sum, agent) => ({
      online: sum.online + (agent.status === 'online' ? 1 : 0),
      away: sum.away + (agent.status === 'away' ? 1 : 0),
      active: sum.active + Number(agent.active_chats),
      capacity: sum.capacity + (agent.status === 'online' && agent.accepting_chats ? agent.max_concurrent_chats : 0),
      handledToday: sum.handledToday + Number(agent.chats_handled_today),
    }),
    { online: 0, away: 0, active: 0, capacity: 0, handledToday: 0 },
  );
}

const ORDER = { online: 0, away: 1, offline: 2 };

/** Online first, then away, then offline; by active chats, then name, within each. */
export function sortAgents(agents: AgentStat[]): AgentStat[] {
  return [...agents].sort(
    (a, b) =>
      ORDER[a.status] - ORDER[b.status] ||
      Number(b.active_chats) - Number(a.active_chats) ||
      (a.name ?? a.agent_id).localeCompare(b.name ?? b.agent_id),
  );
}
