import { useState } from 'react';
import { askNotificationPermission, isMuted, setMuted } from '../notify/notifier';
import { useMyPresence } from '../realtime/LiveProvider';
import { useSession } from '../session/session';

/** The agent's own controls: presence (online / away), mute, sign out. */
export function AgentMenu() {
  const session = useSession();
  const [presence, setPresence] = useMyPresence();
  const [muted, setMutedState] = useState(isMuted);
  return (
    <div className="agent-menu">
      <label className="agent-menu__presence">
        <span className={`dot dot--${presence}`} aria-hidden="true" />
        <span className="visually-hidden">Your status</span>
        <select
          value={presence}
          onChange={(e) => setPresence(e.target.value === 'away' ? 'away' : 'online')}
          data-testid="my-presence"
        >
          <option value="online">Online</option>
          <option value="away">Away</option>
        </select>
      </label>
      <button
        type="button"
        className="button button--quiet"
        aria-pressed={muted}
        onClick={() => {
          setMuted(!muted);
          setMutedState(!muted);
          if (muted) askNotificationPermission();
        }}
        title={muted ? 'Notifications and sounds are off' : 'Notifications and sounds are on'}
      >
        {muted ? 'Unmute' : 'Mute'}
      </button>
      <span className="agent-menu__name">{session.agent.name}</span>
      <button type="button" className="button button--quiet" onClick={() => void session.signOut()}>
        Sign out
      </button>
    </div>
  );
}
