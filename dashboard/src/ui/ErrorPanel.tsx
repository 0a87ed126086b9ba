import { describeError } from '../api/client';

/** A failed load, with what went wrong and a way to try again. */
export function ErrorPanel(props: { error: unknown; retry?: () => void }) {
  return (
    <div className="error-panel" role="alert">
      <p>{describeError(props.error)}</p>
      {props.retry && (
        <button type="button" className="button" onClick={props.retry}>
          Try again
        </button>
      )}
    </div>
  );
}
