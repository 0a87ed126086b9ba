import type { FieldError } from '../common/errors';

const SHORTCUT = /^[\p{L}\p{N}_-]{1,50}$/u;

/** The websites API's rules for a canned response. */
export function validateCannedResponse(shortcut: string, text: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!SHORTCUT.test(shortcut)) errors.push({ field: 'shortcut', message: 'must be 1 to 50 letters, digits, - or _' });
  if (text.trim() === '') errors.push({ field: 'text', message: 'must not be blank' });
  else if (text.length > 5000) errors.push({ field: 'text', message: 'must be at most 5000 characters' });
  return errors;
}
