import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../api/client';
import type { Agent } from '../api/types';

/** The query key of the signed-in agent's own profile (`GET /v1/auth/me`). */
export const ME_KEY = ['me'] as const;

/** The signed-in agent as identity sees them now, `email_verified` included. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: ({ signal }) => apiFetch<Agent>('/v1/auth/me', { signal }) });
}
