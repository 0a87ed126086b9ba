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

/** The domain and origin fields of the first website, normalised: `shop.example.com` → `https://shop.example.com`. */
export function originFor(domain: string): string {
  const host = domain.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  return host ? `https://${host}` : '';
}
