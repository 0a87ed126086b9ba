import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('the demo page', () => {
  it("is allowed by the strict CSP of /demo/strict: the gateway's hash is the hash of its inline snippet", () => {
    const scripts = [...read('../demo/index.html').matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0]).digest('base64');
    expect(read('../../infra/gateway/routes.conf')).toContain(`script-src 'self' 'sha256-${hash}'`);
  });

  it('embeds the snippet documented in the README', () => {
    const stub = "window.Zendo = window.Zendo || function(){(window.Zendo.q = window.Zendo.q || []).push(arguments)};";
    expect(read('../demo/index.html')).toContain(stub);
    expect(read('../README.md')).toContain(stub);
  });
});
