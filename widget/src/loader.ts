/**
 * The loader (dist/loader.js): defines the queueing stub when the page has none, boots from the script tag's
 * `data-website-key` (the snippet form without inline script), and loads the widget bundle asynchronously from its
 * own origin.
 */
((w: Window & { Zendo?: any }, d: Document) => {
  try {
    const me = d.currentScript as HTMLScriptElement | null;
    const z =
      w.Zendo ||
      (w.Zendo = function () {
        (z.q = z.q || []).push(arguments);
      });
    const key = me && me.getAttribute('data-website-key');
    if (key) z('boot', { websiteKey: key });
    if (z.loaded || !me) return;
    const s = d.createElement('script');
    s.async = true;
    s.src = new URL('widget.js', me.src).href;
    if (me.nonce) s.nonce = me.nonce;
    (d.head || d.documentElement).appendChild(s);
  } catch (e) {
    console.warn('[zendo]', e);
  }
})(window, document);
