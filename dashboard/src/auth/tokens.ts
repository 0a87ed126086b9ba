import { ApiError, toApiError } from '../api/errors';
import type { Agent, TokenResponse } from '../api/types';

/** Where the refresh token lives between page loads (see README: "Tokens"). */
export const REFRESH_KEY = 'zendo.refresh_token';
const LOCK = 'zendo.refresh';
const EARLY_MS = 30_000;

export type AuthState =
  | { status: 'unknown' }
  | { status: 'signed-out'; reason?: 'expired' | 'signed-out' }
  | { status: 'signed-in'; agent: Agent };

interface Access {
  token: string;
  expiresAt: number;
}

type Listener = () => void;

/**
 * The agent's credentials: the access token in memory only, the refresh token in localStorage, rotated on every
 * refresh. Refreshes are serialised across tabs with the Web Locks API so two tabs never present the same refresh
 * token; a refused refresh token (expired, revoked, or reused) signs the agent out everywhere.
 */
export class TokenStore {
  private access: Access | null = null;
  private inFlight: Promise<string | null> | null = null;
  private state: AuthState = { status: 'unknown' };
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly storage: Storage,
    private readonly refreshCall: (refreshToken: string) => Promise<Response>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The current sign-in state. */
  snapshot = (): AuthState => this.state;

  /** Calls `listener` whenever the sign-in state changes; returns the unsubscribe function. */
  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Takes a token response from sign-up, sign-in or refresh. */
  accept(response: TokenResponse): void {
    this.storage.setItem(REFRESH_KEY, response.refresh_token);
    this.access = { token: response.access_token, expiresAt: this.now() + response.expires_in * 1000 };
    this.setState({ status: 'signed-in', agent: response.agent });
  }

  /** The stored refresh token, if any. */
  refreshToken(): string | null {
    return this.storage.getItem(REFRESH_KEY);
  }

  /** Restores the session on page load: refreshes with the stored token, or reports signed out. */
  async restore(): Promise<void> {
    if (!this.refreshToken()) {
      this.setState({ status: 'signed-out' });
      return;
    }
    try {
      await this.refresh();
    } catch {
      if (this.state.status === 'unknown') this.setState({ status: 'signed-out' });
    }
  }

  /** A valid access token, refreshed first when it is about to expire; null when signed out. */
  async accessToken(): Promise<string | null> {
    if (this.access && this.access.expiresAt - EARLY_MS > this.now()) return this.access.token;
    if (!this.refreshToken()) return null;
    return this.refresh();
  }

  /** After a 401 to `rejected`: a renewed token, unless another call already renewed it. */
  async renewAfterRejection(rejected: string): Promise<string | null> {
    if (this.access && this.access.token !== rejected) return this.access.token;
    return this.refresh();
  }

  /** Forgets the credentials locally (the caller revokes them at identity first). */
  clear(reason: 'expired' | 'signed-out'): void {
    this.access = null;
    this.storage.removeItem(REFRESH_KEY);
    this.setState({ status: 'signed-out', reason });
  }

  /** Another tab removed the refresh token (signed out): follow it. */
  onStorageChange(key: string | null): void {
    if ((key === REFRESH_KEY || key === null) && !this.refreshToken() && this.state.status === 'signed-in') {
      this.access = null;
      this.setState({ status: 'signed-out', reason: 'signed-out' });
    }
  }

  /** Exchanges the refresh token for a new pair, once at a time (per tab and across tabs). */
  refresh(): Promise<string | null> {
    if (!this.inFlight) {
      this.inFlight = withLock(() => this.exchange()).finally(() => {
        this.inFlight = null;
      });
    }
    return this.inFlight;
  }

  private async exchange(): Promise<string | null> {
    const stored = this.refreshToken();
    if (!stored) {
      this.clear('expired');
      return null;
    }
    const response = await this.refreshCall(stored);
    if (response.status === 400 || response.status === 401) {
      // Another tab may have rotated the token while this one waited for the answer.
      if (this.refreshToken() !== stored) return this.exchange();
      this.clear('expired');
      return null;
    }
    if (!response.ok) {
      throw await toApiError(response);
    }
    const body = (await response.json()) as TokenResponse;
    this.accept(body);
    return body.access_token;
  }

  private setState(state: AuthState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

function withLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request(LOCK, task) as Promise<T>) : task();
}

async function refreshCall(refreshToken: string): Promise<Response> {
  try {
    return await fetch('/v1/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ refresh_token: refreshToken }),
    });
  } catch {
    throw new ApiError(0, 'network', 'Cannot reach the server.');
  }
}

/** The application's token store. */
export const tokens = new TokenStore(globalThis.localStorage, refreshCall);

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => tokens.onStorageChange(event.key));
}
