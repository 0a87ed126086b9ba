import { useState } from 'react';
import type { WidgetSettings } from '../../api/types';
import { isColor, textColorOn } from './validation';

const FALLBACK_COLOR = '#1f6feb';

/** A still picture of the chat widget as visitors will see it with `settings`, online or away. */
export function WidgetPreview({ settings }: { settings: WidgetSettings }) {
  const [mode, setMode] = useState<'online' | 'away'>('online');
  const color = settings.color && isColor(settings.color) ? settings.color : FALLBACK_COLOR;
  const ink = textColorOn(color);
  const position = settings.position === 'left' ? 'left' : 'right';
  const fields = settings.pre_chat_fields ?? [];

  return (
    <section className="settings-card settings-preview-card" aria-labelledby="widget-preview-title">
      <div className="settings-preview-card__head">
        <h3 id="widget-preview-title">Preview</h3>
        <div className="settings-segmented" role="group" aria-label="Preview as">
          {(['online', 'away'] as const).map((value) => (
            <button
              key={value}
              type="button"
              className="settings-segmented__option"
              aria-pressed={mode === value}
              onClick={() => setMode(value)}
            >
              {value === 'online' ? 'Agents online' : 'Away'}
            </button>
          ))}
        </div>
      </div>
      <div
        className={`settings-preview settings-preview--${position}`}
        data-testid="widget-preview"
        data-position={position}
        lang={settings.language || undefined}
      >
        <div className="settings-preview__page" aria-hidden="true">
          <span />
          <span />
          <span />
        </div>
        <div className="settings-preview__panel">
          <div className="settings-preview__header" data-testid="widget-preview-header" style={{ background: color, color: ink }}>
            <strong className="settings-preview__title">{settings.greeting ?? ''}</strong>
            <span className="settings-preview__status">{mode === 'online' ? 'We reply in a few minutes' : 'Away'}</span>
          </div>
          <div className="settings-preview__body">
            {mode === 'away' ? (
              <>
                <p className="settings-preview__away" data-testid="widget-preview-away">
                  {settings.away_message ?? ''}
                </p>
                <PreviewInput label="Email" required />
                <PreviewInput label="Message" required multiline />
                <span className="settings-preview__send" style={{ background: color, color: ink }}>
                  Send
                </span>
              </>
            ) : fields.length > 0 ? (
              <>
                {fields.map((field, index) => (
                  <PreviewInput key={index} label={field.label} required={field.required ?? false} />
                ))}
                <span className="settings-preview__send" style={{ background: color, color: ink }}>
                  Start chat
                </span>
              </>
            ) : (
              <div className="settings-preview__composer">Type your message…</div>
            )}
          </div>
        </div>
        <span
          className="settings-preview__launcher"
          data-testid="widget-preview-launcher"
          style={{ background: color, color: ink }}
          aria-hidden="true"
        >
          <svg viewBox="0 0 24 24" width="24" height="24" fill="currentColor">
            <path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z" />
          </svg>
        </span>
      </div>
    </section>
  );
}

function PreviewInput(props: { label: string; required: boolean; multiline?: boolean }) {
  return (
    <div className="settings-preview__field">
      <span>
        {props.label}
        {props.required ? ' *' : ''}
      </span>
      <span className={`settings-preview__input${props.multiline ? ' settings-preview__input--tall' : ''}`} />
    </div>
  );
}
