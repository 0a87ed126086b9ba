import type { Frame } from './types';
import { webUrl } from './url';

/** An agent as the widget session names them. */
export interface AgentProfile {
  id: string;
  name?: string | null;
  avatar_url?: string | null;
}

/**
 * The agents' side of the visitor's conversation: how far agents have read (from the session's snapshot, then from
 * live `message:read` frames, never back) and their avatars by agent id.
 */
export class AgentSide {
  readSeq = 0;
  private _avatars: Record<string, string> = {};
  private _known: Record<string, 1> = {};

  /** Takes the session's `agent_read_seq` and `agents`. */
  load(readSeq: number | undefined, agents: AgentProfile[] | undefined): void {
    this.readSeq = Math.max(this.readSeq, Number(readSeq) || 0);
    (agents || []).forEach((a) => this.add(a));
  }

  /** Takes an agent's profile. */
  add(agent: AgentProfile): void {
    const url = webUrl(agent.avatar_url);
    this._known[agent.id] = 1;
    if (url) this._avatars[agent.id] = url.href;
  }

  /** Whether the profile of agent `id` is still to be asked for: true once per unknown id. */
  missing(id: string | null | undefined): boolean {
    if (!id || this._known[id]) return false;
    this._known[id] = 1;
    return true;
  }

  /** Applies a `message:read` frame; returns whether an agent's read moved the mark forward. */
  read(frame: Frame): boolean {
    const data = frame.data || {};
    const seq = Number(data.seq || frame.seq) || 0;
    if (!data.reader || data.reader.kind !== 'ACTOR_KIND_AGENT' || seq <= this.readSeq) return false;
    this.readSeq = seq;
    return true;
  }

  /** The agent's avatar URL (http or https), or '' when none is known. */
  avatar(id: string | null | undefined): string {
    return (id && this._avatars[id]) || '';
  }
}
