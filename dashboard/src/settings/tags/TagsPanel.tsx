import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { RESYNC, useRealtime } from '../../realtime/RealtimeProvider';
import { useSession } from '../../session/session';
import { settingsApi, settingsKeys, type TagView } from '../api';
import { ErrorNotice } from '../common/ErrorNotice';
import { errorsAt, fieldErrors, type FieldError } from '../common/errors';
import { FieldMessages } from '../common/FieldMessages';
import { Permission } from '../permissions';
import { isColor } from '../widget/validation';

/** The tags' own rules (CreateTagRequest), checked before sending. */
export function validateTag(name: string, color: string): FieldError[] {
  const errors: FieldError[] = [];
  if (name.trim() === '') errors.push({ field: 'name', message: 'must not be blank' });
  else if (name.trim().length > 40) errors.push({ field: 'name', message: 'must be at most 40 characters' });
  if (!isColor(color)) errors.push({ field: 'color', message: 'must be a colour like #rgb or #rrggbb' });
  return errors;
}

/** Tag definitions: create, rename, recolour, delete (softly) and restore; kept live by `tag:change` frames and refetched on resync. */
export function TagsPanel({ websiteId }: { websiteId: string }) {
  const { can } = useSession();
  const manage = can(Permission.manageTagDefinitions);
  const queryClient = useQueryClient();
  const realtime = useRealtime();
  const tags = useQuery({ queryKey: settingsKeys.tagDefinitions(websiteId), queryFn: () => settingsApi.tagDefinitions(websiteId) });

  useEffect(
    () =>
      realtime.subscribe((frame) => {
        if (frame.website_id === websiteId && (frame.type === 'tag:change' || frame.type === RESYNC)) {
          void queryClient.invalidateQueries({ queryKey: settingsKeys.tags(websiteId) });
        }
      }),
    [realtime, queryClient, websiteId],
  );

  const live = (tags.data ?? []).filter((tag) => !tag.deleted);
  const deleted = (tags.data ?? []).filter((tag) => tag.deleted);
  return (
    <div className="settings-section">
      {manage && <TagEditor websiteId={websiteId} />}
      {tags.isPending && <p className="settings-muted">Loading tags…</p>}
      <ErrorNotice error={tags.error} />
      {tags.data && live.length === 0 && <p className="settings-muted">No tags yet.</p>}
      <ul className="settings-list" aria-label="Tags">
        {live.map((tag) => (
          <li key={tag.id} className="settings-card">
            {manage ? <TagEditor websiteId={websiteId} existing={tag} /> : <TagChip tag={tag} />}
          </li>
        ))}
      </ul>
      {manage && deleted.length > 0 && (
        <>
          <h3>Deleted tags</h3>
          <ul className="settings-list" aria-label="Deleted tags">
            {deleted.map((tag) => (
              <li key={tag.id} className="settings-row">
                <TagChip tag={tag} />
                <RestoreButton websiteId={websiteId} tag={tag} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** A tag's name on its colour. */
export function TagChip({ tag }: { tag: Pick<TagView, 'name' | 'color'> }) {
  return (
    <span className="settings-tag">
      <span className="settings-tag__dot" style={{ background: tag.color }} aria-hidden="true" />
      {tag.name}
    </span>
  );
}

function RestoreButton({ websiteId, tag }: { websiteId: string; tag: TagView }) {
  const queryClient = useQueryClient();
  const restore = useMutation({
    mutationFn: () => settingsApi.restoreTag(websiteId, tag.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.tags(websiteId) }),
  });
  return (
    <>
      <button type="button" className="settings-button settings-button--small" disabled={restore.isPending} onClick={() => restore.mutate()}>
        Restore {tag.name}
      </button>
      <ErrorNotice error={restore.error} />
    </>
  );
}

function TagEditor({ websiteId, existing }: { websiteId: string; existing?: TagView }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(existing?.name ?? '');
  const [color, setColor] = useState(existing?.color ?? '#64748b');
  const [invalid, setInvalid] = useState<FieldError[]>([]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: settingsKeys.tags(websiteId) });
  const save = useMutation({
    mutationFn: () =>
      existing ? settingsApi.updateTag(websiteId, existing.id, { name: name.trim(), color }) : settingsApi.createTag(websiteId, name.trim(), color),
    onSuccess: () => {
      if (!existing) setName('');
      void refresh();
    },
  });
  const remove = useMutation({ mutationFn: () => settingsApi.deleteTag(websiteId, existing!.id), onSuccess: () => refresh() });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors = validateTag(name, color);
    setInvalid(errors);
    if (errors.length === 0) save.mutate();
  };
  const errors = invalid.length > 0 ? invalid : fieldErrors(save.error);
  const prefix = existing ? `tag-${existing.id}` : 'tag-new';
  const pickerValue = isColor(color) && color.length === 7 ? color : expand(color);

  return (
    <form className="settings-form" onSubmit={submit} noValidate aria-label={existing ? `Tag ${existing.name}` : 'New tag'}>
      <div className="settings-row">
        <label className="settings-visually-hidden" htmlFor={`${prefix}-name`}>
          {existing ? 'Name' : 'New tag name'}
        </label>
        <input
          id={`${prefix}-name`}
          className="settings-input"
          placeholder={existing ? undefined : 'New tag'}
          value={name}
          maxLength={40}
          aria-invalid={errorsAt(errors, 'name').length > 0}
          aria-describedby={`${prefix}-errors`}
          onChange={(event) => setName(event.target.value)}
        />
        <input type="color" aria-label={`${existing ? existing.name : 'New tag'} colour`} value={pickerValue} onChange={(event) => setColor(event.target.value)} />
        <button type="submit" className="settings-button settings-button--small settings-button--primary" disabled={save.isPending}>
          {existing ? 'Save' : 'Add tag'}
        </button>
        {existing && (
          <button type="button" className="settings-button settings-button--small settings-button--danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
            Delete
          </button>
        )}
      </div>
      <FieldMessages id={`${prefix}-errors`} errors={[...errorsAt(errors, 'name'), ...errorsAt(errors, 'color')]} />
      {fieldErrors(save.error).length === 0 && <ErrorNotice error={save.error ?? remove.error} />}
    </form>
  );
}

function expand(color: string): string {
  return isColor(color) ? `#${[...color.slice(1)].map((digit) => digit + digit).join('')}` : '#64748b';
}
