// Renderer build: one offline bundle (Monaco and its worker included, no CDN),
// relative asset paths so the same build loads from the server and from file:// in Electron.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 5000,
    reportCompressedSize: false,
  },
  server: { host: '127.0.0.1' },
});
