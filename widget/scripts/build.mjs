// Bundles the loader (dist/loader.js), the widget (dist/widget.js) and its on-demand chunk (dist/extras.js: forms
// and rating): minified ES2020 IIFEs, no eval, no globals. Members named with a leading `_` are private by convention
// and get short names (`mangleProps`), the same in the chunk as in the widget (one mangle cache). The languages
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
const main = await build({ ...common, entryPoints: ['src/main.ts'], outfile: 'dist/widget.js', mangleCache: {} });
await build({ ...common, entryPoints: ['src/extras.ts'], outfile: 'dist/extras.js', mangleCache: main.mangleCache });

mkdirSync('dist/lang', { recursive: true });
for (const file of readdirSync('src/lang')) {
  writeFileSync(`dist/lang/${file}`, JSON.stringify(JSON.parse(readFileSync(`src/lang/${file}`, 'utf8'))));
}
