import type { TagSummary } from './types';

const COLOR = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** Tags as small coloured chips (a colour that is not `#rgb`/`#rrggbb` falls back to grey). */
export function TagChips(props: { tags: TagSummary[] }) {
  return (
    <span className="chips">
      {props.tags.map((t) => (
        <span key={t.id} className="chip" style={{ borderColor: COLOR.test(t.color) ? t.color : '#8b949e' }}>
          {t.name}
        </span>
      ))}
    </span>
  );
}
