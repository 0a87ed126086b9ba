import type { FieldError } from '../common/errors';
import type { WidgetSettings } from '../../api/types';

const COLOR = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const LANGUAGE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}$/;
const KINDS = ['name', 'email', 'phone', 'custom'];
const FROM = /^([01]\d|2[0-3]):[0-5]\d$/;
const TO = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** The weekdays of business hours, as the API names them. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** One weekday of business hours. */
export type Weekday = (typeof WEEKDAYS)[number];

/** The websites API's rules for widget settings (WidgetSettings), with the API's field paths. */
export function validateWidget(widget: WidgetSettings): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field: `widget.${field}`, message });
  if (widget.color !== undefined && !COLOR.test(widget.color)) add('color', 'must be a colour like #1f6feb or #fff');
  if (widget.position !== undefined && widget.position !== 'left' && widget.position !== 'right') {
    add('position', 'must be left or right');
  }
  if ((widget.greeting ?? '').length > 500) add('greeting', 'must be at most 500 characters');
  if ((widget.away_message ?? '').length > 500) add('away_message', 'must be at most 500 characters');
  if (widget.language !== undefined && !LANGUAGE.test(widget.language)) {
    add('language', 'must be a BCP 47 language tag like en or pt-BR');
  }
  const fields = widget.pre_chat_fields ?? [];
  if (fields.length > 10) add('pre_chat_fields', 'at most 10 fields');
  fields.forEach((field, index) => {
    if (!KINDS.includes(field.kind)) add(`pre_chat_fields[${index}].kind`, 'must be name, email, phone or custom');
    const length = field.label.trim().length;
    if (length === 0 || field.label.length > 100) {
      add(`pre_chat_fields[${index}].label`, 'must be 1 to 100 characters');
    }
  });
  const business = widget.business_hours;
  if (business) {
    if (business.time_zone.trim() === '') add('business_hours.time_zone', 'must be an IANA time zone such as Europe/Paris');
    for (const day of WEEKDAYS) {
      const ranges = business.days[day] ?? [];
      if (ranges.length > 6) add(`business_hours.days.${day}`, 'at most 6 ranges a day');
      ranges.forEach((range, index) => {
        const path = `business_hours.days.${day}[${index}]`;
        if (!FROM.test(range.from)) add(`${path}.from`, 'must be a time HH:mm');
        else if (!TO.test(range.to)) add(`${path}.to`, 'must be a time HH:mm');
        else if (range.from >= range.to) add(path, 'must end after it starts');
      });
    }
  }
  const hours = widget.visitor_session_hours;
  if (hours !== undefined && (!Number.isInteger(hours) || hours < 1 || hours > 168)) {
    add('visitor_session_hours', 'must be a whole number of hours from 1 to 168');
  }
  return errors;
}

function luminance(color: string): number {
  const hex = color.length === 4 ? [...color.slice(1)].map((digit) => digit + digit).join('') : color.slice(1);
  const [r, g, b] = [0, 2, 4].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
const DARK_TEXT = '#111827';

/** White or near-black text on `color`, whichever contrasts more (WCAG 2), as the widget picks it. */
export function textColorOn(color: string): string {
  if (!COLOR.test(color)) return '#ffffff';
  const background = luminance(color);
  return contrast(background, 1) >= contrast(background, luminance(DARK_TEXT)) ? '#ffffff' : DARK_TEXT;
}

/** Whether `color` is a colour the API accepts. */
export function isColor(color: string): boolean {
  return COLOR.test(color);
}
