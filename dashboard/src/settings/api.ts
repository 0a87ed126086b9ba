import { apiFetch } from '../api/client';
import type { CannedResponse, Group, Member } from '../api/types';

/** A member's role as the websites API writes it. */
export type Role = 'owner' | 'admin' | 'supervisor' | 'agent' | 'viewer';

/** The roles, most powerful first. */
export const ROLES: Role[] = ['owner', 'admin', 'supervisor', 'agent', 'viewer'];

/** A website key as admins see it; `secret` only in the answer that issued it. */
export type KeyView = {
  id: string;
  kind: 'public' | 'secret';
  public_key?: string | null;
  hint: string;
  current: boolean;
  active: boolean;
  created_at: string;
  expires_at?: string | null;
  revoked_at?: string | null;
  secret?: string | null;
};

/** A member of the website, with the role in the case the websites API writes it. */
export type MemberView = Omit<Member, 'role'> & { role: Role };

/** An open invitation; `token` only in the answer that created it. */
export type InvitationView = {
  id: string;
  email: string;
  role: Role;
  invited_by: string;
  created_at: string;
  expires_at: string;
  token?: string | null;
};

/** How a group hands out new conversations. */
export type Routing = 'round_robin' | 'least_loaded' | 'sticky';

/** A group of agents, with the routing in the case the websites API writes it. */
export type GroupView = Omit<Group, 'routing'> & { routing: Routing };

/** A canned response. */
export type CannedResponseView = CannedResponse;

/** A tag definition, live or deleted. */
export type TagView = {
  id: string;
  name: string;
  color: string;
  deleted: boolean;
  created_at: string;
  updated_at: string;
  deleted_at?: string | null;
};

/** An identity-verification secret as listings show it (never the secret). */
export type SecretView = {
  id: string;
  hint: string;
  current: boolean;
  created_by: string;
  created_at: string;
  expires_at?: string | null;
};

/** A new identity-verification secret, in the one answer that shows it. */
export type IssuedSecret = {
  id: string;
  secret: string;
  hint: string;
  created_at: string;
  previous_valid_until?: string | null;
};

/** The optional mails a member gets about one website, by kind (`new_conversation`, `assignment`), each on or off. */
export type NotificationPreferences = { email: Record<string, boolean> };

/** What became of a notification in the website's log. */
export type NotificationStatus = 'queued' | 'delivered' | 'suppressed' | 'failed';

/** One notification of the website's log; `reason` only when suppressed or failed. */
export type NotificationView = {
  id: string;
  kind: string;
  channel: string;
  event_id: string;
  recipient_agent_id?: string | null;
  recipient_email: string;
  status: NotificationStatus;
  reason?: string | null;
  attempts: number;
  created_at: string;
  updated_at: string;
};

/** A page of the notification log, newest first; `next_cursor` absent on the last page. */
export type NotificationPage = { notifications: NotificationView[]; next_cursor?: string | null };

/** The notification log's filters, both optional. */
export type NotificationFilter = { status?: string; kind?: string };

/** A webhook subscription as listed (never its secret). */
export type WebhookView = {
  id: string;
  website_id: string;
  url: string;
  event_types: string[];
  description?: string | null;
  active: boolean;
  secret_hint: string;
  consecutive_failures: number;
  disabled_at?: string | null;
  created_at: string;
  updated_at: string;
};

/** A new subscription, in the one answer that shows its `whsec_` secret. */
export type CreatedWebhook = Omit<WebhookView, 'consecutive_failures' | 'disabled_at' | 'updated_at'> & { secret: string };

/** A subscription's new secret, in the one answer that shows it. */
export type RotatedSecret = { id: string; secret: string; secret_hint: string };

/** What a webhook form sends: the whole subscription on creation, the changed fields on an update. */
export type WebhookBody = { url?: string; event_types?: string[]; description?: string; active?: boolean };

/** One attempt of a delivery; `status_code` absent when no answer came. */
export type AttemptView = {
  attempted_at: string;
  status_code?: number | null;
  latency_ms: number;
  response_excerpt?: string | null;
  error?: string | null;
  manual: boolean;
};

/** One event's delivery to a subscription, with every attempt, oldest first. */
export type DeliveryView = {
  id: string;
  event_id: string;
  event_type: string;
  status: 'pending' | 'delivered' | 'failed';
  created_at: string;
  next_attempt_at?: string | null;
  finished_at?: string | null;
  attempts: AttemptView[];
};

/** A page of a subscription's delivery log, newest first. */
export type DeliveryPage = { deliveries: DeliveryView[]; next_cursor?: string | null };

