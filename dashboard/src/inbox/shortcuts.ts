/** What a key press in the inbox asks for, or null; letters only count outside text fields. */
export type ShortcutAction = 'next' | 'previous' | 'close' | 'assign' | 'search';

export function shortcutOf(event: {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  target: EventTarget | null;
}): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey) return null;
  if (event.altKey) {
    if (event.key === 'ArrowDown') return 'next';
    if (event.key === 'ArrowUp') return 'previous';
    return null;
  }
  const el = event.target as HTMLElement | null;
  const typing = !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
  if (typing) return null;
  switch (event.key) {
    case 'j':
      return 'next';
    case 'k':
      return 'previous';
    case 'c':
      return 'close';
    case 'a':
      return 'assign';
    case '/':
      return 'search';
    default:
      return null;
  }
}

/** The id after (or before) `current` in `ids`; the first (or last) one when `current` is not there. */
export function step(ids: string[], current: string | null, direction: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const at = current ? ids.indexOf(current) : -1;
  if (at === -1) return direction === 1 ? ids[0] : ids[ids.length - 1];
  const next = at + direction;
  return next >= 0 && next < ids.length ? ids[next] : current;
}
