// Prints the gzipped size of dist/loader.js and fails when it exceeds the widget budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 10240;
const file = new URL('../dist/loader.js', import.meta.url);

let source;
try {
  source = readFileSync(file);
} catch {
  console.error('dist/loader.js not found: run `npm run build` first');
  process.exit(1);
}

const gzipped = gzipSync(source, { level: 9 }).length;
console.log(`dist/loader.js: ${source.length} bytes, ${gzipped} bytes gzipped (budget ${BUDGET_BYTES})`);
if (gzipped > BUDGET_BYTES) {
  console.error(`over budget by ${gzipped - BUDGET_BYTES} bytes`);
  process.exit(1);
}
