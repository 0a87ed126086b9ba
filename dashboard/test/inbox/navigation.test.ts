import { describe, expect, it } from 'vitest';
import { inboxHref, parseInboxRoute } from '../../src/inbox/route';
import { shortcutOf, step } from '../../src/inbox/shortcuts';

const key = (k: string, extra: Partial<{ altKey: boolean; ctrlKey: boolean; tag: string }> = {}) => ({
  key: k,
  altKey: extra.altKey ?? false,
  ctrlKey: extra.ctrlKey ?? false,
  metaKey: false,
  target: { tagName: extra.tag ?? 'BODY', isContentEditable: false } as unknown as EventTarget,
});

describe('inbox routes', () => {
  it('reads the view, the conversation, the filters and the search', () => {
    const route = parseInboxRoute('/inbox/mine/c-1', new URLSearchParams('tag=t1&agent=a1&q=refund'));
    expect(route).toEqual({ view: 'mine', conversationId: 'c-1', filters: { group: undefined, tag: 't1', agent: 'a1' }, q: 'refund' });
    expect(inboxHref(route, { conversationId: null })).toBe('/inbox/mine?tag=t1&agent=a1&q=refund');
  });

  it.each(['/', '/inbox', '/inbox/nonsense/c-1'])('falls back to all open for %s', (path) => {
    expect(parseInboxRoute(path, new URLSearchParams())).toMatchObject({ view: 'open', conversationId: null });
  });
});

describe('inbox shortcuts', () => {
  it.each([
    ['j', {}, 'next'],
    ['k', {}, 'previous'],
    ['a', {}, 'assign'],
    ['c', {}, 'close'],
    ['/', {}, 'search'],
    ['ArrowDown', { altKey: true, tag: 'TEXTAREA' }, 'next'],
    ['ArrowUp', { altKey: true }, 'previous'],
    ['j', { tag: 'TEXTAREA' }, null],
    ['c', { tag: 'INPUT' }, null],
    ['c', { ctrlKey: true }, null],
    ['x', {}, null],
  ])('%s %j → %s', (k, extra, expected) => {
    expect(shortcutOf(key(k, extra))).toBe(expected);
  });

  it.each([
    [['a', 'b', 'c'], 'b', 1, 'c'],
    [['a', 'b', 'c'], 'c', 1, 'c'],
    [['a', 'b', 'c'], 'a', -1, 'a'],
    [['a', 'b', 'c'], null, 1, 'a'],
    [['a', 'b', 'c'], 'gone', -1, 'c'],
    [[], null, 1, null],
  ])('steps through %j from %s by %i to %s', (ids, current, direction, expected) => {
    expect(step(ids, current, direction as 1 | -1)).toBe(expected);
  });
});
