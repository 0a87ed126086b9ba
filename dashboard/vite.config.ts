import { defineConfig } from 'vitest/config';

// `npm run dev` / `npm run preview` forward the API, health checks and the realtime socket to a running gateway.
const target = process.env.ZENDO_GATEWAY ?? 'http://localhost:8080';
const gateway = {
  '/health': target,
  '/v1': target,
  '/ws': { target, ws: true },
};

export default defineConfig({
  esbuild: { jsx: 'automatic' },
  server: { proxy: gateway },
  preview: { proxy: gateway },
  test: { environment: 'node' },
});
