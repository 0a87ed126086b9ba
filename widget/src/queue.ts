import type { CommandHandler } from './commands';

/** The global `Zendo` function once the widget has replaced the snippet's stub. */
export interface ZendoApi {
  (name: unknown, arg?: unknown, extra?: unknown): void;
  /** Marks the real API so a second copy of the widget leaves it alone. */
  loaded: true;
}

/** The part of `window` the widget touches. */
export interface ZendoHost {
  Zendo?: unknown;
}

function isLoaded(value: unknown): boolean {
  return typeof value === 'function' && (value as Partial<ZendoApi>).loaded === true;
}

function queuedCalls(stub: unknown): ArrayLike<unknown>[] {
  const queue = typeof stub === 'function' ? (stub as { q?: unknown }).q : undefined;
  if (!Array.isArray(queue)) return [];
  return queue.filter((call): call is ArrayLike<unknown> => call != null && typeof call.length === 'number');
}

/**
 * Replaces the snippet's stub with the real API, then runs the calls queued before the widget arrived, in order.
 * Returns false when a widget had already installed itself.
 */
export function installApi(host: ZendoHost, handle: CommandHandler): boolean {
  if (isLoaded(host.Zendo)) return false;
  const pending = queuedCalls(host.Zendo);
  const api = ((name: unknown, arg?: unknown, extra?: unknown) => handle(name, arg, extra)) as ZendoApi;
  api.loaded = true;
  host.Zendo = api;
  pending.forEach((call) => handle(call[0], call[1], call[2]));
  return true;
}
