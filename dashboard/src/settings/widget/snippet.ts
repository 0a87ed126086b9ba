/** The embed code of widget/README.md for a website's public key, loading the widget from `origin`. */
export function installSnippet(origin: string, publicKey: string): string {
  return [
    '<script>',
    "  window.Zendo = window.Zendo || function(){(window.Zendo.q = window.Zendo.q || []).push(arguments)};",
    `  Zendo('boot', { websiteKey: '${publicKey}' });`,
    '</script>',
    `<script async src="${origin}/widget/loader.js"></script>`,
  ].join('\n');
}
