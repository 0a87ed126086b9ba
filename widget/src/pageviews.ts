/** A page the visitor went to, as `POST /v1/widget/page-views` takes it. */
export interface PageViewBody {
  url: string;
  title?: string;
}

/**
 * Reports single-page-app navigation (history.pushState / replaceState, back and forward, hash changes) once per
 * new URL; the first page goes with the session. Returns a function that stops and restores `history`.
 */
export function trackPageViews(report: (page: PageViewBody) => void): () => void {
  let last = location.href;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (location.href === last || !/^https?:/.test(location.href)) return;
      last = location.href;
      try {
        report({ url: last.slice(0, 2048), title: document.title.slice(0, 500) || undefined });
      } catch {
        // Reporting is best effort.
      }
    }, 300);
  };
  const h = history;
  const push = h.pushState;
  const replace = h.replaceState;
  h.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
    push.apply(this, args);
    check();
  };
  h.replaceState = function (this: History, ...args: Parameters<History['replaceState']>) {
    replace.apply(this, args);
    check();
  };
  window.addEventListener('popstate', check);
  window.addEventListener('hashchange', check);
  return () => {
    clearTimeout(timer);
    if (h.pushState !== push) h.pushState = push;
    if (h.replaceState !== replace) h.replaceState = replace;
    window.removeEventListener('popstate', check);
    window.removeEventListener('hashchange', check);
  };
}
