import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createCommandHandler, type CommandHandler, type WidgetView } from '../src/commands';
import type { BootOptions } from '../src/options';

describe('createCommandHandler', () => {
  let mounted: BootOptions[];
  let view: { [K in keyof WidgetView]: ReturnType<typeof vi.fn> };
  let warn: ReturnType<typeof vi.fn>;
  let zendo: CommandHandler;

  beforeEach(() => {
    mounted = [];
    view = { open: vi.fn(), close: vi.fn(), identify: vi.fn(), destroy: vi.fn() };
    warn = vi.fn();
    zendo = createCommandHandler((options) => {
      mounted.push(options);
      return view;
    }, warn);
  });

  it('boots once with validated options', () => {
    zendo('boot', { websiteKey: 'pk_demo', user: { id: 'u1' } });
    expect(mounted).toEqual([{ websiteKey: 'pk_demo', user: { id: 'u1' } }]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('does not mount when boot options are invalid', () => {
    zendo('boot', { websiteKey: 'nope' });
    expect(mounted).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('websiteKey'));
  });

  it('forwards option warnings but still boots', () => {
    zendo('boot', { websiteKey: 'pk_demo', user: 'javascript:alert(1)' });
    expect(mounted).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('user'));
  });

  it('ignores a second boot', () => {
    zendo('boot', { websiteKey: 'pk_a' });
    zendo('boot', { websiteKey: 'pk_b' });
    expect(mounted).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('already booted'));
  });

  it('opens and closes a booted widget', () => {
    zendo('boot', { websiteKey: 'pk_a' });
    zendo('open');
    zendo('close');
    expect(view.open).toHaveBeenCalledTimes(1);
    expect(view.close).toHaveBeenCalledTimes(1);
  });

  it.each(['open', 'close', 'shutdown', 'identify'])('warns on %s before boot', (name) => {
    zendo(name, name === 'identify' ? { name: 'Ana' } : undefined);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('boot'));
  });

  it('shuts down and can boot again', () => {
    zendo('boot', { websiteKey: 'pk_a' });
    zendo('shutdown');
    expect(view.destroy).toHaveBeenCalledWith(true);
    zendo('open');
    expect(view.open).not.toHaveBeenCalled();
    zendo('boot', { websiteKey: 'pk_b' });
    expect(mounted.map((o) => o.websiteKey)).toEqual(['pk_a', 'pk_b']);
  });

  it.each([['show'], [''], [undefined], [42], [{ toString: () => 'boot' }], ['constructor'], ['__proto__']])(
    'rejects unknown command %s',
    (name) => {
      zendo(name);
      expect(mounted).toEqual([]);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('unknown command'));
    },
  );

  it('identifies a booted visitor and rejects a malformed user', () => {
    zendo('boot', { websiteKey: 'pk_a' });
    zendo('identify', { name: 'Ana', email: 'ana@example.com' });
    zendo('identify', 'Ana');
    expect(view.identify).toHaveBeenCalledTimes(1);
    expect(view.identify).toHaveBeenCalledWith({ name: 'Ana', email: 'ana@example.com' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('identify expects'));
  });

  it('calls listeners of an event, and survives a failing one', () => {
    let emit: (event: 'message' | 'unread' | 'open' | 'close', payload: unknown) => void = () => undefined;
    const handler = createCommandHandler((_options, e) => {
      emit = e;
      return view;
    }, warn);
    const seen: unknown[] = [];
    handler('on', 'unread', () => {
      throw new Error('listener bug');
    });
    handler('on', 'unread', (n: unknown) => seen.push(n));
    handler('on', 'nope', () => undefined);
    handler('boot', { websiteKey: 'pk_a' });
    emit('unread', 3);
    expect(seen).toEqual([3]);
    expect(warn).toHaveBeenCalledWith('a "unread" listener failed:', expect.any(Error));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"on" expects'));
  });

  it('reports a failing mount instead of throwing', () => {
    const failing = createCommandHandler(() => {
      throw new Error('no DOM');
    }, warn);
    expect(() => failing('boot', { websiteKey: 'pk_a' })).not.toThrow();
    expect(warn).toHaveBeenCalledWith('"boot" failed:', expect.any(Error));
  });
});
