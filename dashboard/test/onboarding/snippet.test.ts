import { describe, expect, it } from 'vitest';
import { installSnippet, originFor } from '../../src/onboarding/snippet';

describe('installSnippet', () => {
  it('is widget/README.md’s snippet with the gateway origin and the public key', () => {
    expect(installSnippet('https://chat.example.com', 'pk_abc-1_2')).toBe(
      [
        '<script>',
        "  window.Zendo = window.Zendo || function(){(window.Zendo.q = window.Zendo.q || []).push(arguments)};",
        "  Zendo('boot', { websiteKey: 'pk_abc-1_2' });",
        '</script>',
        '<script async src="https://chat.example.com/widget/loader.js"></script>',
      ].join('\n'),
    );
  });
});

describe('originFor', () => {
  it.each([
    ['shop.example.com', 'https://shop.example.com'],
    ['  Shop.Example.com ', 'https://shop.example.com'],
    ['https://shop.example.com/cart', 'https://shop.example.com'],
    ['', ''],
  ])('%j → %j', (domain, origin) => {
    expect(originFor(domain)).toBe(origin);
  });
});
