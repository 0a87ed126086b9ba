import type { EventName, WidgetView } from './commands';
import { AgentSide, type AgentProfile } from './core/agents';
import { backoffDelay } from './core/backoff';
import { ApiFailure, request } from './core/http';
import { fromEvent, MessageList } from './core/messages';
import { Outbox, type Pending } from './core/outbox';
import { RealtimeClient } from './core/realtime';
import { localStore, readJson, writeJson } from './core/storage';
import { Tabs, type TabNote } from './core/tabs';
import { TypingSignal } from './core/typing';
import type { Frame, Message } from './core/types';
import { en, fill, loadTexts, pickLanguage, type Texts } from './i18n';
import { guard, warn } from './log';
import type { BootOptions, BootUser } from './options';
import { trackPageViews } from './pageviews';
import { whenBodyReady } from './ui/dom';
import type { Extras } from './extras-loader';
import { Panel } from './ui/panel';

/** The website's widget settings, as `POST /v1/widget/session` answers them. */
interface Settings {
  color: string;
  position: string;
  greeting: string;
  away_message: string;
  language: string;
  pre_chat_fields: { kind: string; label: string; required: boolean }[];
  visitor_session_hours: number;
  sneak_peek?: boolean;
  sound?: boolean;
}

/** The answer of `POST /v1/widget/session`. */
interface Session {
  visitor_token: string;
  visitor_token_expires_at: string;
  visitor: { id: string; label: string; name?: string; email?: string };
  conversation: {
    id: string;
    status: string;
    thread_id?: string;
    unread_count: number;
    messages: Message[];
    agent_read_seq?: number;
    agents?: AgentProfile[];
  } | null;
  settings: Settings;
  agents_online: boolean;
  queue_position: number | null;
  realtime: { url: string; cursor: string };
}

const ENDED = ['resolved', 'closed'];

/** A random UUID; `randomUUID` exists only in secure contexts, and a host page may be plain HTTP. */
function uuid(): string {
  const c = crypto;
  return c.randomUUID ? c.randomUUID() : Array.from(c.getRandomValues(new Uint8Array(16)), (x) => (x + 256).toString(16).slice(1)).join('');
}

/**
 * Boots the widget for one website: session, realtime, outbox, tabs and the panel. Everything the page could see
 * fail is caught and logged; the page never gets an exception.
 */
