import { describe, expect, it } from 'vitest';
import { fill, LANGUAGES, pickTexts } from '../src/i18n';

describe('pickTexts', () => {
  it.each([
    [['de-AT', 'en'], 'en', 'de'],
    [['fr-FR'], 'es', 'es'],
    [['fr-FR'], 'pt-BR', 'en'],
    [[], undefined, 'en'],
    [['ES'], 'de', 'es'],
  ])('browser %j with website language %s speaks %s', (browser, website, expected) => {
    expect(pickTexts(browser, website)).toBe(LANGUAGES[expected]);
  });

  it('has every text in every language', () => {
    const keys = Object.keys(LANGUAGES.en).sort();
    Object.keys(LANGUAGES).forEach((lang) => expect(Object.keys(LANGUAGES[lang]).sort()).toEqual(keys));
  });
});

describe('fill', () => {
  it('fills known placeholders and leaves others', () => {
    expect(fill('{name} is number {n} {x}', { name: 'Ana', n: 2 })).toBe('Ana is number 2 {x}');
  });
});
