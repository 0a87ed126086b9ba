import { webUrl } from '../core/url';

const doc = document;

/** Creates an element with attributes and children; text children become text nodes, never markup. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const name in attrs) node.setAttribute(name, attrs[name]);
  node.append(...children);
  return node;
}

/** Creates a 24×24 stroked SVG icon from path data. */
export function icon(className: string, pathData: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = doc.createElementNS(ns, 'svg');
  const path = doc.createElementNS(ns, 'path');
  svg.setAttribute('class', className);
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  path.setAttribute('d', pathData);
  svg.append(path);
  return svg;
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/gi;

/** Plain text as text and links: http(s) URLs open in a new tab without access to this page. */
export function linkify(text: string): (Node | string)[] {
  const nodes: (Node | string)[] = [];
  let last = 0;
  text.replace(URL_PATTERN, (url: string, index: number) => {
    const href = webUrl(url);
    if (href) {
      nodes.push(text.slice(last, index), el('a', { href: href.href, target: '_blank', rel: 'noopener noreferrer' }, [url]));
      last = index + url.length;
    }
    return url;
  });
  nodes.push(text.slice(last));
  return nodes;
}

/** Runs `fn` once `document.body` exists. */
export function whenBodyReady(fn: () => void): void {
  if (doc.body) fn();
  else doc.addEventListener('DOMContentLoaded', fn, { once: true });
}

/** Attaches the stylesheet as a constructable stylesheet, which no `style-src` of the page governs. */
export function adoptStyles(shadow: ShadowRoot, css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  shadow.adoptedStyleSheets = [sheet];
}
