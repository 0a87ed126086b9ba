import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { apiFetch } from '../api/client';
import type { Agent, Website } from '../api/types';
import { tokens } from '../auth/tokens';
import { navigate } from '../router';
import { roleCan } from './permissions';

/** The signed-in agent, their websites and the website being worked on. */
export interface Session {
  agent: Agent;
  websites: Website[];
  website: Website | null;
  selectWebsite(id: string): void;
  can(permission: string): boolean;
  signOut(): Promise<void>;
  reloadWebsites(): Promise<void>;
}

const SELECTED_KEY = 'zendo.website';
export const WEBSITES_KEY = ['websites'] as const;

const SessionContext = createContext<Session | null>(null);

/** The session of the signed-in agent; only inside SessionProvider. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Revokes the refresh token's family at identity (best effort), then forgets the credentials. */
export async function signOut(): Promise<void> {
  const refreshToken = tokens.refreshToken();
  if (refreshToken) {
    try {
      await apiFetch<void>('/v1/auth/logout', { body: { refresh_token: refreshToken } });
    } catch {
      // Signing out locally must not depend on the server: the token expires on its own.
    }
  }
  navigate('/login', { replace: true });
  tokens.clear('signed-out');
}

function readSelected(): string | null {
  try {
    return localStorage.getItem(SELECTED_KEY);
  } catch {
    return null;
  }
}

/** Provides the session once the agent's websites are loaded; `children` get `useSession()`. */
export function SessionProvider(props: {
  agent: Agent;
  children: ReactNode;
  loading: ReactNode;
  failed: (error: unknown, retry: () => void) => ReactNode;
}) {
  const { agent, children } = props;
  const queryClient = useQueryClient();
  const websitesQuery = useQuery({
    queryKey: WEBSITES_KEY,
    queryFn: ({ signal }) => apiFetch<Website[]>('/v1/websites', { signal }),
  });
  const [selected, setSelected] = useState<string | null>(readSelected);

  const selectWebsite = useCallback((id: string) => {
    localStorage.setItem(SELECTED_KEY, id);
    setSelected(id);
  }, []);

  const reloadWebsites = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: WEBSITES_KEY });
  }, [queryClient]);

  const doSignOut = useCallback(async () => {
    await signOut();
    queryClient.clear();
  }, [queryClient]);

  const websites = websitesQuery.data;
  const session = useMemo<Session | null>(() => {
    if (!websites) return null;
    const website = websites.find((w) => w.id === selected) ?? websites[0] ?? null;
    return {
      agent,
      websites,
      website,
      selectWebsite,
      can: (permission: string) => roleCan(website?.role, permission),
      signOut: doSignOut,
      reloadWebsites,
    };
  }, [agent, websites, selected, selectWebsite, doSignOut, reloadWebsites]);

  if (!session) {
    if (websitesQuery.isError) return <>{props.failed(websitesQuery.error, () => void websitesQuery.refetch())}</>;
    return <>{props.loading}</>;
  }
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** Provides a fixed session (for tests and previews of components that read `useSession()`). */
export function SessionContextProvider(props: { value: Session; children: ReactNode }) {
  return <SessionContext.Provider value={props.value}>{props.children}</SessionContext.Provider>;
}
