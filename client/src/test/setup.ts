import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';

// findBy*/waitFor give up after 1 s by default: a lazily loaded dialog can take longer than that
// on a loaded 2-core CI box. 5 s, still well inside the test timeout.
configure({ asyncUtilTimeout: 5_000 });

// Mantine reads these; happy-dom has most, jsdom has none.
if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (typeof window.ResizeObserver !== 'function') {
  window.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}
// Textarea autosize listens for web fonts loading.
if (!document.fonts) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
  });
}
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {};

// A console.error in a test (React warnings, failed prop types, act() problems) fails it.
const original = console.error;
let errors: unknown[][] = [];
beforeEach(() => {
  errors = [];
  console.error = (...args: unknown[]) => {
    errors.push(args);
    original(...args);
  };
});
afterEach(() => {
  cleanup();
  console.error = original;
  if (errors.length > 0) {
    const first = errors[0]?.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
    throw new Error(`console.error was called ${errors.length} time(s) during the test; first: ${first}`);
  }
});
