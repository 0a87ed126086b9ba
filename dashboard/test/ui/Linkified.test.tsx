import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Highlighted } from '../../src/ui/Highlighted';
import { Linkified, splitLinks } from '../../src/ui/Linkified';

describe('Linkified', () => {
  it('links http and https URLs with no opener and no referrer, leaving trailing punctuation out', () => {
    const html = renderToStaticMarkup(<Linkified text="See https://example.com/a?b=1. Thanks" />);
    expect(html).toBe(
      'See <a href="https://example.com/a?b=1" target="_blank" rel="noopener noreferrer">https://example.com/a?b=1</a>. Thanks',
    );
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    'vbscript:msgbox',
  ])('renders %s as inert text', (payload) => {
    const html = renderToStaticMarkup(<Linkified text={payload} />);
    expect(html).not.toContain('<a');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
  });

  it('splits several links', () => {
    expect(splitLinks('a http://x.test b https://y.test')).toEqual([
      { text: 'a ' },
      { href: 'http://x.test/', text: 'http://x.test' },
      { text: ' b ' },
      { href: 'https://y.test/', text: 'https://y.test' },
    ]);
  });
});

describe('Highlighted', () => {
  it('marks the highlight ranges and escapes the rest', () => {
    const html = renderToStaticMarkup(
      <Highlighted text="<b>refund</b> for order" highlights={[{ start: 3, end: 9 }, { start: 18, end: 23 }]} />,
    );
    expect(html).toBe('&lt;b&gt;<mark>refund</mark>&lt;/b&gt; for <mark>order</mark>');
  });

  it.each([
    [[{ start: 50, end: 60 }], 'abc'],
    [[{ start: 2, end: 1 }], 'abc'],
    [[{ start: 0, end: 2 }, { start: 1, end: 3 }], '<mark>ab</mark>c'],
  ])('ignores ranges that do not fit: %j', (highlights, expected) => {
    expect(renderToStaticMarkup(<Highlighted text="abc" highlights={highlights} />)).toBe(expected);
  });
});
