import { describe, expect, it } from 'vitest';
import { backoffDelay, MAX_BACKOFF_MS } from '../src/core/backoff';

describe('backoffDelay', () => {
  it.each([
    [0, 0, 500],
    [0, 1, 1000],
    [1, 0, 1000],
    [3, 0.5, 6000],
    [4, 1, 16000],
    [5, 0, 15000],
    [50, 1, MAX_BACKOFF_MS],
  ])('attempt %i with random %f waits %i ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, () => random)).toBe(expected);
  });

  it('spreads retries between half and all of the ceiling', () => {
    const delays = Array.from({ length: 200 }, () => backoffDelay(2));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(4000);
    expect(new Set(delays).size).toBeGreaterThan(10);
  });
});
