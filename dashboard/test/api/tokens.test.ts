// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { REFRESH_KEY, TokenStore } from '../../src/auth/tokens';

const pair = (access: string, refresh: string, expiresIn = 900) =>
  new Response(
    JSON.stringify({
      access_token: access,
      token_type: 'Bearer',
      expires_in: expiresIn,
      refresh_token: refresh,
      refresh_expires_in: 100,
      agent: { id: 'a1', email: 'a@example.com', name: 'Ann' },
    }),
    { status: 200 },
  );

describe('TokenStore', () => {
  beforeEach(() => localStorage.clear());

  it('restores a session from the stored refresh token', async () => {
    localStorage.setItem(REFRESH_KEY, 'r0');
    const call = vi.fn(async () => pair('a1', 'r1'));
    const store = new TokenStore(localStorage, call);
    await store.restore();
    expect(call).toHaveBeenCalledWith('r0');
    expect(store.snapshot()).toMatchObject({ status: 'signed-in', agent: { id: 'a1' } });
    expect(localStorage.getItem(REFRESH_KEY)).toBe('r1');
  });

  it('is signed out without a stored refresh token', async () => {
    const store = new TokenStore(localStorage, vi.fn());
    await store.restore();
    expect(store.snapshot()).toEqual({ status: 'signed-out' });
  });

  it('exchanges the refresh token once for concurrent callers', async () => {
    localStorage.setItem(REFRESH_KEY, 'r0');
    let release: (r: Response) => void = () => {};
    const call = vi.fn(() => new Promise<Response>((resolve) => (release = resolve)));
    const store = new TokenStore(localStorage, call);
    const all = Promise.all([store.accessToken(), store.accessToken(), store.refresh()]);
    release(pair('a1', 'r1'));
    expect(await all).toEqual(['a1', 'a1', 'a1']);
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('renews the access token shortly before it expires', async () => {
    let now = 0;
    const call = vi.fn(async () => pair('a2', 'r2'));
    const store = new TokenStore(localStorage, call, () => now);
    store.accept(JSON.parse(await pair('a1', 'r1', 60).text()));
    expect(await store.accessToken()).toBe('a1');
    now = 45_000;
    expect(await store.accessToken()).toBe('a2');
    expect(call).toHaveBeenCalledWith('r1');
  });

  it('retries with the token another tab rotated in meanwhile instead of signing out', async () => {
    localStorage.setItem(REFRESH_KEY, 'old');
    const call = vi.fn(async (token: string) => {
      if (token === 'old') {
        localStorage.setItem(REFRESH_KEY, 'rotated-by-other-tab');
        return new Response('{}', { status: 401 });
      }
      return pair('a9', 'r9');
    });
    const store = new TokenStore(localStorage, call);
    expect(await store.refresh()).toBe('a9');
    expect(call.mock.calls.map((c) => c[0])).toEqual(['old', 'rotated-by-other-tab']);
  });

  it('follows a sign-out in another tab', () => {
    const store = new TokenStore(localStorage, vi.fn());
    store.accept(JSON.parse('{"access_token":"a","expires_in":900,"refresh_token":"r","agent":{"id":"x","email":"e","name":"n"}}'));
    localStorage.removeItem(REFRESH_KEY);
    store.onStorageChange(REFRESH_KEY);
    expect(store.snapshot()).toEqual({ status: 'signed-out', reason: 'signed-out' });
  });
});
