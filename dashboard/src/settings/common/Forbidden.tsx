/** What a section shows to a role that may not use it. */
export function Forbidden({ what }: { what: string }) {
  return (
    <p className="settings-muted" role="note">
      Your role in this website does not allow {what}. Ask an owner or admin.
    </p>
  );
}
