import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const SERVER_PORT = Number(process.env.PORT ?? 8080);

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist/app', sourcemap: true },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // In dev the Node server runs beside Vite; the app always talks to it same-origin.
    proxy: { '/api': `http://127.0.0.1:${SERVER_PORT + 1}` },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
  },
});
