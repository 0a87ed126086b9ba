/** Visual tone of a status badge. */
export type Tone = 'up' | 'down' | 'unknown' | 'unreachable' | 'pending';

/** A coloured pill with a text label, so the state never depends on colour alone. */
export function StatusBadge({ tone, label }: { tone: Tone; label: string }) {
  return (
    <span className={`badge badge--${tone}`}>
      <span className="badge__dot" aria-hidden="true" />
      {label}
    </span>
  );
}
