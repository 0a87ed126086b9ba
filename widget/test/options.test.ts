import { describe, expect, it } from 'vitest';
import { parseBootOptions, parseUser } from '../src/options';

describe('parseBootOptions', () => {
  it('accepts a website key alone', () => {
    expect(parseBootOptions({ websiteKey: 'pk_abc123' })).toEqual({ ok: true, options: { websiteKey: 'pk_abc123' }, warnings: [] });
  });

  it('keeps a valid user', () => {
    const result = parseBootOptions({ websiteKey: 'pk_x', user: { id: 'u1', name: ' Ana ', token: 'jwt' } });
    expect(result).toEqual({ ok: true, options: { websiteKey: 'pk_x', user: { id: 'u1', name: 'Ana', token: 'jwt' } }, warnings: [] });
  });

  it.each([undefined, null, 'pk_abc', [], 42])('rejects a non-object argument (%s)', (raw) => {
    expect(parseBootOptions(raw).ok).toBe(false);
  });

  it.each([undefined, '', 'abc', 'pk_', 'pk_has space', 'pk_<script>', 42, 'pk_' + 'a'.repeat(129)])('rejects website key %s', (websiteKey) => {
    expect(parseBootOptions({ websiteKey }).ok).toBe(false);
  });

  it.each([['user', 'ana'], ['user', { name: 42 }], ['user', { email: '' }], ['colour', '#fff']])(
    'warns about %s = %s and boots without it',
    (key, value) => {
      const result = parseBootOptions({ websiteKey: 'pk_x', [key]: value });
      if (!result.ok) throw new Error('expected ok');
      expect(result.options).toEqual({ websiteKey: 'pk_x' });
      expect(result.warnings).toHaveLength(1);
      expect(result.warnings[0]).toContain(key);
    },
  );
});

describe('parseUser', () => {
  it('drops unknown fields and rejects non-strings', () => {
    expect(parseUser({ email: 'a@b.c', admin: true })).toEqual({ email: 'a@b.c' });
    expect(parseUser({ id: 7 })).toBeNull();
  });
});
