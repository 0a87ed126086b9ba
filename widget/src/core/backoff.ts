/** Longest wait between reconnect or resend attempts. */
export const MAX_BACKOFF_MS = 30000;

/** Exponential backoff with jitter: half of 1 s × 2^attempt (capped) plus a random half. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, 1000 * Math.pow(2, Math.min(attempt, 15)));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
