/** Shapes of the API answers the dashboard reads (see each service's OpenAPI document). */

type RoleName = 'owner' | 'admin' | 'supervisor' | 'agent' | 'viewer';

/**
 * A member's role. The services answer it in lower case while their OpenAPI documents list the enum in upper case,
 * so both spellings are accepted; `roleCan` compares without case.
 */
export type Role = RoleName | Uppercase<RoleName>;

/** The signed-in agent, as identity describes it. */
export interface Agent {
  id: string;
  email: string;
  name: string;
  avatar_url?: string;
  /** Whether the agent proved they own the email; identity's `GET /v1/auth/me` always answers it. */
  email_verified?: boolean;
}

/** Identity's answer to sign-up, sign-in and refresh. */
export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token: string;
  refresh_expires_in: number;
  agent: Agent;
}

export interface PreChatField {
  kind: 'name' | 'email' | 'phone' | 'custom';
  label: string;
  required?: boolean;
}

export interface TimeRange {
  from: string;
  to: string;
}

export interface BusinessHours {
  time_zone: string;
  days: Partial<Record<'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday', TimeRange[]>>;
}

export interface WidgetSettings {
  color?: string;
  position?: 'left' | 'right';
  greeting?: string;
  away_message?: string;
  language?: string;
  pre_chat_fields?: PreChatField[];
  business_hours?: BusinessHours | null;
  visitor_session_hours?: number;
  sneak_peek?: boolean;
}

/** A website as its members see it (websites' `WebsiteView`). */
export interface Website {
  id: string;
  name: string;
  domains: string[];
  allowed_origins: string[];
  widget: WidgetSettings;
  public_key?: string | null;
  role: Role;
  created_at: string;
  updated_at: string;
  deleted_at?: string | null;
  secret_key?: string | null;
}

/** A member of a website (websites' `MemberView`). */
export interface Member {
  agent_id: string;
  email: string;
  name: string;
  role: Role;
  max_concurrent_chats: number;
  accepting_chats: boolean;
  joined_at: string;
}

/** A group of agents (websites' `GroupView`). */
export interface Group {
  id: string;
  name: string;
  routing: 'ROUND_ROBIN' | 'LEAST_LOADED' | 'STICKY';
  is_default: boolean;
  member_agent_ids: string[];
  created_at: string;
  updated_at: string;
}

/** A canned response (websites' `CannedResponseView`). */
export interface CannedResponse {
  id: string;
  shortcut: string;
  text: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A realtime ticket (websites' `Ticket`). */
export interface Ticket {
  ticket: string;
  expires_at: string;
  websites: { id: string; role: Role }[];
}

/** A member's presence as conversations answers it; `last_seen_at` only for an offline agent an edge once announced. */
export interface MemberPresence {
  agent_id: string;
  status: 'online' | 'away' | 'offline';
  last_seen_at?: string;
}

/** `GET /v1/inbox/{websiteId}/presence`: every member's presence, read at `at`. */
export interface TeamPresence {
  at: string;
  agents: MemberPresence[];
}
