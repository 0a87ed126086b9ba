// Prints the gzipped sizes of the loader, the widget bundle and its on-demand chunk; fails when one is over its budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGETS = [
  { file: 'loader.js', budget: 1024 },
  { file: 'widget.js', budget: 11520, goal: 10240 },
  { file: 'extras.js', budget: 2048 },
];

let failed = false;
for (const { file, budget, goal } of BUDGETS) {
  let source;
  try {
    source = readFileSync(new URL(`../dist/${file}`, import.meta.url));
  } catch {
    console.error(`dist/${file} not found: run \`npm run build\` first`);
    process.exit(1);
  }
  const gzipped = gzipSync(source, { level: 9 }).length;
  const target = goal ? `, goal ${goal}: ${gzipped <= goal ? 'met' : `${gzipped - goal} over`}` : '';
  console.log(`dist/${file}: ${source.length} bytes, ${gzipped} bytes gzipped (budget ${budget}${target})`);
  if (gzipped > budget) {
    console.error(`dist/${file} is over budget by ${gzipped - budget} bytes`);
    failed = true;
  }
}
if (failed) process.exit(1);
