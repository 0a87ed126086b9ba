import { backoffDelay } from './backoff';
import { ApiFailure } from './http';
import { readJson, writeJson, type StorageLike } from './storage';
import type { Message } from './types';

/** A message waiting to be stored by the server; `email` marks one left with the away form. */
export interface Pending {
  client_msg_id: string;
  body: string;
  email?: string;
  name?: string;
}

/** What the outbox reports. */
export interface OutboxHandlers {
  /** The server stored the message (201, or 200 for a retry it had stored already). */
  sent(item: Pending, message: Message): void;
  /** The server refused the message for good (400, 409, …): it was dropped from the outbox. */
  rejected(item: Pending, failure: ApiFailure): void;
  /** A send failed and will be retried after `delay` ms. */
  waiting(failure: ApiFailure, delay: number): void;
}

/**
 * The visitor's unsent messages, in localStorage under one key per website, shared by the site's tabs. Items are
 * sent one at a time, oldest first, always with their own `client_msg_id`, so a resend after a reload, a network
 * drop or by another tab is stored once.
 */
export class Outbox {
  private _busy = false;
  private _attempt = 0;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _closed = false;

  constructor(
    private readonly _store: StorageLike,
    readonly key: string,
    private readonly _send: (item: Pending) => Promise<Message>,
    private readonly _on: OutboxHandlers,
    private readonly _random: () => number = Math.random,
  ) {}

  items(): Pending[] {
    const items = readJson<Pending[]>(this._store, this.key, []);
    return Array.isArray(items) ? items.filter((i) => i && typeof i.client_msg_id === 'string' && typeof i.body === 'string') : [];
  }

  /** Queues a message and starts sending. */
  add(item: Pending): void {
    writeJson(this._store, this.key, this.items().concat(item));
    this.flush();
  }

  remove(clientMsgId: string): void {
    const left = this.items().filter((i) => i.client_msg_id !== clientMsgId);
    if (left.length) writeJson(this._store, this.key, left);
    else this._store.removeItem(this.key);
  }

  /** Sends what is queued unless a send or a wait is under way; `now` cuts a wait short (back online). */
  flush(now = false): void {
    if (this._closed || this._busy) return;
    if (this._timer !== undefined) {
      if (!now) return;
      clearTimeout(this._timer);
      this._timer = undefined;
    }
    const next = this.items()[0];
    if (!next) return;
    this._busy = true;
    this._send(next).then(
      (message) => {
        this._busy = false;
        this._attempt = 0;
        this.remove(next.client_msg_id);
        this._on.sent(next, message);
        this.flush();
      },
      (error) => {
        this._busy = false;
        const failure = error instanceof ApiFailure ? error : new ApiFailure(0, 'error', String(error));
        if (failure.transient) {
          const delay = failure.retryAfter || backoffDelay(this._attempt++, this._random);
          this._on.waiting(failure, delay);
          this._timer = setTimeout(() => {
            this._timer = undefined;
            this.flush();
          }, delay);
        } else {
          this.remove(next.client_msg_id);
          this._on.rejected(next, failure);
          this.flush();
        }
      },
    );
  }

  /** Stops sending (the items stay stored); `forget` also deletes them. */
  close(forget = false): void {
    this._closed = true;
    clearTimeout(this._timer);
    if (forget) this._store.removeItem(this.key);
  }
}
