import { afterEach, describe, expect, it, vi } from 'vitest';
import { guard, warn } from '../src/log';

afterEach(() => vi.restoreAllMocks());

describe('warn', () => {
  it('prefixes messages with [zendo]', () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    warn('hello', 1);
    expect(spy).toHaveBeenCalledWith('[zendo]', 'hello', 1);
  });

  it('survives a broken console', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {
      throw new Error('broken');
    });
    expect(() => warn('x')).not.toThrow();
  });
});

describe('guard', () => {
  it('passes arguments through and logs instead of throwing', () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const seen: number[] = [];
    const safe = guard((n: number) => {
      seen.push(n);
      throw new Error('boom');
    });
    expect(() => safe(3)).not.toThrow();
    expect(seen).toEqual([3]);
    expect(spy).toHaveBeenCalledWith('[zendo]', 'internal error:', expect.any(Error));
  });
});
