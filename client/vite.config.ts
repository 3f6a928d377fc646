import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rollup } from 'vite';

const api = process.env.TOBEOUT_API_URL ?? 'http://127.0.0.1:3000';

/** Where index.html's early script lists the Bookings page's chunks (empty in development). */
const BOOKINGS_CHUNKS = /\[\s*\/\* the Bookings page's chunks[^*]*\*\/\s*\]/;

/**
 * Fills in the list of index.html's early script with the files the Bookings page loads on top
 * of the entry's (its chunk, the chunks it imports, their CSS), so that they are fetched with the
 * entry rather than after it has run.
 */
function bookingsPageChunks(): Plugin {
  return {
    name: 'tobeout:bookings-page-chunks',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const withImports = (from: Rollup.OutputChunk[]) => {
          const seen = new Set<Rollup.OutputChunk>();
          const visit = (c: Rollup.OutputChunk | undefined) => {
            if (!c || seen.has(c)) return;
            seen.add(c);
            for (const name of c.imports) visit(byName.get(name));
          };
          from.forEach(visit);
          return seen;
        };
        const initial = withImports(chunks.filter((c) => c.isEntry));
        const page = chunks.find((c) => c.facadeModuleId?.endsWith('/src/pages/bookings/BookingsPage.tsx'));
        if (!page) throw new Error('No chunk for the Bookings page: update bookingsPageChunks()');
        const files = [...withImports([page])]
          .filter((c) => !initial.has(c))
          .flatMap((c) => [c.fileName, ...(c.viteMetadata?.importedCss ?? [])]);
        return html.replace(BOOKINGS_CHUNKS, JSON.stringify([...new Set(files)].map((f) => `/${f}`)));
      },
    },
  };
}

/**
 * Writes a brotli and a gzip copy next to each built text file, which the server sends to
 * browsers that accept them (sirv's `brotli` and `gzip` options): compressed once at build, not
 * on every request.
 */
function precompress(): Plugin {
  const compress = { br: promisify(brotliCompress), gz: promisify(gzip) };
  return {
    name: 'tobeout:precompress',
    apply: 'build',
    async writeBundle({ dir = 'dist' }, bundle) {
      const files = Object.keys(bundle).filter((f) => /\.(js|css|html|svg)$/.test(f));
      await Promise.all(
        files.map(async (file) => {
          const path = join(dir, file);
          const data = await readFile(path);
          if (data.length < 1024) return; // too small to gain from it
          for (const [ext, fn] of Object.entries(compress)) await writeFile(`${path}.${ext}`, await fn(data));
        }),
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), bookingsPageChunks(), precompress()],
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
