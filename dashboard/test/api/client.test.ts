// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiFetch } from '../../src/api/client';
import { REFRESH_KEY, tokens } from '../../src/auth/tokens';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

const tokenResponse = (access: string, refresh: string) => ({
  access_token: access,
  token_type: 'Bearer',
  expires_in: 900,
  refresh_token: refresh,
  refresh_expires_in: 2_592_000,
  agent: { id: 'a1', email: 'a@example.com', name: 'Ann' },
});

describe('apiFetch', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    tokens.accept(tokenResponse('access-1', 'refresh-1'));
  });

  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
    localStorage.clear();
  });

  it('sends JSON with the bearer access token and parses the answer', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { ok: true }));
    await expect(apiFetch('/v1/things', { body: { a: 1 } })).resolves.toEqual({ ok: true });
    const [path, init] = fetchMock.mock.calls[0];
    expect(path).toBe('/v1/things');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"a":1}');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer access-1');
  });

  it('answers undefined for 204', async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await expect(apiFetch('/v1/x', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('refreshes once on 401 and retries with the new token, storing the rotated refresh token', async () => {
    fetchMock
      .mockResolvedValueOnce(json(401, { status: 401, error: 'unauthorized', message: 'expired' }))
      .mockResolvedValueOnce(json(200, tokenResponse('access-2', 'refresh-2')))
      .mockResolvedValueOnce(json(200, { ok: 2 }));
    await expect(apiFetch('/v1/x')).resolves.toEqual({ ok: 2 });
    expect(fetchMock.mock.calls[1][0]).toBe('/v1/auth/refresh');
    expect(JSON.parse(String(fetchMock.mock.calls[1][1]?.body))).toEqual({ refresh_token: 'refresh-1' });
    expect((fetchMock.mock.calls[2][1]?.headers as Record<string, string>).Authorization).toBe('Bearer access-2');
    expect(localStorage.getItem(REFRESH_KEY)).toBe('refresh-2');
  });

  it('signs out as expired when the refresh token is refused', async () => {
    fetchMock
      .mockResolvedValueOnce(json(401, { status: 401, error: 'unauthorized', message: 'expired' }))
      .mockResolvedValueOnce(json(401, { status: 401, error: 'invalid_refresh_token', message: 'no' }));
    await expect(apiFetch('/v1/x')).rejects.toMatchObject({ status: 401 });
    expect(tokens.snapshot()).toEqual({ status: 'signed-out', reason: 'expired' });
    expect(localStorage.getItem(REFRESH_KEY)).toBeNull();
  });

  it.each([
    [400, { status: 400, error: 'invalid_request', message: 'bad', errors: [{ field: 'name', message: 'required' }] }, {}, 'invalid_request', undefined],
    [403, { status: 403, error: 'forbidden', message: 'nope' }, {}, 'forbidden', undefined],
    [429, { status: 429, error: 'too_many_requests', message: 'slow' }, { 'Retry-After': '7' }, 'too_many_requests', 7],
    [502, undefined, {}, 'http_502', undefined],
  ])('turns a %i answer into an ApiError', async (status, body, headers, code, retryAfter) => {
    fetchMock.mockResolvedValueOnce(json(status, body, headers));
    const error = await apiFetch('/v1/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status, code, retryAfter });
  });

  it('names the fields of a 400', async () => {
    fetchMock.mockResolvedValueOnce(
      json(400, { status: 400, error: 'invalid_request', message: 'bad', errors: [{ field: 'domains[0]', message: 'must be a host' }] }),
    );
    const error = (await apiFetch('/v1/x').catch((e: unknown) => e)) as ApiError;
    expect(error.fieldErrors()).toEqual({ 'domains[0]': 'must be a host' });
  });

  it('reports a network failure as status 0, code network', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(apiFetch('/v1/x')).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});
