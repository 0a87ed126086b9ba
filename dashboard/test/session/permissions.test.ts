import { describe, expect, it } from 'vitest';
import { roleCan } from '../../src/session/permissions';

describe('roleCan', () => {
  it.each([
    ['owner', 'DELETE_WEBSITE', true],
    ['admin', 'DELETE_WEBSITE', false],
    ['admin', 'MANAGE_KEYS', true],
    ['supervisor', 'MANAGE_KEYS', false],
    ['supervisor', 'ASSIGN_OTHERS', true],
    ['agent', 'ASSIGN_OTHERS', false],
    ['agent', 'REPLY', true],
    ['agent', 'VIEW_ALL_CONVERSATIONS', false],
    ['viewer', 'VIEW_ALL_CONVERSATIONS', true],
    ['viewer', 'REPLY', false],
    ['viewer', 'SET_OWN_AVAILABILITY', false],
    ['SUPERVISOR', 'VIEW_AGENT_STATS', true],
    ['admin', 'MANAGE_WEBHOOKS', true],
    ['supervisor', 'MANAGE_WEBHOOKS', false],
    ['owner', 'READ_NOTIFICATION_LOG', true],
    ['agent', 'READ_NOTIFICATION_LOG', false],
    ['viewer', 'OWN_PREFERENCES', true],
    ['owner', 'NO_SUCH_PERMISSION', false],
    [undefined, 'VIEW_WEBSITE', false],
  ] as const)('%s may %s: %s', (role, permission, expected) => {
    expect(roleCan(role, permission)).toBe(expected);
  });
});
