import { parseBootOptions, parseUser, type BootOptions, type BootUser } from './options';

/** Events a page may listen to with `Zendo('on', name, callback)`. */
export const EVENTS = ['message', 'unread', 'open', 'close'] as const;

/** One event name. */
export type EventName = (typeof EVENTS)[number];

/** What the command handler needs from a booted widget. */
export interface WidgetView {
  open(): void;
  close(): void;
  identify(user: BootUser): void;
  /** Removes the widget; `forget` also deletes the visitor's token and outbox on this device. */
  destroy(forget: boolean): void;
}

/** Starts the widget for validated options; `emit` calls the page's listeners. */
export type MountFn = (options: BootOptions, emit: (event: EventName, payload: unknown) => void) => WidgetView;

/** Names of the public commands, as passed to `Zendo(name, …)`. */
export const COMMANDS = ['boot', 'open', 'close', 'identify', 'shutdown', 'on'] as const;

/** One public command name. */
export type CommandName = (typeof COMMANDS)[number];

/** Runs one public command; reports misuse through `warn` and never throws. */
export type CommandHandler = (name: unknown, arg?: unknown, extra?: unknown) => void;

/** Builds the command handler holding the widget's state and the page's listeners. */
export function createCommandHandler(mount: MountFn, warn: (...args: unknown[]) => void): CommandHandler {
  let view: WidgetView | null = null;
  const listeners: { event: EventName; fn: (payload: unknown) => void }[] = [];

  const emit = (event: EventName, payload: unknown) => {
    listeners.forEach((l) => {
      if (l.event !== event) return;
      try {
        l.fn(payload);
      } catch (error) {
        warn(`a "${event}" listener failed:`, error);
      }
    });
  };

  const requireBooted = (name: CommandName): WidgetView | null => {
    if (!view) warn(`"${name}" ignored: call Zendo('boot', …) first`);
    return view;
  };

  const run: Record<CommandName, (arg: unknown, extra: unknown) => void> = {
    boot(arg) {
      if (view) {
        warn('"boot" ignored: already booted; call Zendo(\'shutdown\') first to boot again');
        return;
      }
      const result = parseBootOptions(arg);
      if (!result.ok) {
        warn(result.error);
        return;
      }
      result.warnings.forEach((w) => warn(w));
      view = mount(result.options, emit);
    },
    open() {
      requireBooted('open')?.open();
    },
    close() {
      requireBooted('close')?.close();
    },
    identify(arg) {
      const user = parseUser(arg);
      if (!user) warn('identify expects {id?, name?, email?, token?} with string values');
      else requireBooted('identify')?.identify(user);
    },
    shutdown() {
      const current = requireBooted('shutdown');
      view = null;
      current?.destroy(true);
    },
    on(event, fn) {
      if ((EVENTS as readonly unknown[]).indexOf(event) < 0 || typeof fn !== 'function') {
        warn(`"on" expects one of ${EVENTS.join(', ')} and a function`);
        return;
      }
      listeners.push({ event: event as EventName, fn: fn as (payload: unknown) => void });
    },
  };

  return (name, arg, extra) => {
    if (typeof name !== 'string' || (COMMANDS as readonly string[]).indexOf(name) < 0) {
      const shown = typeof name === 'string' ? `"${name}"` : `of type ${typeof name}`;
      warn(`unknown command ${shown}; expected one of ${COMMANDS.join(', ')}`);
      return;
    }
    try {
      run[name as CommandName](arg, extra);
    } catch (error) {
      warn(`"${name}" failed:`, error);
    }
  };
}
