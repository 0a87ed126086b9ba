// Widget load time and size: time from the loader's script tag to the launcher being visible on the demo page, in
// Debian's Chromium (playwright-core from e2e/), cold (new browser context: empty cache and storage) and warm
// (reload in the same context), plus the gzipped sizes of dist/loader.js, dist/widget.js, dist/extras.js and dist/lang/*.json.
// Prints the figures and writes bench/reports/widget.md. Usage: ZENDO_GATEWAY_URL=http://127.0.0.1:8080 node bench/widget/run.mjs [runs]
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../../e2e/lib/browser.mjs';
import { createWebsite, gatewayUrl, signUpAgent } from '../../e2e/lib/stack.mjs';

const runs = Number(process.argv[2] ?? 20);
const root = new URL('../../', import.meta.url);

/** Records, inside the page, when the parser inserts the loader's script tag and when the launcher is painted. */
function instrument() {
  const marks = (window.zendoBench = {});
  new MutationObserver((_, observer) => {
    if (marks.scriptTag === undefined && document.querySelector('script[src*="/widget/loader.js"]')) marks.scriptTag = performance.now();
    const launcher = document.querySelector('zendo-widget')?.shadowRoot?.querySelector('.launcher');
    if (launcher && marks.launcher === undefined) {
      const painted = () => {
        const box = launcher.getBoundingClientRect();
        if (box.width > 0 && box.height > 0) {
          requestAnimationFrame(() => (marks.launcher = performance.now()));
        } else requestAnimationFrame(painted);
      };
      painted();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

async function measure(page, url, reload) {
  if (reload) await page.reload();
  else await page.goto(url);
  await page.waitForFunction(() => window.zendoBench && window.zendoBench.launcher !== undefined, null, { timeout: 15000 });
  return page.evaluate(() => {
    const marks = window.zendoBench;
    const resource = (name) => performance.getEntriesByType('resource').find((e) => e.name.includes(name));
    const loader = resource('/widget/loader.js');
    const widget = resource('/widget/widget.js');
    return {
      tagToLauncher: marks.launcher - marks.scriptTag,
      navigationToLauncher: marks.launcher,
      loaderFetch: loader ? loader.responseEnd - loader.startTime : NaN,
      widgetFetch: widget ? widget.responseEnd - widget.startTime : NaN,
    };
  });
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (v) => `${v.toFixed(1)} ms`;
const summary = (values) => `median ${ms(quantile(values, 0.5))}, p90 ${ms(quantile(values, 0.9))}, max ${ms(Math.max(...values))}`;

const BUDGETS = { 'loader.js': '≤ 1024 B', 'widget.js': '≤ 11520 B (goal 10240 B)', 'extras.js': '≤ 2048 B' };
const sizes = ['loader.js', 'widget.js', 'extras.js', 'lang/de.json', 'lang/es.json'].map((file) => {
  const source = readFileSync(new URL(`widget/dist/${file}`, root));
  return { file, bytes: source.length, gzipped: gzipSync(source, { level: 9 }).length };
});

const owner = await signUpAgent('Bench Agent');
const website = await createWebsite(owner);
const url = `${gatewayUrl}/demo?key=${website.public_key}`;
const browser = await launchBrowser();
let chromium = 'Chromium';
const cold = [];
const warm = [];
try {
  chromium = `Chromium ${browser.version()}`;
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    await context.addInitScript(instrument);
    const page = await context.newPage();
    cold.push(await measure(page, url, false));
    warm.push(await measure(page, url, true));
    await context.close();
  }
} finally {
  await browser.close();
}

const rows = [
  ['Script tag → launcher visible, cold (new context: empty cache)', '≤ 100 ms', summary(cold.map((r) => r.tagToLauncher))],
  ['Script tag → launcher visible, warm (reload, cached scripts)', '≤ 100 ms', summary(warm.map((r) => r.tagToLauncher))],
  ['Navigation start → launcher visible, cold', '', summary(cold.map((r) => r.navigationToLauncher))],
  ['Fetch of loader.js, cold', '', summary(cold.map((r) => r.loaderFetch))],
  ['Fetch of widget.js, cold', '', summary(cold.map((r) => r.widgetFetch))],
  ...sizes.map((s) => [`dist/${s.file} gzipped (level 9)`, BUDGETS[s.file] || '', `**${s.gzipped} B** (${s.bytes} B minified)`]),
];
const report = `# Widget: load time and size

Measured ${new Date().toISOString().slice(0, 16)}Z with \`node bench/widget/run.mjs ${runs}\` against ${gatewayUrl}
(${runs} cold loads and ${runs} warm reloads of \`/demo\`), ${chromium} headless (playwright-core), on ${cpus().length} cores
(${cpus()[0].model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, load average before the run ${loadavg().map((l) => l.toFixed(2)).join(' ')}.
The stack and the browser share these cores with other work.

- Script tag: when the parser inserted the demo page's \`<script async src="/widget/loader.js">\` (a
  MutationObserver installed before the page's own scripts). Launcher visible: the first animation frame after the
  launcher in the widget's shadow root has a non-empty box. The launcher is drawn before the session call returns;
  the loader then the widget bundle are two sequential requests to the gateway (loopback here).
- Cold: a new browser context (empty HTTP cache and localStorage). Warm: a reload in the same context (scripts
  from the HTTP cache, \`Cache-Control: max-age=300\`).

| figure | goal | measured |
| --- | --- | --- |
${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}

Compare figures within one run: the machine is small and shared.
`;
writeFileSync(new URL('bench/reports/widget.md', root), report);
rows.forEach((r) => console.log(`${r[0]}: ${r[2].replace(/\*\*/g, '')}`));
console.log('wrote bench/reports/widget.md');
