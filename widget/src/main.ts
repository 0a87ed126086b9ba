import { createCommandHandler } from './commands';
import { guard, warn } from './log';
import { installApi, type ZendoHost } from './queue';
import { startWidget } from './widget';

/** The widget bundle (dist/widget.js): takes over `window.Zendo` and runs the queued calls; the API is its script's origin. */
guard(() => {
  const me = document.currentScript as HTMLScriptElement | null;
  const base = me && me.src ? new URL(me.src).origin : location.origin;
  installApi(window as ZendoHost, createCommandHandler((options, emit) => startWidget(options, emit, base), warn));
})();
