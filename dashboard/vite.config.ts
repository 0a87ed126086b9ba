import { defineConfig } from 'vitest/config';

// `npm run dev` / `npm run preview` forward health checks to a running gateway.
const gateway = { '/health': process.env.ZENDO_GATEWAY ?? 'http://localhost:8080' };

export default defineConfig({
  esbuild: { jsx: 'automatic' },
  server: { proxy: gateway },
  preview: { proxy: gateway },
  test: { environment: "node" },
});
