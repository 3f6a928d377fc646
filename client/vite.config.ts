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
      // The guests CSV export (a plain GET with the session cookie).
      '/export': { target: api },
    },
  },
  preview: {
    proxy: {
      '/trpc': { target: api },
      '/health': { target: api },
      '/export': { target: api },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // @tobeout/shared only declares constants and schemas: let unused ones (and zod with
      // them) drop out of the first download when a page needs just `roleAtLeast`.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]shared[\\/]src[\\/]/.test(id) },
      output: {
        // Long-lived vendor chunks that every page needs anyway (better caching, no extra
        // first-load bytes). Pages stay separate chunks through React.lazy.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'data', test: /node_modules[\\/](@tanstack|@trpc|superjson|copy-anything|is-what)[\\/]/ },
          ],
        },
      },
    },
  },
});
