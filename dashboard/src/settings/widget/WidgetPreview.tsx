import { useState } from 'react';
import type { WidgetSettings } from '../../api/types';
import { previewTexts } from './previewTexts';
import { isColor, textColorOn } from './validation';

const FALLBACK_COLOR = '#1f6feb';

/**
 * A still picture of the chat widget as a visitor sees it with `settings` (the layout and words of widget/), with
 * agents online (the pre-chat form or the composer) or away (the away message and its message form).
 */
export function WidgetPreview({ settings }: { settings: WidgetSettings }) {
  const [mode, setMode] = useState<'online' | 'away'>('online');
  const color = settings.color && isColor(settings.color) ? settings.color : FALLBACK_COLOR;
  const ink = textColorOn(color);
  const accent = { background: color, color: ink };
  const position = settings.position === 'left' ? 'left' : 'right';
  const fields = settings.pre_chat_fields ?? [];
  const t = previewTexts(settings.language);
  const greeting = settings.greeting ?? '';

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
          <div className="settings-preview__header" data-testid="widget-preview-header" style={accent}>
            <span className="settings-preview__avatar" aria-hidden="true">
              {(greeting.trim() || 'Z').charAt(0)}
            </span>
            <span className="settings-preview__titles">
              <strong className="settings-preview__title">{greeting}</strong>
              <span className="settings-preview__status">{mode === 'online' ? t.online : t.away}</span>
            </span>
          </div>
          <div className="settings-preview__log" />
          {mode === 'away' ? (
            <div className="settings-preview__form">
              <p className="settings-preview__form-title" data-testid="widget-preview-away">
                {settings.away_message || t.away}
              </p>
              <PreviewInput label={t.name} required={false} />
              <PreviewInput label={t.email} required />
              <PreviewInput label={t.message} required multiline />
              <span className="settings-preview__primary" style={accent}>
                {t.leave}
              </span>
            </div>
          ) : fields.length > 0 ? (
            <div className="settings-preview__form">
              <p className="settings-preview__form-title">{greeting}</p>
              {fields.map((field, index) => (
                <PreviewInput key={index} label={field.label} required={field.required ?? false} />
              ))}
              <span className="settings-preview__primary" style={accent}>
                {t.start}
              </span>
            </div>
          ) : (
            <div className="settings-preview__composer">
              <span className="settings-preview__input settings-preview__input--composer">{t.placeholder}</span>
              <span className="settings-preview__send" style={accent} aria-hidden="true">
                <svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2">
                  <path d="M22 2 11 13M22 2l-7 20-4-9-9-4 20-7z" />
                </svg>
              </span>
            </div>
          )}
        </div>
        <span className="settings-preview__launcher" data-testid="widget-preview-launcher" style={accent} aria-hidden="true">
          <svg viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z" />
          </svg>
        </span>
      </div>
    </section>
  );
}

function PreviewInput(props: { label: string; required: boolean; multiline?: boolean }) {
  return (
    <span className="settings-preview__field">
      {props.label}
      {props.required ? ' *' : ''}
      <span className={`settings-preview__input${props.multiline ? ' settings-preview__input--tall' : ''}`} />
    </span>
  );
}
