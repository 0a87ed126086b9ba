import { describe, expect, it, vi } from 'vitest';
import { checkService } from '../src/status/checkService';

const respond = (status: number, body: string) => vi.fn(async () => new Response(body, { status }));

describe('checkService', () => {
  it('requests the service health through the gateway without caching', async () => {
    const fetchFn = respond(200, '{"status":"UP"}');
    await checkService('realtime-edge', fetchFn);
    expect(fetchFn).toHaveBeenCalledWith(
      '/health/realtime-edge',
      expect.objectContaining({ cache: 'no-store', signal: expect.any(AbortSignal) }),
    );
  });

  it('parses a DOWN report served with 503', async () => {
    const check = await checkService('identity', respond(503, '{"status":"DOWN","details":{"jdbc":{"status":"DOWN"}}}'));
    expect(check.health).toMatchObject({ reachable: true, state: 'down', httpStatus: 503 });
    expect(check.checkedAt).toBeInstanceOf(Date);
    expect(check.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('calls a non-JSON gateway error unreachable', async () => {
    const check = await checkService('identity', respond(502, '<html>502 Bad Gateway</html>'));
    expect(check.health).toEqual({ reachable: false, reason: 'HTTP 502 without a health report' });
  });

  it('calls a network failure unreachable', async () => {
    const fetchFn = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const check = await checkService('identity', fetchFn);
    expect(check.health).toEqual({ reachable: false, reason: 'No response from the gateway' });
  });

  it('gives up after the timeout', async () => {
    const hanging = vi.fn(
      (_url: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
    );
    const check = await checkService('identity', hanging, 20);
    expect(check.health).toEqual({ reachable: false, reason: 'No answer within 0.02 s' });
  });
});
