import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rollup } from 'vite';

const api = process.env.TOBEOUT_API_URL ?? 'http://127.0.0.1:3000';

/** Where index.html's early script lists the Bookings page's files (empty in development). */
const PAGE_CHUNKS = /\[\s*\/\* the Bookings page's chunks[^*]*\*\/\s*\]/;
/** Where it lists those of the page's list view, a chunk of its own (empty in development). */
const LIST_CHUNKS = /\[\s*\/\* the list view's chunks[^*]*\*\/\s*\]/;

/**
 * Fills in the lists of index.html's early script with the files the Bookings page loads on top
 * of the entry's (its chunk, the chunks it imports, their CSS), and those its list view loads on
 * top of these, so that they are fetched with the entry rather than after it has run.
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
        const chunkOf = (module: string) => {
          const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(module));
          if (!chunk) throw new Error(`No chunk for ${module}: update bookingsPageChunks()`);
          return chunk;
        };
        /** The files of `chunk` and of the chunks it imports, but for those of `loaded`. */
        const filesOf = (chunk: Rollup.OutputChunk, loaded: Set<Rollup.OutputChunk>) => {
          const files = [...withImports([chunk])]
            .filter((c) => !loaded.has(c))
            .flatMap((c) => [c.fileName, ...(c.viteMetadata?.importedCss ?? [])]);
          return JSON.stringify([...new Set(files)].map((f) => `/${f}`));
        };
        const initial = withImports(chunks.filter((c) => c.isEntry));
        const page = chunkOf('/src/pages/bookings/BookingsPage.tsx');
        const list = chunkOf('/src/pages/bookings/BookingsList.tsx');
        const lists: [RegExp, string][] = [
          [PAGE_CHUNKS, filesOf(page, initial)],
          [LIST_CHUNKS, filesOf(list, withImports([...initial, page]))],
        ];
        return lists.reduce((out, [at, files]) => {
          if (!at.test(out)) throw new Error(`index.html has no list ${at}: update bookingsPageChunks()`);
          return out.replace(at, files);
        }, html);
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
