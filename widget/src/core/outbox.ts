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
  private busy = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    private readonly store: StorageLike,
    readonly key: string,
    private readonly send: (item: Pending) => Promise<Message>,
    private readonly on: OutboxHandlers,
    private readonly random: () => number = Math.random,
  ) {}

  items(): Pending[] {
    const items = readJson<Pending[]>(this.store, this.key, []);
    return Array.isArray(items) ? items.filter((i) => i && typeof i.client_msg_id === 'string' && typeof i.body === 'string') : [];
  }

  /** Queues a message and starts sending. */
  add(item: Pending): void {
    writeJson(this.store, this.key, this.items().concat(item));
    this.flush();
  }

  remove(clientMsgId: string): void {
    const left = this.items().filter((i) => i.client_msg_id !== clientMsgId);
    if (left.length) writeJson(this.store, this.key, left);
    else this.store.removeItem(this.key);
  }

  /** Sends what is queued unless a send or a wait is under way; `now` cuts a wait short (back online). */
  flush(now = false): void {
    if (this.closed || this.busy) return;
    if (this.timer !== undefined) {
      if (!now) return;
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const next = this.items()[0];
    if (!next) return;
    this.busy = true;
    this.send(next).then(
      (message) => {
        this.busy = false;
        this.attempt = 0;
        this.remove(next.client_msg_id);
        this.on.sent(next, message);
        this.flush();
      },
      (error) => {
        this.busy = false;
        const failure = error instanceof ApiFailure ? error : new ApiFailure(0, 'error', String(error));
        if (failure.transient) {
          const delay = failure.retryAfter || backoffDelay(this.attempt++, this.random);
          this.on.waiting(failure, delay);
          this.timer = setTimeout(() => {
            this.timer = undefined;
            this.flush();
          }, delay);
        } else {
          this.remove(next.client_msg_id);
          this.on.rejected(next, failure);
          this.flush();
        }
      },
    );
  }

  /** Stops sending (the items stay stored); `forget` also deletes them. */
  close(forget = false): void {
    this.closed = true;
    clearTimeout(this.timer);
    if (forget) this.store.removeItem(this.key);
  }
}
