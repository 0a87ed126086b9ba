import { afterEach, describe, expect, it, vi } from 'vitest';
import { en, fill, LANGUAGES, loadTexts, pickLanguage, TRANSCRIPT_TEXTS } from '../src/i18n';
import de from '../src/lang/de.json';
import es from '../src/lang/es.json';


const files: Record<string, object> = { de, es };
const file = (code: string) => files[code];

describe('pickLanguage', () => {
  it.each([
    [['de-AT', 'en'], 'en', 'de'],
    [['fr-FR'], 'es', 'es'],
    [['fr-FR'], 'pt-BR', 'en'],
    [[], undefined, 'en'],
    [['ES'], 'de', 'es'],
  ])('browser %j with website language %s speaks %s', (browser, website, expected) => {
    expect(pickLanguage(browser, website)).toBe(expected);
  });

  it('has every text in every language, those only the on-demand chunk needs included', () => {
    const keys = Object.keys(en).concat(Object.keys(TRANSCRIPT_TEXTS)).sort();
    LANGUAGES.filter((code) => code !== 'en').forEach((code) => expect(Object.keys(file(code)).sort()).toEqual(keys));
  });
});

describe('loadTexts', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('speaks English without fetching', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    expect(await loadTexts('https://chat.example.com/widget/lang/', 'en')).toBe(en);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('fetches a language once from beside the bundle', async () => {
    const fetch = vi.fn(() => Promise.resolve(new Response(JSON.stringify(file('de')))));
    vi.stubGlobal('fetch', fetch);
    const first = await loadTexts('https://chat.example.com/widget/lang/', 'de');
    const again = await loadTexts('https://chat.example.com/widget/lang/', 'de');
    expect(first.send).toBe('Senden');
    expect(again).toBe(first);
    expect(fetch.mock.calls).toEqual([['https://chat.example.com/widget/lang/de.json']]);
  });

  it.each([
    ['a network failure', 'x1', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['a 404', 'x2', () => Promise.resolve(new Response('missing', { status: 404 }))],
    ['a body that is not JSON', 'x3', () => Promise.resolve(new Response('<html>'))],
  ])('falls back to English on %s and tries again next time', async (_, code, failure) => {
    vi.stubGlobal('fetch', vi.fn(failure));
    expect(await loadTexts('https://chat.example.com/widget/lang/', code)).toBe(en);
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(JSON.stringify(file('es'))))));
    expect((await loadTexts('https://chat.example.com/widget/lang/', code)).send).toBe('Enviar');
  });

  it('speaks English when a language takes too long, and the language once it is there', async () => {
    vi.useFakeTimers();
    let answer: (response: Response) => void = () => undefined;
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))));
    const slow = loadTexts('https://chat.example.com/widget/lang/', 'x4', 3000);
    await vi.advanceTimersByTimeAsync(3000);
    expect(await slow).toBe(en);
    answer(new Response(JSON.stringify(file('de'))));
    vi.useRealTimers();
    expect((await loadTexts('https://chat.example.com/widget/lang/', 'x4')).send).toBe('Senden');
  });

  it('fills a text missing from a language with the English one', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(JSON.stringify({ send: 'Senden' })))));
    const texts = await loadTexts('https://chat.example.com/widget/lang/', 'xx');
    expect(texts.send).toBe('Senden');
    expect(texts.open).toBe(en.open);
  });
});

describe('fill', () => {
  it('fills known placeholders and leaves others', () => {
    expect(fill('{name} is number {n} {x}', { name: 'Ana', n: 2 })).toBe('Ana is number 2 {x}');
  });
});
