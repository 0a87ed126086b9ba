import type { FieldError } from './errors';

/** The messages of one form field, linked to it by `id` for aria-describedby. */
export function FieldMessages({ id, errors }: { id: string; errors: FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <ul className="settings-field-errors" id={id}>
      {errors.map((error) => (
        <li key={`${error.field}:${error.message}`}>{describeField(error)}</li>
      ))}
    </ul>
  );
}

function describeField(error: FieldError): string {
  const item = /\[(\d+)\]/.exec(error.field);
  return item ? `Entry ${Number(item[1]) + 1}: ${error.message}` : error.message;
}