export function startWidget(
  options: BootOptions,
  emit: (event: EventName, payload: unknown) => void,
  base: string,
  langDir: string,
  extras: () => Promise<Extras>,
): WidgetView {
  const doc = document;
  const store = localStore();
  const prefix = 'zendo:' + options.websiteKey + ':';
  const keys = { token: prefix + 'token', outbox: prefix + 'outbox', settings: prefix + 'settings', sound: prefix + 'sound' };
  const messages = new MessageList();
  let settings = readJson<Settings | null>(store, keys.settings, null);
  let t: Texts = en;
  let language = 'en';
  let session: Session | null = null;
  let token: string | null = store.getItem(keys.token);
  let conversationId: string | null = null;
  let threadId: string | null = null;
  let agentName = '';
  let agentId: string | null | undefined = null;
  const agents = new AgentSide();
  let unread = 0;
  let readSeq = 0;
  let queue: number | null = null;
  let agentTyping = '';
  let live = false;
  let destroyed = false;
  let sessionAttempt = 0;
  let sessionTimer: ReturnType<typeof setTimeout> | undefined;
  let renewTimer: ReturnType<typeof setTimeout> | undefined;
  let refreshing: Promise<void> | null = null;
  let user: BootUser | undefined = options.user;
  const typingSignal = new TypingSignal((typing, draft) => {
    if (!conversationId || !realtime) return;
    const frame: Record<string, unknown> = { type: 'typing', conversation_id: conversationId, typing };
    if (draft) frame.text = draft;
    realtime.send(frame);
  });
  let soundOn = store.getItem(keys.sound) === null ? false : store.getItem(keys.sound) === '1';
  let realtime: RealtimeClient | null = null;
  let awayUsed = false;
  let email = '';
  let formTurn = 0;

  const api = <T>(method: string, path: string, body?: unknown) => request<T>(base, method, path, token, body);

  const panel = new Panel(t, {
    send: guard((body: string) => queueMessage({ client_msg_id: uuid(), body })),
    typing: guard((draft: string) => typing(draft)),
    toggle: guard((open: boolean) => setOpen(open, true)),
    sound: guard((on: boolean) => {
      soundOn = on;
      store.setItem(keys.sound, on ? '1' : '0');
      panel.setSound(on);
    }),
    rate: guard((stars: number) => rate(stars)),
    transcript: () => withExtras((x) => x.showTranscriptForm(panel, t, email, language, api)),
  });
  if (settings) panel.look(settings.color, settings.position, settings.greeting);
  else panel.look('', 'right', '');
  panel.setSound(soundOn);
  panel.setStatus(t.connecting);

  const outbox = new Outbox(
    store,
    keys.outbox,
    (item) => sendItem(item),
    {
      sent: guard((_item: Pending, message: Message) => {
        receive(message, true);
        tabs.post({ t: 'message', m: message });
        tabs.post({ t: 'outbox' });
        panel.setNotice(queueText());
      }),
      rejected: guard((_item: Pending, failure: ApiFailure) => {
        warn('message not sent:', failure.message);
        panel.setNotice(t.failed + ': ' + failure.message, true);
        render();
        tabs.post({ t: 'outbox' });
      }),
      waiting: guard((failure: ApiFailure) => {
        if (failure.status === 429) panel.setNotice(fill(t.slow, { n: Math.ceil((failure.retryAfter || 1000) / 1000) }), true);
        render();
      }),
    },
  );

  const tabs = new Tabs(prefix + 'tabs', keys.outbox, guard((note: TabNote) => {
    if (note.t === 'message') receive(note.m as Message, true);
    else if (note.t === 'read') setUnread(0);
    else render();
    if (note.t === 'outbox') outbox.flush();
  }));

  const stopPageViews = trackPageViews((page) => {
    if (token && session) api('POST', '/v1/widget/page-views', page).catch(() => undefined);
  });

  function queueText(): string {
    return queue ? fill(t.queue, { n: queue }) : '';
  }

  function render(): void {
    panel._transcript.hidden = !conversationId;
    panel.render(messages.all(), outbox.items(), agents.readSeq);
  }

  function header(): void {
    panel.heading(settings ? settings.greeting : '', agentName, agentName ? agents.avatar(agentId) : '');
    panel.setStatus(agentTyping ? fill(t.typing, { name: agentTyping }) : !live ? t.connecting : session && !session.agents_online && !agentName ? t.away : t.online);
  }

  function setUnread(n: number): void {
    if (n === unread) return;
    unread = n;
    panel.setUnread(n);
    emit('unread', n);
  }

  function setOpen(open: boolean, focus: boolean): void {
    if (open === panel.isOpen()) return;
    panel.setOpen(open, focus);
    emit(open ? 'open' : 'close', undefined);
    if (open) markRead();
  }

  /** With the panel open in a visible page, everything shown is read: moves the server's read cursor once per seq. */
  function markRead(): void {
    if (!panel.isOpen() || doc.visibilityState === 'hidden') return;
    const seq = messages.lastSeq();
    setUnread(0);
    if (seq <= readSeq || !token) return;
    readSeq = seq;
    tabs.post({ t: 'read' });
    api('POST', '/v1/widget/read', { seq }).catch(() => undefined);
  }

  /**
   * Adds a message from any path, once. A new one (not from the session's snapshot) reaches the page's listeners;
   * a new one from an agent, a bot or the system chimes and counts as unread unless the panel is open in view.
   */
  function receive(message: Message, isNew: boolean): void {
    if (!message || !messages.add(message)) return;
    conversationId = message.conversation_id || conversationId;
    if (message.thread_id) threadId = message.thread_id;
    if (message.author.kind === 'agent') {
      if (message.author.name) {
        agentName = message.author.name;
        agentId = message.author.id;
      }
      if (agents.missing(message.author.id)) {
        api<AgentProfile>('GET', '/v1/widget/agents/' + encodeURIComponent(message.author.id!)).then(
          guard((a: AgentProfile) => {
            agents.add(a);
            header();
          }),
          () => undefined,
        );
      }
      if (queue) {
        queue = null;
        panel.setNotice('');
      }
    }
    render();
    header();
    if (!isNew) return;
    emit('message', { id: message.id, seq: message.seq, body: message.body, author: message.author, created_at: message.created_at });
    if (message.author.kind !== 'visitor') {
      if (soundOn) extras().then((x) => x.chime(), () => undefined);
      if (!panel.isOpen() || doc.visibilityState === 'hidden') {
        setUnread(unread + 1);
        panel.announce((message.author.name || '') + ': ' + message.body);
      } else markRead();
    }
  }

  function sendItem(item: Pending): Promise<Message> {
    if (!token) return Promise.reject(new ApiFailure(0, 'no_session', 'not connected yet'));
    const call = item.email
      ? api<Message>('POST', '/v1/widget/offline-messages', { client_msg_id: item.client_msg_id, body: item.body, email: item.email, name: item.name || undefined })
      : api<Message>('POST', '/v1/widget/messages', { client_msg_id: item.client_msg_id, body: item.body });
    return call.catch((failure: ApiFailure) => {
      if (failure.status === 401) return refresh().then(() => Promise.reject(failure));
      return Promise.reject(failure);
    });
  }

  function queueMessage(item: Pending): void {
    outbox.add(item);
    tabs.post({ t: 'outbox' });
    render();
    typingSignal.stop();
  }

  function typing(draft: string): void {
    if (conversationId && realtime) typingSignal.input(draft, !!(settings && settings.sneak_peek));
  }

  function rate(stars: number): void {
    if (!threadId) return;
    api('POST', '/v1/widget/rating', { thread_id: threadId, rating: stars }).then(
      () => rating(true),
      (failure: ApiFailure) => (failure.status === 409 ? rating(true) : panel.setNotice(t.error, true)),
    );
  }

  function onEvent(frame: Frame): void {
    const data = frame.data || {};
    const byAgent = data.participant && data.participant.kind === 'ACTOR_KIND_AGENT';
    switch (frame.type) {
      case 'message:new': {
        const message = fromEvent(frame);
        if (message) receive(message, true);
        if (message && message.author.kind === 'agent') agentTyping = '';
        break;
      }
      case 'message:read':
        if (agents.read(frame)) render();
        break;
      case 'typing:start':
      case 'typing:stop':
        if (byAgent) agentTyping = frame.type === 'typing:start' ? agentName || '…' : '';
        break;
      case 'queue:position':
        queue = Number(data.position) || null;
        panel.setNotice(queueText());
        break;
      case 'conversation:assign':
        queue = null;
        panel.setNotice('');
        break;
      case 'conversation:close':
        threadId = data.thread_id || threadId;
        queue = null;
        panel.setNotice('');
        rating(false);
        break;
      case 'conversation:reopen':
      case 'conversation:open':
        threadId = data.thread_id || threadId;
        panel._rating.hidden = true;
        break;
    }
    header();
  }

  function resync(): void {
    const page = (after: number): Promise<void> =>
      api<{ messages: Message[]; has_more: boolean }>('GET', '/v1/widget/messages?limit=200&after=' + after).then((p) => {
        p.messages.forEach((m) => receive(m, true));
        if (p.has_more && p.messages.length) return page(p.messages[p.messages.length - 1].seq);
      });
    page(messages.lastSeq()).catch((failure) => warn('resync failed:', failure.message));
  }

  function connectRealtime(s: Session): void {
    if (realtime) {
      realtime.restart(s.realtime.url, s.visitor_token);
      return;
    }
    realtime = new RealtimeClient(s.realtime.url, s.visitor_token, s.realtime.cursor, {
      event: guard(onEvent),
      resync: guard(resync),
      status: guard((up: boolean) => {
        live = up;
        header();
        if (up) outbox.flush(true);
      }),
      expired: guard(() => void refresh()),
      refused: guard((code: number) => warn('the realtime edge refused this page (close ' + code + '): check the allowed origins')),
    });
    realtime.start();
  }

  /** Runs `use` with the on-demand chunk; when it cannot be loaded, a notice offers to try again. */
  function withExtras(use: (x: Extras) => void): void {
    extras().then(guard((x: Extras) => !destroyed && use(x)), () => panel.retry(t.error, () => withExtras(use)));
  }

  /** The away form or the pre-chat form when one is due (from the on-demand chunk), else the composer. */
  function forms(): void {
    const s = session;
    if (!s) return;
    const turn = ++formTurn;
    const ended = !s.conversation || ENDED.indexOf(s.conversation.status) >= 0;
    if (!s.agents_online && ended && !awayUsed && !outbox.items().length) {
      withExtras((x) => turn === formTurn && x.showAwayForm(panel, t, s.settings.away_message || t.away, (v) => {
        awayUsed = true;
        email = v.email;
        panel.hideForm();
        queueMessage({ client_msg_id: uuid(), body: v.body, email: v.email, name: v.name });
        panel.setNotice(t.left);
      }));
    } else if (s.settings.pre_chat_fields.length && !s.conversation && !awayUsed) {
      withExtras((x) => turn === formTurn && x.showPreChatForm(panel, t, s.settings.greeting, s.settings.pre_chat_fields, (patch) =>
        api('PATCH', '/v1/widget/visitor', patch).then(
          () => {
            awayUsed = true;
            panel.hideForm();
            panel.setNotice('');
          },
          (failure: ApiFailure) => panel.setNotice(failure.message, true),
        ),
      ));
    } else {
      panel.hideForm();
    }
  }

  /** Offers the rating of the ended thread, or thanks for it. */
  function rating(thanks: boolean): void {
    withExtras((x) => x.showRating(panel, t, thanks, rate));
  }

  /** Switches to the visitor's language (see `pickLanguage`) once its texts are loaded. */
  function speak(website: string | undefined): Promise<void> {
    const code = (language = pickLanguage(navigator.languages || [navigator.language], website));
    return loadTexts(langDir, code).then((texts) => {
      if (code !== language || destroyed) return;
      t = texts;
      panel.texts(t);
    });
  }

  function applySession(s: Session): void {
    session = s;
    token = s.visitor_token;
    store.setItem(keys.token, token);
    settings = s.settings;
    writeJson(store, keys.settings, settings);
    panel.look(settings.color, settings.position, settings.greeting);
    if (settings.sound === true && store.getItem(keys.sound) === null) {
      soundOn = true;
      panel.setSound(true);
    }
    queue = s.queue_position;
    email = s.visitor.email || email;
    panel.setNotice(queueText());
    if (s.conversation) {
      conversationId = s.conversation.id;
      threadId = s.conversation.thread_id || null;
      agents.load(s.conversation.agent_read_seq, s.conversation.agents);
      s.conversation.messages.forEach((m) => receive(m, false));
      setUnread(s.conversation.unread_count);
      if (ENDED.indexOf(s.conversation.status) >= 0 && threadId) rating(false);
    }
    render();
    header();
    forms();
    connectRealtime(s);
    outbox.flush(true);
    markRead();
    renewBeforeExpiry(s);
  }

  /** The server renews a token in the last quarter of its life; an expired one would start a new visitor. */
  function renewBeforeExpiry(s: Session): void {
    clearTimeout(renewTimer);
    const quarter = (s.settings.visitor_session_hours || 24) * 900000;
    const delay = Date.parse(s.visitor_token_expires_at) - Date.now() - quarter + 60000;
    if (delay > 0) renewTimer = setTimeout(() => void refresh(), Math.min(delay, 2147483647));
  }

  function open(): Promise<void> {
    const body: Record<string, unknown> = {
      public_key: options.websiteKey,
      page: { url: location.href.slice(0, 2048), title: doc.title.slice(0, 500) || undefined, referrer: doc.referrer.slice(0, 2048) || undefined },
      locale: /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}$/.test(navigator.language) ? navigator.language : undefined,
    };
    if (token) body.visitor_token = token;
    if (user && user.token) body.user = { token: user.token };
    return request<Session>(base, 'POST', '/v1/widget/session', null, body).then(
      (s: Session) => speak(s.settings.language).then(() => s),
    ).then(
      guard((s: Session) => {
        if (destroyed) return;
        sessionAttempt = 0;
        applySession(s);
      }),
      guard((failure: ApiFailure) => {
        if (destroyed) return;
        if (!failure.transient || failure.status === 401) {
          warn('the chat cannot start:', failure.message);
          panel.setNotice(t.error, true);
          return;
        }
        const delay = failure.retryAfter || backoffDelay(sessionAttempt++);
        panel.setStatus(t.connecting);
        sessionTimer = setTimeout(() => void open(), delay);
      }),
    );
  }

  /** A new session for this visitor (expired token, identify); concurrent callers share one request. */
  function refresh(): Promise<void> {
    if (!refreshing) refreshing = open().then(() => void (refreshing = null));
    return refreshing;
  }

  const wake = guard(() => {
    realtime?.wake();
    outbox.flush(true);
    markRead();
  });
  const onVisibility = guard(() => {
    if (doc.visibilityState === 'visible') wake();
  });
  window.addEventListener('online', wake);
  doc.addEventListener('visibilitychange', onVisibility);

  whenBodyReady(guard(() => {
    if (!destroyed) doc.body.append(panel.host);
  }));
  render();
  void speak(settings?.language);
  void open();

  return {
    open: () => setOpen(true, false),
    close: () => setOpen(false, false),
    identify: (u: BootUser) => {
      if (u.token) {
        user = u;
        void refresh();
        return;
      }
      const patch: Record<string, string> = {};
      if (u.name) patch.name = u.name;
      if (u.email) patch.email = email = u.email;
      if (token) api('PATCH', '/v1/widget/visitor', patch).catch((failure: ApiFailure) => warn('identify failed:', failure.message));
    },
    destroy: (forget: boolean) => {
      destroyed = true;
      clearTimeout(sessionTimer);
      clearTimeout(renewTimer);
      typingSignal.stop();
      realtime?.stop();
      outbox.close(forget);
      tabs.close();
      stopPageViews();
      window.removeEventListener('online', wake);
      doc.removeEventListener('visibilitychange', onVisibility);
      panel.host.remove();
      if (forget) [keys.token, keys.settings, keys.sound].forEach((k) => store.removeItem(k));
    },
  };
}
