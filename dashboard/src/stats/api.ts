import { apiFetch } from '../api/client';

/** An agent's presence as conversations reports it. */
export type PresenceStatus = 'online' | 'away' | 'offline';

/** One member's load and today's activity (conversations' AgentStat). */
export type AgentStat = {
  agent_id: string;
  name?: string | null;
  avatar_url?: string | null;
  role: string;
  status: PresenceStatus;
  accepting_chats: boolean;
  max_concurrent_chats: number;
  active_chats: number | string;
  chats_handled_today: number | string;
};

/** The website's members with their load and today's activity. */
export type AgentStats = { time_zone: string; day_start: string; agents: AgentStat[] };

/** The query key of a website's agent stats. */
export const agentStatsKey = (websiteId: string) => ['website', websiteId, 'agent-stats'] as const;

/** GET /v1/inbox/{websiteId}/agent-stats. */
export function fetchAgentStats(websiteId: string): Promise<AgentStats> {
  return apiFetch<AgentStats>(`/v1/inbox/${encodeURIComponent(websiteId)}/agent-stats`);
}
