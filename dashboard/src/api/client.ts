import { tokens } from '../auth/tokens';
import { ApiError, isAbort, toApiError } from './errors';

export { ApiError, describeError, isAbort } from './errors';

export interface ApiOptions {
  method?: string;
  body?: unknown;
  signal?: AbortSignal;
}

async function send(path: string, options: ApiOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(path, {
      method: options.method ?? (options.body !== undefined ? 'POST' : 'GET'),
      headers,
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, 'network', 'Cannot reach the server.');
  }
}

async function parse<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Calls the API through the gateway (same origin) with the signed-in agent's access token: JSON in and out,
 * one silent token refresh and retry on 401, 204 → undefined.
 */
export async function apiFetch<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const token = await tokens.accessToken();
  let response = await send(path, options, token);
  if (response.status === 401 && token) {
    const renewed = await tokens.renewAfterRejection(token);
    if (renewed) response = await send(path, options, renewed);
  }
  if (!response.ok) throw await toApiError(response);
  return parse<T>(response);
}

/** Calls an endpoint that takes no access token (sign-up, sign-in, refresh). */
export async function publicFetch<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const response = await send(path, options, null);
  if (!response.ok) throw await toApiError(response);
  return parse<T>(response);
}
