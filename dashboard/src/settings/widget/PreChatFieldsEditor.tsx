import type { PreChatField } from '../../api/types';
import type { FieldError } from '../common/errors';
import { FieldMessages } from '../common/FieldMessages';

const KINDS: PreChatField['kind'][] = ['name', 'email', 'phone', 'custom'];
const MAX_FIELDS = 10;

/** The questions a visitor answers before the first message: kind, label, required; at most ten. */
export function PreChatFieldsEditor(props: { fields: PreChatField[]; errors: FieldError[]; onChange: (fields: PreChatField[]) => void }) {
  const { fields, errors, onChange } = props;
  const change = (index: number, changes: Partial<PreChatField>) =>
    onChange(fields.map((field, at) => (at === index ? { ...field, ...changes } : field)));
  return (
    <>
      {fields.length === 0 && <p className="settings-muted">Visitors start chatting at once.</p>}
      {fields.map((field, index) => (
        <div className="settings-row settings-prechat" key={index}>
          <select
            aria-label={`Field ${index + 1} kind`}
            className="settings-input settings-input--short"
            value={field.kind}
            onChange={(event) => change(index, { kind: event.target.value as PreChatField['kind'] })}
          >
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
          <input
            aria-label={`Field ${index + 1} label`}
            className="settings-input"
            value={field.label}
            maxLength={100}
            onChange={(event) => change(index, { label: event.target.value })}
          />
          <label className="settings-choice">
            <input type="checkbox" checked={field.required ?? false} onChange={(event) => change(index, { required: event.target.checked })} />
            Required
          </label>
          <button
            type="button"
            className="settings-button settings-button--small"
            aria-label={`Remove field ${index + 1}`}
            onClick={() => onChange(fields.filter((_, other) => other !== index))}
          >
            Remove
          </button>
        </div>
      ))}
      <FieldMessages id="widget-prechat-errors" errors={errors} />
      {fields.length < MAX_FIELDS && (
        <button
          type="button"
          className="settings-button settings-button--small"
          onClick={() => onChange([...fields, { kind: 'name', label: 'Name', required: false }])}
        >
          Add a field
        </button>
      )}
    </>
  );
}
