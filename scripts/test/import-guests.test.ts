import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { restaurantWithMember, startServer, type TestServer } from '@tobeout/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapColumns, toRow } from '../lib/guest-csv';

const run = promisify(execFile);
const tsx = join(import.meta.dirname, '../../node_modules/.bin/tsx');

const CSV = `\uFEFFFirst name;Last name;Mobile;E-Mail;Tags;Last visit
Anna;Schmidt;0170 1234567;anna@example.com;VIP, regular;2026-10-01
Jonas;Weber;+49 160 9876543;;;
Broken;Phone;12;;;
Bad;Date;0151 11122233;;;31.02.2026
"Müller, Hans";;0176 5554443;hans@example.com;"wine; terrace";
Anna;Schmidt;0170-123 4567;;allergy: nuts;
`;

describe('job:import-guests', () => {
  let server: TestServer;
  const dir = mkdtempSync(join(tmpdir(), 'tobeout-import-'));
  beforeAll(async () => {
    server = await startServer('pglite');
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('maps columns by header, or by --map', () => {
    expect(mapColumns(['First name', 'Surname', 'Tel'], {})).toEqual({
      firstName: 'First name',
      lastName: 'Surname',
      phone: 'Tel',
    });
    expect(mapColumns(['Guest', 'Handy'], { phone: 'handy' })).toEqual({ name: 'Guest', phone: 'Handy' });
    expect(() => mapColumns(['Phone'], {})).toThrow(/No name column/);
    expect(toRow({ N: '' }, { name: 'N' })).toEqual({
      error: { field: 'name', message: 'The name is empty.' },
    });
  });

  it('dry-runs, imports with line-numbered errors, and changes nothing when run again', async () => {
    const { api } = await restaurantWithMember(server, 'owner');
    const { token } = await api.restaurant.tokens.create.mutate({ name: 'import job', role: 'manager' });
    const env = { ...process.env, TOBEOUT_URL: server.url, TOBEOUT_TOKEN: token };
    const file = join(dir, 'guests.csv');
    writeFileSync(file, CSV);
    const job = (...args: string[]) =>
      run(tsx, ['jobs/import-guests.ts', file, '--delimiter', ';', ...args], {
        env,
        cwd: join(import.meta.dirname, '..'),
      }).catch((err: { stdout: string; stderr: string; code: number }) => err);

    const dry = await job('--dry-run');
    expect(dry.stdout).toContain(
      '[dry run] 6 rows: would create 3, would update 0, unchanged 1, 2 with errors',
    );
    expect(dry.stderr).toContain('line 4: phone: "12" is not a valid phone number');
    expect(dry.stderr).toContain('line 5: lastVisit: "31.02.2026" is not a date: use YYYY-MM-DD.');
    expect((await api.guests.list.query({})).items).toEqual([]);

    const real = await job();
    expect(real.stdout).toContain('6 rows: created 3, updated 0, unchanged 1, 2 with errors');
    const { items } = await api.guests.list.query({});
    expect(items.map((g) => [g.name, g.phone, g.tags])).toEqual([
      ['Anna Schmidt', '+491701234567', ['VIP', 'regular', 'allergy: nuts']],
      ['Jonas Weber', '+491609876543', []],
      ['Müller, Hans', '+491765554443', ['wine', 'terrace']],
    ]);
    expect(items[0]?.lastVisitAt?.toISOString().slice(0, 10)).toBe('2026-10-01');

    const again = await job();
    expect(again.stdout).toContain('6 rows: created 0, updated 0, unchanged 4, 2 with errors');
    expect((await api.guests.list.query({})).items).toHaveLength(3);
  });
});
