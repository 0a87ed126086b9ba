import { describe, expect, it } from 'vitest';
import { textColorOn, validateWidget } from '../../src/settings/widget/validation';
import { previewTexts } from '../../src/settings/widget/previewTexts';

describe('textColorOn', () => {
  it.each([
    ['#1f6feb', '#ffffff'],
    ['#000', '#ffffff'],
    ['#ffffff', '#111827'],
    ['#facc15', '#111827'],
    ['#e11d48', '#ffffff'],
    ['not a colour', '#ffffff'],
  ])('puts readable text on %s', (color, text) => {
    expect(textColorOn(color)).toBe(text);
  });
});

describe('validateWidget', () => {
  it.each([
    [{ color: '#abc' }, []],
    [{ color: '#abcd' }, ['widget.color']],
    [{ position: 'top' as 'left' }, ['widget.position']],
    [{ greeting: 'x'.repeat(501) }, ['widget.greeting']],
    [{ language: 'pt-BR' }, []],
    [{ language: 'p' }, ['widget.language']],
    [{ pre_chat_fields: [{ kind: 'name' as const, label: ' ' }] }, ['widget.pre_chat_fields[0].label']],
    [{ visitor_session_hours: 0 }, ['widget.visitor_session_hours']],
    [{ visitor_session_hours: 1.5 }, ['widget.visitor_session_hours']],
    [{ business_hours: { time_zone: 'UTC', days: { monday: [{ from: '9:00', to: '17:00' }] } } }, ['widget.business_hours.days.monday[0].from']],
    [{ business_hours: { time_zone: 'UTC', days: { monday: [{ from: '09:00', to: '24:00' }] } } }, []],
    [{ business_hours: { time_zone: '', days: {} } }, ['widget.business_hours.time_zone']],
  ])('checks %j', (widget, fields) => {
    expect(validateWidget(widget).map((error) => error.field)).toEqual(fields);
  });
});

describe('previewTexts', () => {
  it.each([
    ['de', 'Chat starten'],
    ['es-MX', 'Empezar chat'],
    ['pt-BR', 'Start chat'],
    [undefined, 'Start chat'],
  ])('speaks %s like the widget', (language, start) => {
    expect(previewTexts(language).start).toBe(start);
  });
});
