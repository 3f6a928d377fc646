import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

/** Builds the client once into a temp folder that the test servers serve. */
export default async function setup(project: TestProject) {
  const outDir = mkdtempSync(join(tmpdir(), 'tobeout-web-'));
  await build({
    root: join(import.meta.dirname, '..'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  project.provide('clientDist', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    clientDist: string;
  }
}
