import type { Actor } from './eventData';

/** Who is typing in a conversation, with the sneak peek of a visitor's draft when the website shares it. */
export interface Typing {
  who: Actor;
  preview: string;
  until: number;
}

export type Presence = 'online' | 'away' | 'offline';

const TYPING_TTL_MS = 6_000;

/**
 * What the realtime stream says that no REST call returns: who is typing where and teammates' presence. Never
 * replayed by the edge, so it lives outside the query cache; typing lapses by itself if its stop signal is lost.
 */
export class EphemeralStore {
  private typing = new Map<string, Typing[]>();
  private presence = new Map<string, Presence>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(private readonly now: () => number = Date.now) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever anything in the store changes (for useSyncExternalStore). */
  getVersion = (): number => this.version;

  setTyping(conversationId: string, who: Actor, typing: boolean, preview: string): void {
    const others = (this.typing.get(conversationId) ?? []).filter((t) => !(t.who.kind === who.kind && t.who.id === who.id));
    if (typing) others.push({ who, preview, until: this.now() + TYPING_TTL_MS });
    if (others.length) this.typing.set(conversationId, others);
    else this.typing.delete(conversationId);
    this.changed();
  }

  /** Someone who sent a message stopped typing it. */
  stoppedByMessage(conversationId: string, who: Actor): void {
    if (this.typing.get(conversationId)?.some((t) => t.who.kind === who.kind && t.who.id === who.id)) {
      this.setTyping(conversationId, who, false, '');
    }
  }

  typingIn(conversationId: string): Typing[] {
    const now = this.now();
    return (this.typing.get(conversationId) ?? []).filter((t) => t.until > now);
  }

  setPresence(agentId: string, status: Presence): void {
    if (this.presence.get(agentId) === status) return;
    this.presence.set(agentId, status);
    this.changed();
  }

  /** Sets several agents' presence at once (the agent-stats snapshot). */
  seedPresence(entries: { agentId: string; status: Presence }[]): void {
    for (const { agentId, status } of entries) this.presence.set(agentId, status);
    this.changed();
  }

  presenceOf(agentId: string): Presence | undefined {
    return this.presence.get(agentId);
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
