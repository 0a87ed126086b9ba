import type { Role } from '../api/types';

type RoleName = Lowercase<Role>;

const ALL: RoleName[] = ['owner', 'admin', 'supervisor', 'agent', 'viewer'];
const WRITERS: RoleName[] = ['owner', 'admin', 'supervisor', 'agent'];
const MANAGERS: RoleName[] = ['owner', 'admin', 'supervisor'];
const ADMINS: RoleName[] = ['owner', 'admin'];

/**
 * docs/permissions.md's matrix: websites' permissions (`dev.zendo.websites.access.Permission`), conversations'
 * (`ConversationPermission`) and notifications' (`dev.zendo.notifications.access.Permission`), by name, with the roles
 * allowed each.
 */
export const PERMISSIONS: Readonly<Record<string, readonly RoleName[]>> = {
  VIEW_WEBSITE: ALL,
  UPDATE_WEBSITE: ADMINS,
  DELETE_WEBSITE: ['owner'],
  RESTORE_WEBSITE: ['owner'],
  VIEW_KEYS: ADMINS,
  MANAGE_KEYS: ADMINS,
  VIEW_MEMBERS: ALL,
  MANAGE_MEMBERS: ADMINS,
  MANAGE_OWNERS: ['owner'],
  SET_OWN_AVAILABILITY: WRITERS,
  LEAVE_WEBSITE: ALL,
  MANAGE_INVITATIONS: ADMINS,
  VIEW_GROUPS: ALL,
  MANAGE_GROUPS: MANAGERS,
  VIEW_CANNED_RESPONSES: ALL,
  MANAGE_CANNED_RESPONSES: MANAGERS,
  SUBSCRIBE_REALTIME: ALL,
  VIEW_ALL_CONVERSATIONS: ['owner', 'admin', 'supervisor', 'viewer'],
  VIEW_OWN_AND_QUEUE: ALL,
  REPLY: WRITERS,
  WRITE_NOTES: WRITERS,
  ASSIGN_SELF: WRITERS,
  ASSIGN_OTHERS: MANAGERS,
  CLOSE_REOPEN: WRITERS,
  MANAGE_TAG_DEFINITIONS: MANAGERS,
  TAG_CONVERSATIONS: WRITERS,
  SEARCH: ALL,
  VIEW_VISITORS: ALL,
  VIEW_AGENT_STATS: MANAGERS,
  MANAGE_IDENTITY_SECRET: ADMINS,
  VIEW_AUDIT_LOG: ADMINS,
  OWN_PREFERENCES: ALL,
  READ_NOTIFICATION_LOG: ADMINS,
  MANAGE_WEBHOOKS: ADMINS,
};

/** Whether `role` has `permission`; unknown permissions and no role are refused. */
export function roleCan(role: Role | undefined, permission: string): boolean {
  if (!role) return false;
  return PERMISSIONS[permission]?.includes(role.toLowerCase() as RoleName) ?? false;
}
