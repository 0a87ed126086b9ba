import { describe, expect, it, vi } from 'vitest';
import { installApi, type ZendoHost } from '../src/queue';

/** The stub from the documented embed snippet, bound to a fake window. */
function snippetStub(host: ZendoHost & { Zendo?: any }) {
  host.Zendo =
    host.Zendo ||
    function () {
      (host.Zendo.q = host.Zendo.q || []).push(arguments);
    };
  return host.Zendo as (...args: unknown[]) => void;
}

describe('installApi', () => {
  it('runs queued calls in order, then handles new calls directly', () => {
    const host: ZendoHost = {};
    const stub = snippetStub(host);
    stub('boot', { websiteKey: 'pk_a' });
    stub('open');
    const handle = vi.fn();

    expect(installApi(host, handle)).toBe(true);
    expect(handle.mock.calls).toEqual([['boot', { websiteKey: 'pk_a' }, undefined], ['open', undefined, undefined]]);

    (host.Zendo as (...args: unknown[]) => void)('close');
    expect(handle).toHaveBeenLastCalledWith('close', undefined, undefined);
    expect(host.Zendo).not.toBe(stub);
  });

  it('works without a snippet stub', () => {
    const host: ZendoHost = {};
    const handle = vi.fn();
    expect(installApi(host, handle)).toBe(true);
    expect(handle).not.toHaveBeenCalled();
    expect(typeof host.Zendo).toBe('function');
  });

  it('ignores a malformed queue', () => {
    const stub = Object.assign(() => undefined, { q: [null, 7, ['open']] });
    const host: ZendoHost = { Zendo: stub };
    const handle = vi.fn();
    installApi(host, handle);
    expect(handle.mock.calls).toEqual([['open', undefined, undefined]]);
  });

  it('replaces a non-function global', () => {
    const host: ZendoHost = { Zendo: { q: [['open']] } };
    const handle = vi.fn();
    installApi(host, handle);
    expect(handle).not.toHaveBeenCalled();
    expect(typeof host.Zendo).toBe('function');
  });

  it('leaves an already installed API alone when loaded twice', () => {
    const host: ZendoHost = {};
    const first = vi.fn();
    installApi(host, first);
    const api = host.Zendo;
    expect(installApi(host, vi.fn())).toBe(false);
    expect(host.Zendo).toBe(api);
  });
});
