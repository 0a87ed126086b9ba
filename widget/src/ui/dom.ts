/** Creates an element with attributes and children; text children become text nodes, never markup. */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  Object.keys(attrs).forEach((name) => node.setAttribute(name, attrs[name]));
  children.forEach((child) => node.appendChild(typeof child === 'string' ? doc.createTextNode(child) : child));
  return node;
}

/** Creates a 24×24 stroked SVG icon from path data. */
export function icon(doc: Document, className: string, pathData: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = doc.createElementNS(ns, 'svg');
  svg.setAttribute('class', className);
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS(ns, 'path');
  path.setAttribute('d', pathData);
  svg.appendChild(path);
  return svg;
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/gi;

/** Plain text as nodes, with http(s) URLs made into links that open in a new tab without access to this page. */
export function linkify(doc: Document, text: string): Node[] {
  const nodes: Node[] = [];
  let last = 0;
  text.replace(URL_PATTERN, (url: string, index: number) => {
    let href: URL | null = null;
    try {
      href = new URL(url);
    } catch {
      // Not a URL after all: stays text.
    }
    if (href && (href.protocol === 'http:' || href.protocol === 'https:')) {
      if (index > last) nodes.push(doc.createTextNode(text.slice(last, index)));
      nodes.push(el(doc, 'a', { href: href.href, target: '_blank', rel: 'noopener noreferrer' }, [url]));
      last = index + url.length;
    }
    return url;
  });
  if (last < text.length) nodes.push(doc.createTextNode(text.slice(last)));
  return nodes;
}

/** Runs `fn` once `document.body` exists. */
export function whenBodyReady(doc: Document, fn: () => void): void {
  if (doc.body) fn();
  else doc.addEventListener('DOMContentLoaded', fn, { once: true });
}

/** Attaches the stylesheet: adopted (CSP-proof) where supported, else a `<style>` element. */
export function adoptStyles(doc: Document, shadow: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    (shadow as ShadowRoot & { adoptedStyleSheets: CSSStyleSheet[] }).adoptedStyleSheets = [sheet];
  } catch {
    shadow.appendChild(el(doc, 'style', {}, [css]));
  }
}
