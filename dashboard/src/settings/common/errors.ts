import { ApiError } from '../../api/client';

/** One field the API refused, by its JSON path (e.g. `domains[2]`). */
export type FieldError = { field: string; message: string };

/** The sentence to show for a failed call: the API's message, a wait after 429, or a network hint. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return 'The server could not be reached. Check your connection and try again.';
    if (error.status === 429) {
      const wait = error.retryAfter ? ` Try again in ${error.retryAfter} s.` : ' Try again shortly.';
      return `Too many requests.${wait}`;
    }
    if (error.status === 403) return 'Your role does not allow this.';
    return error.message || `The request failed (${error.status}).`;
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}

/** The per-field errors of a 400 answer (`errors: [{field, message}]`), none for anything else. */
export function fieldErrors(error: unknown): FieldError[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  const body = error.body as { errors?: unknown } | null | undefined;
  if (!body || !Array.isArray(body.errors)) return [];
  return body.errors.filter(
    (entry): entry is FieldError =>
      typeof entry === 'object' && entry !== null && typeof entry.field === 'string' && typeof entry.message === 'string',
  );
}

/** The errors naming `path` itself or anything inside it (`path[…]` or `path.…`). */
export function errorsAt(errors: FieldError[], path: string): FieldError[] {
  return errors.filter(
    (error) => error.field === path || error.field.startsWith(`${path}[`) || error.field.startsWith(`${path}.`),
  );
}
