// Prints the gzipped size of the built bundle (dist/assets), file by file and in total.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = new URL('../dist/assets/', import.meta.url).pathname;
let total = 0;
for (const name of readdirSync(dir).sort()) {
  const gzipped = gzipSync(readFileSync(join(dir, name)), { level: 9 }).length;
  total += gzipped;
  console.log(`${name.padEnd(32)} ${(gzipped / 1024).toFixed(1).padStart(7)} KB gzipped`);
}
console.log(`${'total'.padEnd(32)} ${(total / 1024).toFixed(1).padStart(7)} KB gzipped`);
