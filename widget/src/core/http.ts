/** A failed API call: `status` 0 is a network failure; `retryAfter` in ms, from a 429's or 503's Retry-After. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfter = 0,
  ) {
    super(message);
  }

  /** Whether sending the same request again later may work (network, 401 after a new session, 429, 5xx). */
  get transient(): boolean {
    return this.status === 0 || this.status === 401 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

/** Calls the widget API: JSON in and out, the visitor token as bearer, failures as {@link ApiFailure}. */
export async function request<T>(base: string, method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = 'Bearer ' + token;
  let response: Response;
  try {
    response = await fetch(base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
    });
  } catch (error) {
    throw new ApiFailure(0, 'network', String(error));
  }
  const text = await response.text().catch(() => '');
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: a proxy's error page.
  }
  if (response.ok) return json as T;
  const seconds = Number(response.headers.get('Retry-After'));
  throw new ApiFailure(
    response.status,
    (json && json.error) || 'http_' + response.status,
    (json && json.message) || response.statusText || 'request failed',
    seconds > 0 ? seconds * 1000 : 0,
  );
}
