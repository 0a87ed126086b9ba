import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { RESYNC, useRealtime } from '../realtime/RealtimeProvider';
import { useSession } from '../session/session';
import { ErrorNotice } from '../settings/common/ErrorNotice';
import { Permission } from '../settings/permissions';
import { agentStatsKey, fetchAgentStats, type AgentStat } from './api';
import './stats.css';
import { sortAgents, summarize } from './summary';

const LIVE_TYPES = /^(agent:|conversation:)/;
const REFRESH_MS = 60_000;

/** `/stats`: each agent's presence, load and chats handled today, for supervisors; refreshed by realtime frames. */
export function StatsPage() {
  const { website, can } = useSession();
  const allowed = website !== null && can(Permission.viewAgentStats);
  return (
    <main className="stats-page">
      <h1>Agent stats</h1>
      {!website ? (
        <p className="stats-muted">Choose or create a website first.</p>
      ) : !allowed ? (
        <p className="stats-muted" role="note">
          Agent stats are for owners, admins and supervisors.
        </p>
      ) : (
        <AgentStatsView websiteId={website.id} />
      )}
    </main>
  );
}

function AgentStatsView({ websiteId }: { websiteId: string }) {
  const queryClient = useQueryClient();
  const realtime = useRealtime();
  const stats = useQuery({
    queryKey: agentStatsKey(websiteId),
    queryFn: () => fetchAgentStats(websiteId),
    refetchInterval: REFRESH_MS,
  });

  useEffect(
    () =>
      realtime.subscribe((frame) => {
        if (frame.website_id === websiteId && (frame.type === RESYNC || LIVE_TYPES.test(frame.type))) {
          void queryClient.invalidateQueries({ queryKey: agentStatsKey(websiteId) });
        }
      }),
    [realtime, queryClient, websiteId],
  );

  if (stats.isPending) return <p className="stats-muted">Loading…</p>;
  if (!stats.data) return <ErrorNotice error={stats.error} />;
  const totals = summarize(stats.data.agents);
  return (
    <>
      <dl className="stats-cards">
        <Figure label="Online" value={totals.online} />
        <Figure label="Away" value={totals.away} />
        <Figure label="Active chats" value={totals.active} />
        <Figure label="Free capacity" value={Math.max(0, totals.capacity - totals.active)} />
        <Figure label="Handled today" value={totals.handledToday} />
      </dl>
      <p className="stats-muted">
        Today began {new Date(stats.data.day_start).toLocaleString()} ({stats.data.time_zone}).
      </p>
      <table className="stats-table">
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Accepting</th>
            <th scope="col">Active / max</th>
            <th scope="col">Handled today</th>
          </tr>
        </thead>
        <tbody>
          {sortAgents(stats.data.agents).map((agent) => (
            <AgentRow key={agent.agent_id} agent={agent} />
          ))}
        </tbody>
      </table>
      <ErrorNotice error={stats.error} />
    </>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div className="stats-card">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function AgentRow({ agent }: { agent: AgentStat }) {
  const active = Number(agent.active_chats);
  const full = agent.max_concurrent_chats > 0 && active >= agent.max_concurrent_chats;
  return (
    <tr>
      <td>{agent.name ?? agent.agent_id}</td>
      <td>{agent.role}</td>
      <td>
        <span className={`stats-status stats-status--${agent.status}`}>{agent.status}</span>
      </td>
      <td>{agent.accepting_chats ? 'yes' : 'no'}</td>
      <td className={full ? 'stats-full' : undefined}>
        {active} / {agent.max_concurrent_chats}
      </td>
      <td>{Number(agent.chats_handled_today)}</td>
    </tr>
  );
}
