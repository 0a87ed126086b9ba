import type { CannedResponse } from '../api/types';

/** The canned responses matching what follows `/`, as a listbox the composer drives with the keyboard. */
export function CannedPicker(props: {
  id: string;
  responses: CannedResponse[] | undefined;
  loading: boolean;
  error: boolean;
  active: number;
  onPick(response: CannedResponse): void;
}) {
  if (props.error) return <p className="canned canned--empty" role="alert">Canned responses are unavailable.</p>;
  if (props.loading) return <p className="canned canned--empty">Loading canned responses…</p>;
  if (!props.responses?.length) return <p className="canned canned--empty">No canned response starts with that.</p>;
  return (
    <ul className="canned" role="listbox" id={props.id} aria-label="Canned responses" data-testid="canned-list">
      {props.responses.map((r, i) => (
        <li
          key={r.id}
          id={`${props.id}-${i}`}
          role="option"
          aria-selected={i === props.active}
          className={`canned__item${i === props.active ? ' canned__item--active' : ''}`}
          onMouseDown={(e) => {
            e.preventDefault();
            props.onPick(r);
          }}
        >
          <span className="canned__shortcut">/{r.shortcut}</span>
          <span className="canned__text">{r.text}</span>
        </li>
      ))}
    </ul>
  );
}
