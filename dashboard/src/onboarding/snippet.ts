/** The widget's embed snippet (widget/README.md) for a gateway origin and a public key. */
export function installSnippet(origin: string, publicKey: string): string {
  return [
    '<script>',
    "  window.Zendo = window.Zendo || function(){(window.Zendo.q = window.Zendo.q || []).push(arguments)};",
    `  Zendo('boot', { websiteKey: ${JSON.stringify(publicKey).replace(/"/g, "'")} });`,
    '</script>',
    `<script async src="${origin}/widget/loader.js"></script>`,
  ].join('\n');
}

/** The host name in what an agent typed as a domain: `https://Shop.example.com/cart` → `shop.example.com`. */
export function hostOf(domain: string): string {
  return domain.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
}

/** The origin the first website's domain suggests: `shop.example.com` → `https://shop.example.com`. */
export function originFor(domain: string): string {
  const host = hostOf(domain);
  return host ? `https://${host}` : '';
}
