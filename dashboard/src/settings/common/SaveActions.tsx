/** A settings form's save button and its "Saved." status, or who may change `what` when the caller may not. */
export function SaveActions(props: { editable: boolean; saving: boolean; saved: boolean; label: string; what: string }) {
  if (!props.editable) return <p className="settings-muted">Only owners and admins change the {props.what}.</p>;
  return (
    <div className="settings-actions">
      <button type="submit" className="settings-button settings-button--primary" disabled={props.saving}>
        {props.saving ? 'Saving…' : props.label}
      </button>
      {props.saved && !props.saving && <span role="status">Saved.</span>}
    </div>
  );
}
