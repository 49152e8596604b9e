import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiPort = process.env.PORT ?? '8787';

export default defineConfig({
  root: 'web',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    // The lazily loaded map chunk holds MapLibre and deck.gl (~2.2 MB minified, ~0.6 MB gzip);
    // the first screen (login, briefing shell) is a separate ~0.3 MB entry.
    chunkSizeWarningLimit: 2500,
  },
  server: {
    proxy: { '/api': `http://127.0.0.1:${apiPort}` },
  },
});
