import { useId, useState } from 'react';
import type { TagSummary, TagView } from '../inbox/types';

/** A disclosure with a checkbox per tag; each change sets the conversation's whole tag set. */
export function TagEditor(props: {
  current: TagSummary[];
  available: TagView[] | undefined;
  disabled: boolean;
  onChange(tagIds: string[]): void;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const selected = new Set(props.current.map((t) => t.id));
  const live = props.available?.filter((t) => !t.deleted) ?? [];
  return (
    <div className="popover">
      <button
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        disabled={props.disabled}
      >
        Tags
      </button>
      {open && (
        <fieldset id={id} className="popover__panel" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <legend className="visually-hidden">Tags</legend>
          {live.length === 0 && <p className="muted">No tags defined yet (Settings → Tags).</p>}
          {live.map((tag) => (
            <label key={tag.id} className="check">
              <input
                type="checkbox"
                checked={selected.has(tag.id)}
                onChange={(e) => {
                  const next = new Set(selected);
                  if (e.target.checked) next.add(tag.id);
                  else next.delete(tag.id);
                  props.onChange([...next]);
                }}
              />
              {tag.name}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
