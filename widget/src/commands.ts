import { parseBootOptions, type BootOptions } from './options';

/** What the command handler needs from the on-page widget. */
export interface WidgetView {
  open(): void;
  close(): void;
  destroy(): void;
}

/** Creates the on-page widget for validated options. */
export type MountFn = (options: BootOptions) => WidgetView;

/** Names of the public commands, as passed to `Zendo(name, …)`. */
export const COMMANDS = ['boot', 'open', 'close', 'shutdown'] as const;

/** One public command name. */
export type CommandName = (typeof COMMANDS)[number];

/** Runs one public command; reports misuse through `warn` and never throws. */
export type CommandHandler = (name: unknown, arg?: unknown) => void;

/** Builds the command handler holding the widget's booted/shut-down state. */
export function createCommandHandler(mount: MountFn, warn: (...args: unknown[]) => void): CommandHandler {
  let view: WidgetView | null = null;

  const requireBooted = (name: CommandName): WidgetView | null => {
    if (!view) warn(`"${name}" ignored: call Zendo('boot', …) first`);
    return view;
  };

  const run: Record<CommandName, (arg: unknown) => void> = {
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
      view = mount(result.options);
    },
    open() {
      requireBooted('open')?.open();
    },
    close() {
      requireBooted('close')?.close();
    },
    shutdown() {
      const current = requireBooted('shutdown');
      view = null;
      current?.destroy();
    },
  };

  return (name, arg) => {
    if (typeof name !== 'string' || (COMMANDS as readonly string[]).indexOf(name) < 0) {
      const shown = typeof name === 'string' ? `"${name}"` : `of type ${typeof name}`;
      warn(`unknown command ${shown}; expected one of ${COMMANDS.join(', ')}`);
      return;
    }
    try {
      run[name as CommandName](arg);
    } catch (error) {
      warn(`"${name}" failed:`, error);
    }
  };
}