const site = (websiteId: string) => `/v1/websites/${encodeURIComponent(websiteId)}`;
const inbox = (websiteId: string) => `/v1/inbox/${encodeURIComponent(websiteId)}`;
const id = encodeURIComponent;

/** Query keys of the settings screens, under the website's key as the whole dashboard does. */
export const settingsKeys = {
  keys: (websiteId: string) => ['website', websiteId, 'keys'] as const,
  members: (websiteId: string) => ['website', websiteId, 'members'] as const,
  invitations: (websiteId: string) => ['website', websiteId, 'invitations'] as const,
  groups: (websiteId: string) => ['website', websiteId, 'groups'] as const,
  cannedResponses: (websiteId: string) => ['website', websiteId, 'canned-responses'] as const,
  tags: (websiteId: string) => ['website', websiteId, 'tags'] as const,
  tagDefinitions: (websiteId: string) => ['website', websiteId, 'tags', 'with-deleted'] as const,
  identitySecrets: (websiteId: string) => ['website', websiteId, 'identity-secrets'] as const,
  notificationPreferences: (websiteId: string) => ['website', websiteId, 'notification-preferences'] as const,
  notifications: (websiteId: string, filter: NotificationFilter) => ['website', websiteId, 'notifications', filter] as const,
  webhooks: (websiteId: string) => ['website', websiteId, 'webhooks'] as const,
  deliveries: (websiteId: string, webhookId: string) => ['website', websiteId, 'webhooks', webhookId, 'deliveries'] as const,
};

