import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TypingSignal } from '../src/core/typing';

describe('TypingSignal', () => {
  let sent: Array<[boolean, string | undefined]>;
  let signal: TypingSignal;

  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    signal = new TypingSignal((typing, draft) => sent.push([typing, draft]));
  });
  afterEach(() => vi.useRealTimers());

  it('sends at most one typing signal a second, and under sneak peek the latest draft when the second ends', () => {
    signal.input('H', true);
    vi.advanceTimersByTime(300);
    signal.input('He', true);
    vi.advanceTimersByTime(300);
    signal.input('Hel', true);
    expect(sent).toEqual([[true, 'H']]);

    vi.advanceTimersByTime(400);
    expect(sent).toEqual([[true, 'H'], [true, 'Hel']]);
  });

  it('sends no draft and nothing late without sneak peek', () => {
    signal.input('secret', false);
    vi.advanceTimersByTime(500);
    signal.input('secret plan', false);
    vi.advanceTimersByTime(600);
    expect(sent).toEqual([[true, undefined]]);
  });

  it('says the visitor stopped after 3 s of quiet, once', () => {
    signal.input('Hi', true);
    vi.advanceTimersByTime(3000);
    expect(sent).toEqual([[true, 'Hi'], [false, undefined]]);
    vi.advanceTimersByTime(10_000);
    expect(sent.length).toBe(2);
  });

  it('drops a late draft when the message is sent meanwhile', () => {
    signal.input('Hi', true);
    vi.advanceTimersByTime(200);
    signal.input('Hi there', true);
    signal.stop();
    vi.advanceTimersByTime(5000);
    expect(sent).toEqual([[true, 'Hi'], [false, undefined]]);
  });

  it('says nothing on stop when it never said the visitor was typing', () => {
    signal.stop();
    expect(sent).toEqual([]);
  });

  it('keeps drafts to 1,000 characters', () => {
    signal.input('x'.repeat(1500), true);
    expect(sent[0][1]).toHaveLength(1000);
  });
});
