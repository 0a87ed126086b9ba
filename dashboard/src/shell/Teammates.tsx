import { useMembers } from '../inbox/queries';
import { useEphemeral } from '../realtime/LiveProvider';
import { useSession } from '../session/session';

/** The website's members with their live presence (online, away, offline, or not known yet). */
export function Teammates() {
  const session = useSession();
  const members = useMembers(session.website!.id);
  const ephemeral = useEphemeral();
  if (!members.data) return null;
  return (
    <section className="teammates" aria-labelledby="teammates-title">
      <h2 id="teammates-title" className="teammates__title">
        Team
      </h2>
      <ul>
        {members.data.map((m) => {
          const presence = ephemeral.presenceOf(m.agent_id) ?? 'unknown';
          return (
            <li key={m.agent_id} className="teammates__item" data-testid="teammate" data-agent-id={m.agent_id} data-presence={presence}>
              <span className={`dot dot--${presence}`} aria-hidden="true" />
              <span>{m.agent_id === session.agent.id ? `${m.name} (you)` : m.name}</span>
              <span className="visually-hidden">, {presence === 'unknown' ? 'presence unknown' : presence}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
