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

describe('EphemeralStore presence loaded from the server', () => {
  it('takes the loaded state of agents no frame spoke about', () => {
    const store = new EphemeralStore();
    store.loadPresence(
      [
        { agentId: 'a', status: 'online' },
        { agentId: 'b', status: 'away' },
        { agentId: 'c', status: 'offline' },
      ],
      store.presenceMark(),
    );
    expect(['a', 'b', 'c'].map((id) => store.presenceOf(id))).toEqual(['online', 'away', 'offline']);
  });

  it('keeps a frame that arrived while the request was on its way over the older loaded state', () => {
    const store = new EphemeralStore();
    const mark = store.presenceMark();
    store.setPresence('a', 'away');
    store.loadPresence(
      [
        { agentId: 'a', status: 'online' },
        { agentId: 'b', status: 'online' },
      ],
      mark,
    );
    expect(store.presenceOf('a')).toBe('away');
    expect(store.presenceOf('b')).toBe('online');
  });

  it('lets a later load correct a frame that arrived before the request left', () => {
    const store = new EphemeralStore();
    store.setPresence('a', 'online');
    store.loadPresence([{ agentId: 'a', status: 'offline' }], store.presenceMark());
    expect(store.presenceOf('a')).toBe('offline');
  });

  it('applies frames after a load on top of it', () => {
    const store = new EphemeralStore();
    store.loadPresence([{ agentId: 'a', status: 'offline' }], store.presenceMark());
    store.setPresence('a', 'online');
    expect(store.presenceOf('a')).toBe('online');
  });

  it('tells listeners once per load that changes something, not about a load that changes nothing', () => {
    const store = new EphemeralStore();
    let calls = 0;
    store.subscribe(() => calls++);
    const entries = [
      { agentId: 'a', status: 'online' as const },
      { agentId: 'b', status: 'away' as const },
    ];
    store.loadPresence(entries, store.presenceMark());
    store.loadPresence(entries, store.presenceMark());
    expect(calls).toBe(1);
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