/** `path` with the given query parameters, the empty ones left out. */
function withQuery(path: string, parameters: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(parameters).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** The settings screens' calls to the websites, conversations and notifications APIs. */
export const settingsApi = {
  updateWebsite: (websiteId: string, body: Record<string, unknown>) =>
    apiFetch<unknown>(site(websiteId), { method: 'PATCH', body }),

  keys: (websiteId: string) => apiFetch<KeyView[]>(`${site(websiteId)}/keys`),
  rotateKey: (websiteId: string, kind: 'public' | 'secret') =>
    apiFetch<KeyView>(`${site(websiteId)}/keys/rotate`, { method: 'POST', body: { kind } }),
  revokeKey: (websiteId: string, keyId: string) =>
    apiFetch<KeyView>(`${site(websiteId)}/keys/${id(keyId)}/revoke`, { method: 'POST' }),

  members: (websiteId: string) => apiFetch<MemberView[]>(`${site(websiteId)}/members`),
  updateMember: (websiteId: string, agentId: string, body: Partial<Pick<MemberView, 'max_concurrent_chats' | 'accepting_chats'>> & { role?: Role }) =>
    apiFetch<MemberView>(`${site(websiteId)}/members/${id(agentId)}`, { method: 'PATCH', body }),
  removeMember: (websiteId: string, agentId: string) =>
    apiFetch<void>(`${site(websiteId)}/members/${id(agentId)}`, { method: 'DELETE' }),

  invitations: (websiteId: string) => apiFetch<InvitationView[]>(`${site(websiteId)}/invitations`),
  invite: (websiteId: string, email: string, role: Role) =>
    apiFetch<InvitationView>(`${site(websiteId)}/invitations`, { method: 'POST', body: { email, role } }),
  revokeInvitation: (websiteId: string, invitationId: string) =>
    apiFetch<void>(`${site(websiteId)}/invitations/${id(invitationId)}`, { method: 'DELETE' }),

  groups: (websiteId: string) => apiFetch<GroupView[]>(`${site(websiteId)}/groups`),
  createGroup: (websiteId: string, name: string, routing: Routing) =>
    apiFetch<GroupView>(`${site(websiteId)}/groups`, { method: 'POST', body: { name, routing } }),
  updateGroup: (websiteId: string, groupId: string, body: { name?: string; routing?: Routing; is_default?: boolean }) =>
    apiFetch<GroupView>(`${site(websiteId)}/groups/${id(groupId)}`, { method: 'PATCH', body }),
  deleteGroup: (websiteId: string, groupId: string) =>
    apiFetch<void>(`${site(websiteId)}/groups/${id(groupId)}`, { method: 'DELETE' }),
  addGroupMember: (websiteId: string, groupId: string, agentId: string) =>
    apiFetch<GroupView>(`${site(websiteId)}/groups/${id(groupId)}/members/${id(agentId)}`, { method: 'PUT' }),
  removeGroupMember: (websiteId: string, groupId: string, agentId: string) =>
    apiFetch<GroupView>(`${site(websiteId)}/groups/${id(groupId)}/members/${id(agentId)}`, { method: 'DELETE' }),

  cannedResponses: (websiteId: string) => apiFetch<CannedResponseView[]>(`${site(websiteId)}/canned-responses?limit=1000`),
  createCannedResponse: (websiteId: string, shortcut: string, text: string) =>
    apiFetch<CannedResponseView>(`${site(websiteId)}/canned-responses`, { method: 'POST', body: { shortcut, text } }),
  updateCannedResponse: (websiteId: string, responseId: string, body: { shortcut?: string; text?: string }) =>
    apiFetch<CannedResponseView>(`${site(websiteId)}/canned-responses/${id(responseId)}`, { method: 'PATCH', body }),
  deleteCannedResponse: (websiteId: string, responseId: string) =>
    apiFetch<void>(`${site(websiteId)}/canned-responses/${id(responseId)}`, { method: 'DELETE' }),

  tagDefinitions: (websiteId: string) => apiFetch<TagView[]>(`${inbox(websiteId)}/tags?include_deleted=true`),
  createTag: (websiteId: string, name: string, color: string) =>
    apiFetch<TagView>(`${inbox(websiteId)}/tags`, { method: 'POST', body: { name, color } }),
  updateTag: (websiteId: string, tagId: string, body: { name?: string; color?: string }) =>
    apiFetch<TagView>(`${inbox(websiteId)}/tags/${id(tagId)}`, { method: 'PATCH', body }),
  deleteTag: (websiteId: string, tagId: string) =>
    apiFetch<void>(`${inbox(websiteId)}/tags/${id(tagId)}`, { method: 'DELETE' }),
  restoreTag: (websiteId: string, tagId: string) =>
    apiFetch<TagView>(`${inbox(websiteId)}/tags/${id(tagId)}/restore`, { method: 'POST' }),

  identitySecrets: (websiteId: string) => apiFetch<SecretView[]>(`${inbox(websiteId)}/identity-verification/secrets`),
  rotateIdentitySecret: (websiteId: string, overlapSeconds: number) =>
    apiFetch<IssuedSecret>(`${inbox(websiteId)}/identity-verification/secrets`, {
      method: 'POST',
      body: { overlap_seconds: overlapSeconds },
    }),
  revokeIdentitySecret: (websiteId: string, secretId: string) =>
    apiFetch<void>(`${inbox(websiteId)}/identity-verification/secrets/${id(secretId)}`, { method: 'DELETE' }),

  notificationPreferences: (websiteId: string) =>
    apiFetch<NotificationPreferences>(`${site(websiteId)}/notification-preferences`),
  putNotificationPreferences: (websiteId: string, body: NotificationPreferences) =>
    apiFetch<NotificationPreferences>(`${site(websiteId)}/notification-preferences`, { method: 'PUT', body }),

  notifications: (websiteId: string, filter: NotificationFilter, cursor?: string) =>
    apiFetch<NotificationPage>(withQuery(`${site(websiteId)}/notifications`, { ...filter, cursor })),

  webhooks: (websiteId: string) => apiFetch<WebhookView[]>(`${site(websiteId)}/webhooks`),
  createWebhook: (websiteId: string, body: WebhookBody) =>
    apiFetch<CreatedWebhook>(`${site(websiteId)}/webhooks`, { method: 'POST', body }),
  updateWebhook: (websiteId: string, webhookId: string, body: WebhookBody) =>
    apiFetch<WebhookView>(`${site(websiteId)}/webhooks/${id(webhookId)}`, { method: 'PATCH', body }),
  deleteWebhook: (websiteId: string, webhookId: string) =>
    apiFetch<void>(`${site(websiteId)}/webhooks/${id(webhookId)}`, { method: 'DELETE' }),
  rotateWebhookSecret: (websiteId: string, webhookId: string) =>
    apiFetch<RotatedSecret>(`${site(websiteId)}/webhooks/${id(webhookId)}/rotate-secret`, { method: 'POST' }),
  deliveries: (websiteId: string, webhookId: string, cursor?: string) =>
    apiFetch<DeliveryPage>(withQuery(`${site(websiteId)}/webhooks/${id(webhookId)}/deliveries`, { cursor })),
  redeliver: (websiteId: string, webhookId: string, deliveryId: string) =>
    apiFetch<DeliveryView>(`${site(websiteId)}/webhooks/${id(webhookId)}/deliveries/${id(deliveryId)}/redeliver`, { method: 'POST' }),
};
