import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.TOBEOUT_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    // Keep the browser's Host/Origin (no changeOrigin): the server's CSRF check compares them.
    proxy: {
      '/trpc': { target: api },
      '/health': { target: api },
    },
  },
  preview: {
    proxy: {
      '/trpc': { target: api },
      '/health': { target: api },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 600,
  },
});
