import { useRealtime } from '../realtime/RealtimeProvider';

const LABELS = {
  connecting: 'Connecting…',
  live: 'Live',
  resyncing: 'Reconnecting…',
  offline: 'Offline',
} as const;

/** A small dot and word telling whether the live stream is connected. */
export function ConnectionIndicator() {
  const { status } = useRealtime();
  return (
    <span className={`conn conn--${status}`} role="status" aria-live="polite" data-testid="connection" data-status={status}>
      <span className="conn__dot" aria-hidden="true" />
      {LABELS[status]}
    </span>
  );
}
