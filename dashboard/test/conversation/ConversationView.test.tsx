import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Role, Website } from '../../src/api/types';
import { ConversationActions } from '../../src/conversation/ConversationActions';
import { authorName, MessageList } from '../../src/conversation/MessageList';
import type { useConversationAction } from '../../src/conversation/useConversationAction';
import type { ConversationDetails, MessageView } from '../../src/inbox/types';
import { roleCan } from '../../src/session/permissions';
import { SessionContextProvider, type Session } from '../../src/session/session';

const ME = 'me';
const visitor = { id: 'v1', label: 'Cheerful Otter 93', name: null };
const members = [{ agent_id: 'a2', email: 'b@x.test', name: 'Bea', role: 'agent' as Role, max_concurrent_chats: 5, accepting_chats: true, joined_at: '' }];

const message = (seq: number, kind: MessageView['kind'], author: MessageView['author'], body: string): MessageView => ({
  id: `m${seq}`,
  conversation_id: 'c1',
  thread_id: 't1',
  seq,
  author,
  kind,
  body,
  created_at: '2026-11-30T10:00:00Z',
});

describe('MessageList', () => {
  const html = renderToStaticMarkup(
    <MessageList
      messages={[
        message(1, 'text', { kind: 'visitor', id: 'v1' }, 'Hello'),
        message(2, 'system', { kind: 'system' }, 'Bea joined'),
        message(3, 'note', { kind: 'agent', id: 'a2' }, 'VIP'),
        message(4, 'text', { kind: 'agent', id: ME }, 'Hi!'),
        message(-1, 'text', { kind: 'agent', id: ME }, 'sending'),
      ]}
      visitor={visitor}
      members={members}
      me={ME}
      hasMore
      onLoadEarlier={async () => {}}
    />,
  );

  it('sets notes apart, shows system events as lines and pending messages as sending', () => {
    expect(html).toContain('msg msg--out msg--note');
    expect(html).toContain('Internal note');
    expect(html).toMatch(/<p class="msg-system"[^>]*>Bea joined/);
    expect(html).toContain('msg--pending');
    expect(html).toContain('Sending…');
    expect(html).toContain('Load earlier messages');
  });

  it.each([
    [{ kind: 'visitor', id: 'v1' }, 'Cheerful Otter 93'],
    [{ kind: 'agent', id: ME }, 'You'],
    [{ kind: 'agent', id: 'a2' }, 'Bea'],
    [{ kind: 'agent', id: 'gone', name: 'Former Agent' }, 'Former Agent'],
    [{ kind: 'bot', name: 'Shopbot' }, 'Shopbot'],
    [{ kind: 'system' }, 'System'],
  ] as const)('names the author %j %s', (author, name) => {
    expect(authorName(message(1, 'text', author, ''), visitor, members, ME)).toBe(name);
  });
});

describe('ConversationActions', () => {
  const conversation = (overrides: Partial<ConversationDetails> = {}): ConversationDetails => ({
    id: 'c1',
    visitor,
    status: 'active',
    agent_id: 'a2',
    last_seq: 4,
    last_message_at: '',
    created_at: '',
    unread_count: 0,
    tags: [],
    ...overrides,
  });

  const render = (role: Role, c: ConversationDetails) => {
    const session: Session = {
      agent: { id: ME, email: 'me@x.test', name: 'Me' },
      websites: [],
      website: { id: 'w1', role } as Website,
      selectWebsite: () => {},
      can: (p) => roleCan(role, p),
      signOut: async () => {},
      reloadWebsites: async () => {},
    };
    const action = { isPending: false, isError: false, mutate: () => {} } as unknown as ReturnType<typeof useConversationAction>;
    return renderToStaticMarkup(
      <SessionContextProvider value={session}>
        <ConversationActions conversation={c} members={members} groups={[]} tags={[]} action={action} />
      </SessionContextProvider>,
    );
  };

  it.each([
    ['supervisor', conversation(), ['Assign to me', 'Assign to…', 'Resolve', 'Close', 'Tags']],
    ['agent', conversation(), ['Assign to me', 'Tags']],
    ['agent', conversation({ agent_id: ME }), ['Resolve', 'Close', 'Tags']],
    ['viewer', conversation(), []],
    ['owner', conversation({ status: 'closed' }), ['Reopen', 'Tags']],
  ] as const)('a %s sees the actions its role allows', (role, c, labels) => {
    const html = render(role, c);
    for (const label of ['Assign to me', 'Assign to…', 'Resolve', 'Close', 'Reopen', 'Tags']) {
      expect(html.includes(`>${label}<`), label).toBe((labels as readonly string[]).includes(label));
    }
  });
});
