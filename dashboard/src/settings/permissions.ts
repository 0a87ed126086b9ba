/** The permissions of docs/permissions.md the settings and stats screens ask `can()` about. */
export const Permission = {
  updateWebsite: 'UPDATE_WEBSITE',
  viewKeys: 'VIEW_KEYS',
  manageKeys: 'MANAGE_KEYS',
  manageMembers: 'MANAGE_MEMBERS',
  manageOwners: 'MANAGE_OWNERS',
  setOwnAvailability: 'SET_OWN_AVAILABILITY',
  manageInvitations: 'MANAGE_INVITATIONS',
  manageGroups: 'MANAGE_GROUPS',
  manageCannedResponses: 'MANAGE_CANNED_RESPONSES',
  manageTagDefinitions: 'MANAGE_TAG_DEFINITIONS',
  manageIdentitySecret: 'MANAGE_IDENTITY_SECRET',
  viewAgentStats: 'VIEW_AGENT_STATS',
  manageWebhooks: 'MANAGE_WEBHOOKS',
  readNotificationLog: 'READ_NOTIFICATION_LOG',
} as const;
