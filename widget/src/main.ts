import { createCommandHandler } from './commands';
import { extrasLoader } from './extras-loader';
import { guard, warn } from './log';
import { installApi, type ZendoHost } from './queue';
import { startWidget } from './widget';

/**
 * The widget bundle (dist/widget.js): takes over `window.Zendo` and runs the queued calls; the API is its script's
 * origin, and the languages other than English come from `lang/` beside it, the forms and the rating from `extras.js`.
 */
guard(() => {
  const me = document.currentScript as HTMLScriptElement | null;
  const src = me && me.src ? me.src : location.origin + '/widget/widget.js';
  const langDir = new URL('lang/', src).href;
  const extras = extrasLoader(new URL('extras.js', src).href, (me && me.nonce) || '');
  installApi(window as ZendoHost, createCommandHandler((options, emit) => startWidget(options, emit, new URL(src).origin, langDir, extras), warn));
})();
