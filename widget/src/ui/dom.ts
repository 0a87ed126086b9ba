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

/** Runs `fn` once `document.body` exists. */
export function whenBodyReady(doc: Document, fn: () => void): void {
  if (doc.body) fn();
  else doc.addEventListener('DOMContentLoaded', fn, { once: true });
}
