import { parseHealth, type ServiceHealth } from './health';

/** The outcome of one health check of one service. */
export interface ServiceCheck {
  health: ServiceHealth;
  checkedAt: Date;
  latencyMs: number;
}

/** How long a check waits before calling the service unreachable; below the poll interval. */
export const CHECK_TIMEOUT_MS = 4000;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function failureReason(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return `No answer within ${timeoutMs / 1000} s`;
  }
  return 'No response from the gateway';
}

/** Fetches `/health/<service>` through the gateway and interprets the answer; never rejects. */
export async function checkService(
  service: string,
  fetchFn: typeof fetch = fetch,
  timeoutMs: number = CHECK_TIMEOUT_MS,
): Promise<ServiceCheck> {
  const started = performance.now();
  let health: ServiceHealth;
  try {
    const response = await fetchFn(`/health/${encodeURIComponent(service)}`, {
      headers: { Accept: 'application/json' },
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
    health = parseHealth(response.status, parseJson(await response.text()));
  } catch (error) {
    health = { reachable: false, reason: failureReason(error, timeoutMs) };
  }
  return { health, checkedAt: new Date(), latencyMs: Math.round(performance.now() - started) };
}
