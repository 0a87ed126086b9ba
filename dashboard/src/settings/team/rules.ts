import type { MemberView, Role } from '../api';

/** What the caller may do to one member, from the permission matrix (docs/permissions.md). */
export type MemberRights = { changeRole: boolean; changeSettings: boolean; remove: boolean; roles: Role[] };

/** The caller's rights over `member`: owners are touched only with MANAGE_OWNERS; oneself may always leave. */
export function memberRights(
  member: MemberView,
  selfId: string,
  can: (permission: string) => boolean,
  permissions: { manageMembers: string; manageOwners: string },
): MemberRights {
  const ownersToo = can(permissions.manageOwners);
  const manage = can(permissions.manageMembers) && (member.role !== 'owner' || ownersToo);
  const roles: Role[] = ownersToo ? ['owner', 'admin', 'supervisor', 'agent', 'viewer'] : ['admin', 'supervisor', 'agent', 'viewer'];
  return { changeRole: manage, changeSettings: manage, remove: manage || member.agent_id === selfId, roles };
}

/** The roles an inviter may offer: owner only to owners. */
export function invitableRoles(can: (permission: string) => boolean, manageOwners: string): Role[] {
  return can(manageOwners) ? ['owner', 'admin', 'supervisor', 'agent', 'viewer'] : ['admin', 'supervisor', 'agent', 'viewer'];
}

const EMAIL = /^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/;

/** The invitations API's email rule. */
export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}
