import { ApiError } from '../../api/client';

/** One field the API refused, by its JSON path (e.g. `domains[2]`). */
export type FieldError = { field: string; message: string };

/** The per-field errors of a 400 answer (`errors: [{field, message}]`), none for anything else. */
export function fieldErrors(error: unknown): FieldError[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  return Object.entries(error.fieldErrors()).map(([field, message]) => ({ field, message }));
}

/** The errors naming `path` itself or anything inside it (`path[…]` or `path.…`). */
export function errorsAt(errors: FieldError[], path: string): FieldError[] {
  return errors.filter(
    (error) => error.field === path || error.field.startsWith(`${path}[`) || error.field.startsWith(`${path}.`),
  );
}
