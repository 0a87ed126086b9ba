import { ApiError, describeError } from '../../api/client';

/** A failed call, explained in a live region; nothing when there is no error. */
export function ErrorNotice({ error }: { error: unknown }) {
  if (!error) return null;
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <p className="settings-error" role="alert">
      {forbidden ? 'Your role in this website does not allow this.' : describeError(error)}
    </p>
  );
}
