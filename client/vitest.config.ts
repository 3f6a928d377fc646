import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    restoreMocks: true,
    // Page tests type, open menus and wait for debounces: on a loaded 2-core CI box one can take
    // several seconds, and 5 s made them flaky.
    testTimeout: 15_000,
  },
});
