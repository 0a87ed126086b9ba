import { describe, expect, it } from 'vitest';
import { EphemeralStore } from '../../src/realtime/ephemeral';
import { shouldNotify } from '../../src/notify/notifier';

describe('EphemeralStore', () => {
  it('lets typing lapse when its stop signal is lost', () => {
    let now = 0;
    const store = new EphemeralStore(() => now);
    store.setTyping('c1', { kind: 'visitor', id: 'v1' }, true, 'draft');
    expect(store.typingIn('c1')).toHaveLength(1);
    now = 6_001;
    expect(store.typingIn('c1')).toEqual([]);
  });

  it('keeps one entry per participant, the latest preview', () => {
    const store = new EphemeralStore(() => 0);
    store.setTyping('c1', { kind: 'visitor', id: 'v1' }, true, 'I ne');
    store.setTyping('c1', { kind: 'visitor', id: 'v1' }, true, 'I need help');
    store.setTyping('c1', { kind: 'agent', id: 'a2' }, true, '');
    expect(store.typingIn('c1').map((t) => t.preview)).toEqual(['I need help', '']);
    store.setTyping('c1', { kind: 'agent', id: 'a2' }, false, '');
    expect(store.typingIn('c1').map((t) => t.who.id)).toEqual(['v1']);
  });

  it('tells listeners about presence changes, not about repeats', () => {
    const store = new EphemeralStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.setPresence('a', 'online');
    store.setPresence('a', 'online');
    store.setPresence('a', 'away');
    expect(calls).toBe(2);
    expect(store.presenceOf('a')).toBe('away');
  });
});

describe('shouldNotify', () => {
  it.each([
    ['c1', 'c1', false, false],
    ['c1', 'c2', false, true],
    ['c1', null, false, true],
    ['c1', 'c1', true, true],
  ])('a message in %s with %s on screen, hidden %s → %s', (conversation, focused, hidden, expected) => {
    expect(shouldNotify(conversation, focused, hidden)).toBe(expected);
  });
});
