import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { restaurantWithMember, startServer, type TestServer } from '@tobeout/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const tsx = join(import.meta.dirname, '../../node_modules/.bin/tsx');

describe('job:export-events', () => {
  let server: TestServer;
  const dir = mkdtempSync(join(tmpdir(), 'tobeout-export-'));
  beforeAll(async () => {
    server = await startServer('pglite');
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports the audit log as JSON lines through the typed client, and resumes with --after', async () => {
    const { api } = await restaurantWithMember(server, 'owner');
    const { token } = await api.restaurant.tokens.create.mutate({ name: 'export job', role: 'manager' });
    await api.restaurant.update.mutate({ name: 'First' });
    const env = { ...process.env, TOBEOUT_URL: server.url, TOBEOUT_TOKEN: token };
    const out = join(dir, 'events.jsonl');
    const first = await run(tsx, ['jobs/export-events.ts', '--out', out], {
      env,
      cwd: join(import.meta.dirname, '..'),
    });
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; cursor: string });
    expect(lines.map((l) => l.type)).toEqual(['token.created', 'restaurant.updated']);
    expect(first.stderr).toContain('exported 2 events');

    await api.restaurant.update.mutate({ name: 'Second' });
    await run(tsx, ['jobs/export-events.ts', '--out', out, '--after', lines[1]!.cursor], {
      env,
      cwd: join(import.meta.dirname, '..'),
    });
    const all = readFileSync(out, 'utf8').trim().split('\n');
    expect(all).toHaveLength(3);
  });

  it('fails clearly without a token', async () => {
    const err = await run(tsx, ['jobs/export-events.ts'], {
      env: { ...process.env, TOBEOUT_TOKEN: '' },
      cwd: join(import.meta.dirname, '..'),
    }).catch((e: { code: number; stderr: string }) => e);
    expect(err).toMatchObject({ code: 2 });
    expect((err as { stderr: string }).stderr).toContain('TOBEOUT_TOKEN');
  });
});
