import { defineConfig } from 'vite';

// The Node server is bundled so it can import src/model and src/sources like the app does.
export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'server/main.ts',
    outDir: 'dist/server',
    target: 'node20',
    sourcemap: true,
    emptyOutDir: true,
  },
});
