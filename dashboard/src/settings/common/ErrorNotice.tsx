import { describeError } from './errors';

/** A failed call, explained in a live region; nothing when there is no error. */
export function ErrorNotice({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="settings-error" role="alert">
      {describeError(error)}
    </p>
  );
}
