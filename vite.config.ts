import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';

const SERVER_PORT = Number(process.env.PORT ?? 8080);
const BOOT_ENTRY = 'src/boot.ts';

/**
 * src/boot.ts as an entry of its own, in a script before the app's: a small file the browser
 * runs as soon as it has it, so the trace starts loading while the large bundle downloads and
 * compiles (Vite would otherwise fold every script of index.html into one entry).
 */
function bootScript(): Plugin {
  return {
    name: 'tracefall-boot-script',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const boot = Object.values(ctx.bundle ?? {}).find(
          (chunk) => chunk.type === 'chunk' && chunk.isEntry && chunk.name === 'boot',
        );
        const src = boot ? `/${boot.fileName}` : `/${BOOT_ENTRY}`;
        return [
          {
            tag: 'script',
            attrs: { type: 'module', crossorigin: true, src },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), bootScript()],
  build: {
    outDir: 'dist/app',
    sourcemap: true,
    rolldownOptions: { input: { index: 'index.html', boot: BOOT_ENTRY } },
  },
  // The trace worker is a module worker; ES output lets it load its LLM readers and other
  // adapters as separate chunks, after the trace has started downloading.
  worker: { format: 'es' },
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
