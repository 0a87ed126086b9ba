// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiFetch } from '../../src/api/client';
import { cannedPrefix, Composer } from '../../src/conversation/Composer';
import { RealtimeContextProvider, type Realtime } from '../../src/realtime/RealtimeProvider';
import { mountEach } from '../mountEach';

vi.mock('../../src/api/client', async (original) => ({
  ...(await original<typeof import('../../src/api/client')>()),
  apiFetch: vi.fn(),
}));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const canned = [
  { id: '1', shortcut: 'thanks', text: 'Thanks for reaching out!', created_by: 'a', created_at: '', updated_at: '' },
  { id: '2', shortcut: 'thx', text: 'Thank you!', created_by: 'a', created_at: '', updated_at: '' },
];

describe('Composer', () => {
  const mount = mountEach();
  let sent: Record<string, unknown>[];
  let send: ReturnType<typeof vi.fn>;

  const realtime: Realtime = {
    status: 'live',
    subscribe: () => () => {},
    send: (frame) => {
      sent.push(frame);
      return true;
    },
  };

  const render = async (conversationId = 'c1', roles = { canReply: true, canNote: true }) => {
    await act(async () => {
      mount.root.render(
        <QueryClientProvider client={new QueryClient()}>
          <RealtimeContextProvider value={realtime}>
            <Composer key={conversationId} websiteId="w1" conversationId={conversationId} {...roles} send={send} />
          </RealtimeContextProvider>
        </QueryClientProvider>,
      );
    });
  };

  const textarea = () => mount.container.querySelector('textarea')!;

  const type = async (value: string) => {
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setter.call(textarea(), value);
      textarea().dispatchEvent(new Event('input', { bubbles: true }));
    });
  };

  const press = async (key: string, init: KeyboardEventInit = {}) => {
    await act(async () => {
      textarea().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
    });
  };

  beforeEach(() => {
    sessionStorage.clear();
    sent = [];
    send = vi.fn(async () => {});
    vi.mocked(apiFetch).mockReset();
  });

  it('sends the reply on Enter, clears the field and tells the visitor typing started and stopped', async () => {
    await render();
    await type('Hello there');
    expect(sent[0]).toEqual({ type: 'typing', conversation_id: 'c1', typing: true });
    await press('Enter');
    expect(send).toHaveBeenCalledWith('Hello there', false);
    expect(textarea().value).toBe('');
    expect(sent.at(-1)).toEqual({ type: 'typing', conversation_id: 'c1', typing: false });
  });

  it('keeps a line break on Shift+Enter', async () => {
    await render();
    await type('line');
    await press('Enter', { shiftKey: true });
    expect(send).not.toHaveBeenCalled();
  });

  it('writes an internal note without sending typing signals', async () => {
    await render();
    await act(async () => (mount.container.querySelector('[data-testid="note-mode"]') as HTMLInputElement).click());
    await type('Only for the team');
    await press('Enter');
    expect(send).toHaveBeenCalledWith('Only for the team', true);
    expect(sent.filter((f) => f.typing === true)).toEqual([]);
    expect(mount.container.querySelector('form')!.className).toContain('composer--note');
  });

  it('offers canned responses after "/" and inserts the chosen one with the keyboard', async () => {
    vi.mocked(apiFetch).mockResolvedValue(canned);
    await render();
    await type('/th');
    await vi.waitFor(() => expect(mount.container.querySelectorAll('[role="option"]')).toHaveLength(2));
    expect(vi.mocked(apiFetch).mock.calls[0][0]).toBe('/v1/websites/w1/canned-responses?limit=20&prefix=th');
    await press('ArrowDown');
    expect(mount.container.querySelectorAll('[role="option"]')[1].getAttribute('aria-selected')).toBe('true');
    await press('Enter');
    expect(textarea().value).toBe('Thank you!');
    expect(send).not.toHaveBeenCalled();
  });

  it('puts the text back and shows the error when sending fails', async () => {
    send.mockRejectedValueOnce(Object.assign(new Error('Conversation is closed.'), {}));
    await render();
    await type('Are you there?');
    await press('Enter');
    expect(textarea().value).toBe('Are you there?');
    expect(mount.container.querySelector('[role="alert"]')!.textContent).toBe('Conversation is closed.');
  });

  it('keeps each conversation’s draft when switching between them', async () => {
    await render('c1');
    await type('draft for one');
    await render('c2');
    expect(textarea().value).toBe('');
    await type('draft for two');
    await render('c1');
    expect(textarea().value).toBe('draft for one');
  });

  it('says so instead of a composer for a role that may not write', async () => {
    await render('c1', { canReply: false, canNote: false });
    expect(mount.container.querySelector('textarea')).toBeNull();
    expect(mount.container.textContent).toContain('not write');
  });
});

describe('cannedPrefix', () => {
  it.each([
    ['/', ''],
    ['/thx', 'thx'],
    ['/ré-ponse_1', 'ré-ponse_1'],
    ['/thx now', null],
    ['hello /thx', null],
    ['', null],
  ])('%j → %j', (text, prefix) => {
    expect(cannedPrefix(text)).toBe(prefix);
  });
});
