import { describe, expect, it } from 'vitest';
import { DEFAULTS, MAX_GREETING_LENGTH, parseBootOptions } from '../src/options';

describe('parseBootOptions', () => {
  it('applies defaults when only the website key is given', () => {
    expect(parseBootOptions({ websiteKey: 'pk_abc123' })).toEqual({
      ok: true,
      options: { websiteKey: 'pk_abc123', ...DEFAULTS },
      warnings: [],
    });
  });

  it('keeps valid optional options', () => {
    const result = parseBootOptions({ websiteKey: 'pk_x', position: 'left', color: '#0F0', greeting: '  Hello  ' });
    expect(result).toEqual({
      ok: true,
      options: { websiteKey: 'pk_x', position: 'left', color: '#0F0', greeting: 'Hello' },
      warnings: [],
    });
  });

  it.each([undefined, null, 'pk_abc', [], 42])('rejects a non-object argument (%s)', (raw) => {
    expect(parseBootOptions(raw).ok).toBe(false);
  });

  it.each([undefined, '', 'abc', 'pk_', 'pk_has space', 'pk_<script>', 42, 'pk_' + 'a'.repeat(129)])(
    'rejects website key %s',
    (websiteKey) => {
      const result = parseBootOptions({ websiteKey });
      expect(result.ok).toBe(false);
    },
  );

  it.each([
    ['position', 'top'],
    ['color', 'red'],
    ['color', '#12345'],
    ['color', '#123456; background:url(x)'],
    ['color', 0x123456],
    ['greeting', ''],
    ['greeting', '   '],
    ['greeting', { html: '<b>' }],
  ])('falls back to the default %s for %s, with a warning', (key, value) => {
    const result = parseBootOptions({ websiteKey: 'pk_x', [key]: value });
    if (!result.ok) throw new Error('expected ok');
    expect(result.options).toEqual({ websiteKey: 'pk_x', ...DEFAULTS });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain(key);
  });

  it('keeps markup in the greeting as plain text and cuts it to the maximum length', () => {
    const long = '<img src=x onerror=alert(1)>' + 'x'.repeat(500);
    const result = parseBootOptions({ websiteKey: 'pk_x', greeting: long });
    if (!result.ok) throw new Error('expected ok');
    expect(result.options.greeting).toBe(long.slice(0, MAX_GREETING_LENGTH));
  });

  it('warns about unknown options', () => {
    const result = parseBootOptions({ websiteKey: 'pk_x', colour: '#fff' });
    expect(result.ok && result.warnings).toEqual(['unknown option "colour" ignored']);
  });
});
