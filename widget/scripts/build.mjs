// Bundles the loader (dist/loader.js) and the widget (dist/widget.js): minified ES2020 IIFEs, no eval, no globals.
// Members named with a leading `_` are private by convention and get short names (`mangleProps`). The languages
// other than English go minified to dist/lang/<code>.json, fetched by the widget when a visitor needs one.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  legalComments: 'none',
  drop: ['debugger'],
  mangleProps: /^_/,
  logLevel: 'warning',
};
await build({ ...common, entryPoints: ['src/loader.ts'], outfile: 'dist/loader.js' });
await build({ ...common, entryPoints: ['src/main.ts'], outfile: 'dist/widget.js' });

mkdirSync('dist/lang', { recursive: true });
for (const file of readdirSync('src/lang')) {
  writeFileSync(`dist/lang/${file}`, JSON.stringify(JSON.parse(readFileSync(`src/lang/${file}`, 'utf8'))));
}
