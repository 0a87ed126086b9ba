/** A failed API call: an HTTP error answer, or status 0 / code `network` when no answer arrived. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly body: unknown;
  readonly retryAfter?: number;

  constructor(status: number, code: string, message: string, body?: unknown, retryAfter?: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.body = body;
    this.retryAfter = retryAfter;
  }

  /** The per-field messages of a 400 answer (`errors: [{field, message}]`), keyed by field. */
  fieldErrors(): Record<string, string> {
    const errors = (this.body as { errors?: { field?: unknown; message?: unknown }[] } | undefined)?.errors;
    const out: Record<string, string> = {};
    if (Array.isArray(errors)) {
      for (const e of errors) {
        if (typeof e?.field === 'string' && typeof e.message === 'string') out[e.field] = e.message;
      }
    }
    return out;
  }
}

/** Whether `error` is a fetch aborted through its signal. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** A user-facing sentence for any error an API call may throw. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return 'Cannot reach the server. Check your connection and try again.';
    if (error.status === 429) {
      return error.retryAfter !== undefined
        ? `Too many requests. Try again in ${error.retryAfter} s.`
        : 'Too many requests. Try again shortly.';
    }
    return error.message || `Request failed (${error.status}).`;
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}

/** Turns a non-2xx answer into an ApiError, reading the platform's `{status, error, message}` body. */
export async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const b = body as { error?: unknown; message?: unknown } | undefined;
  const code = typeof b?.error === 'string' ? b.error : `http_${response.status}`;
  const message = typeof b?.message === 'string' ? b.message : `Request failed (${response.status}).`;
  const header = response.headers.get('Retry-After');
  const retryAfter = header !== null && /^\d+$/.test(header.trim()) ? Number(header.trim()) : undefined;
  return new ApiError(response.status, code, message, body, retryAfter);
}
