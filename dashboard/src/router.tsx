import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const location = (): string => window.location.pathname + window.location.search;

/** The current path and query string; re-renders on navigation. */
export function useRoute(): { path: string; query: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, location, location);
  const url = new URL(href, 'http://dashboard.invalid');
  return { path: url.pathname, query: url.searchParams };
}

/** Goes to `to` (a path with an optional query) with the History API. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === location()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
}

type LinkProps = { to: string; children: ReactNode; className?: string } & AnchorHTMLAttributes<HTMLAnchorElement>;

/** An in-app link: a real `<a href>` (open in new tab works) that navigates without reloading. */
export function Link({ to, children, onClick, ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={handle} {...rest}>
      {children}
    </a>
  );
}
