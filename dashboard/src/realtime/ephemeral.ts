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
 * What the realtime stream says about the moment: who is typing where, and teammates' presence (loaded over REST,
 * then kept by frames). Never replayed by the edge, so it lives outside the query cache; typing lapses by itself if its
 * stop signal is lost.
 */
export class EphemeralStore {
  private typing = new Map<string, Typing[]>();
  private presence = new Map<string, Presence>();
  /** Per agent, the number of the last presence frame about it (frames are counted from 1 as they arrive). */
  private presenceFrames = new Map<string, number>();
  private framesSeen = 0;
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

  /** A live presence frame: always the newest word about the agent. */
  setPresence(agentId: string, status: Presence): void {
    this.framesSeen += 1;
    this.presenceFrames.set(agentId, this.framesSeen);
    if (this.presence.get(agentId) === status) return;
    this.presence.set(agentId, status);
    this.changed();
  }

  /** Where the stream of presence frames stands; take it before asking the server for the presence state. */
  presenceMark(): number {
    return this.framesSeen;
  }

  /**
   * Merges the presence state the server answered to a request made at `mark`: each agent takes the loaded status
   * unless a frame about it arrived since the request left, which is newer than what the server read.
   */
  loadPresence(entries: { agentId: string; status: Presence }[], mark: number): void {
    let changed = false;
    for (const { agentId, status } of entries) {
      if ((this.presenceFrames.get(agentId) ?? 0) > mark || this.presence.get(agentId) === status) continue;
      this.presence.set(agentId, status);
      changed = true;
    }
    if (changed) this.changed();
  }

  presenceOf(agentId: string): Presence | undefined {
    return this.presence.get(agentId);
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
