import { useLayoutEffect, useState } from 'react';

/** The token of an emailed link (`…#token=…`); the fragment never reaches servers. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.length <= 200 ? token : null;
}

/**
 * The token of the link this page was opened with, read once; the fragment is taken out of the address at once so
 * the token stays out of history, bookmarks and referrers.
 */
export function useLinkToken(): string | null {
  const [token] = useState(() => tokenFromHash(window.location.hash));
  useLayoutEffect(() => {
    if (window.location.hash) window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }, []);
  return token;
}
