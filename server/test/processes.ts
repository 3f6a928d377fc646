import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type DbHandle, queryRows } from '@tobeout/db';
import { createTestDb, testDatabaseUrl } from '@tobeout/db/testing';
import { addDays, type TBookingCreateInput, todayIn } from '@tobeout/shared';
import { sql } from 'drizzle-orm';
import { addMembership, createRestaurant, createTables, createUser } from '../src/seed/factories';
import { cookieClient, login, PASSWORD } from './harness';

/**
 * Real server processes (`node --import tsx server/src/main.ts`, as `npm start` runs it) on one
 * shared PostgreSQL database: for the multi-process tests and the live benchmark.
 *
 * node is spawned directly (not through the tsx binary, which runs the server as a grandchild):
 * SIGKILL then really kills the server, and nothing is orphaned.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const READY = /ToBeOut is running at http:\/\/[^\s:]+:(\d+)/;
const LOG_LINES = 200;

/** Every child still running: killed when this process exits, whatever happened to the tests. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export type ServerProcessOptions = {
  databaseUrl: string;
  /** 0 (default) = a random port on the first start; restarts keep the port. */
  port?: number;
  /** Extra environment (TOBEOUT_LIVE_PUBLISH, DATABASE_POOL_SIZE, …). */
  env?: Record<string, string>;
  startTimeoutMs?: number;
};

export class ServerProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private lines: string[] = [];
  private port: number;
  private env: Record<string, string>;
  /** How many times this server was started (1 after the first start). */
  starts = 0;

  private constructor(
    readonly name: string,
    private readonly opts: ServerProcessOptions,
  ) {
    this.port = opts.port ?? 0;
    this.env = { ...opts.env };
  }

  /** Spawns the server and resolves once it listens. */
  static async start(name: string, opts: ServerProcessOptions): Promise<ServerProcess> {
    const server = new ServerProcess(name, opts);
    await server.start();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    if (!this.child?.pid) throw new Error(`${this.name} is not running`);
    return this.child.pid;
  }

  get alive(): boolean {
    return this.child !== null;
  }

  /** The last lines the process printed (stdout and stderr), for failure messages. */
  output(): string {
    return this.lines.length > 0
      ? this.lines.map((l) => `  [${this.name}] ${l}`).join('\n')
      : `  [${this.name}] (no output)`;
  }

  private async start(): Promise<void> {
    if (this.child) throw new Error(`${this.name} is already running`);
    const generation = ++this.starts;
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        DATABASE_URL: this.opts.databaseUrl,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        TOBEOUT_SEED_DEMO: '0',
        TOBEOUT_ADMIN_PASSWORD: PASSWORD,
        CLIENT_DIST: '/nonexistent', // API only
        ...this.env,
      },
    });
    this.child = child;
    running.add(child);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        running.delete(child);
        if (this.child === child) this.child = null;
        this.note(`#${generation}`, `exited (${signal ?? `code ${code}`})`);
        resolve();
      });
    });
    const ready = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.name} did not start within ${this.opts.startTimeoutMs ?? 30_000} ms`)),
        this.opts.startTimeoutMs ?? 30_000,
      );
      const onLine = (stream: string) => (line: string) => {
        this.note(`#${generation} ${stream}`, line);
        const m = READY.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      };
      lineReader(child.stdout!, onLine('out'));
      lineReader(child.stderr!, onLine('err'));
      child.once('exit', () => {
        clearTimeout(timer);
        reject(new Error(`${this.name} exited before it listened`));
      });
    });
    try {
      this.port = await ready;
    } catch (err) {
      await this.kill();
      throw new Error(`${(err as Error).message}\n${this.output()}`);
    }
  }

  /** Kills the process (SIGKILL by default: a crash) and waits until it is gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    this.child?.kill(signal);
    await this.exited;
  }

  /** Graceful stop (SIGTERM), SIGKILL if it takes longer than 10 s. */
  async stop(): Promise<void> {
    if (!this.child) return;
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), 10_000);
    await this.kill('SIGTERM');
    clearTimeout(timer);
  }

  /** Stops (SIGKILL unless told otherwise) and starts again on the same port, with `env` changes. */
  async restart(env: Record<string, string> = {}, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (signal === 'SIGKILL') await this.kill();
    else await this.stop();
    Object.assign(this.env, env);
    await this.start();
  }

  private note(tag: string, line: string) {
    this.lines.push(`${tag}: ${line}`);
    if (this.lines.length > LOG_LINES) this.lines.splice(0, this.lines.length - LOG_LINES);
  }
}

/** Starts several servers at once; if one fails, the others are killed before the error is thrown. */
export async function startServerProcesses(
  names: string[],
  opts: ServerProcessOptions,
): Promise<ServerProcess[]> {
  const results = await Promise.allSettled(names.map((name) => ServerProcess.start(name, opts)));
  const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failure = results.find((r) => r.status === 'rejected');
  if (failure) {
    await Promise.all(started.map((s) => s.kill()));
    throw failure.reason;
  }
  return started;
}

function lineReader(stream: NodeJS.ReadableStream, onLine: (line: string) => void) {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const p of parts) if (p.trim()) onLine(p);
  });
}

/** Every server's recent output, for a failure message. */
export function outputOf(servers: (ServerProcess | undefined)[]): string {
  return servers
    .filter((s): s is ServerProcess => !!s)
    .map((s) => s.output())
    .join('\n');
}

/** Runs `fn`; if it throws, the error message gets the servers' recent output appended. */
export async function withServerOutput<T>(
  servers: (ServerProcess | undefined)[],
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    e.message = `${e.message}\n\nServer output:\n${outputOf(servers)}`;
    throw e;
  }
}

/** A fresh, migrated PostgreSQL database for a group of processes (dropped by `close`). */
export async function sharedDatabase(): Promise<{ handle: DbHandle; url: string; close(): Promise<void> }> {
  if (!testDatabaseUrl) throw new Error('TEST_DATABASE_URL is not set');
  const handle = await createTestDb('postgres', { poolSize: 4 });
  const [row] = await queryRows<{ name: string }>(handle.db, sql`select current_database() as name`);
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${row!.name}`;
  return { handle, url: url.toString(), close: () => handle.close() };
}

const OPEN_HOUR = 11;
const HOURS = 12; // one-hour bookings starting 11:00 … 22:00

/** A restaurant with its owner signed in through `serverUrl` (a cookie client as `api`). */
export async function ownedRestaurant(db: DbHandle, serverUrl: string, timezone = 'Europe/Berlin') {
  const restaurant = await createRestaurant(db.db, { name: 'Live', timezone });
  const email = `owner-${Date.now()}@test.local`;
  const user = await createUser(db.db, { email, name: 'Owner', password: PASSWORD });
  await addMembership(db.db, restaurant.id, user.id, 'owner');
  const cookie = await login(serverUrl, email);
  return { restaurant, user, email, cookie, api: cookieClient(serverUrl, cookie) };
}

/**
 * A restaurant that can take many bookings: `tables` tables, open 11:00–23:00 every day, an
 * owner signed in through `serverUrl`. `booking(i)` is the i-th distinct one-hour slot from
 * tomorrow on (table after table, hour after hour, day after day), so writers never collide.
 */
export async function bookableRestaurant(
  db: DbHandle,
  serverUrl: string,
  tables = 20,
  timezone = 'Europe/Berlin',
) {
  const owned = await ownedRestaurant(db, serverUrl, timezone);
  const { restaurant, api } = owned;
  const rows = await createTables(
    db.db,
    restaurant.id,
    Array.from({ length: tables }, (_, i) => ({
      name: `T${i + 1}`,
      section: 'Main',
      min: 1,
      max: 4,
      shape: 'square' as const,
      x: 100 + (i % 10) * 100,
      y: 100 + Math.floor(i / 10) * 150,
    })),
  );
  await api.restaurant.hours.set.mutate({
    services: Array.from({ length: 7 }, (_, d) => ({
      weekday: d + 1,
      name: 'All day',
      start: `${OPEN_HOUR}:00`,
      end: `${OPEN_HOUR + HOURS}:00`,
    })),
  });
  const tomorrow = addDays(todayIn(timezone), 1);
  const perDay = tables * HOURS;
  const booking = (i: number): TBookingCreateInput => ({
    date: addDays(tomorrow, Math.floor(i / perDay)),
    time: `${OPEN_HOUR + (Math.floor(i / tables) % HOURS)}:00`,
    partySize: 2,
    durationMin: 60,
    tableIds: [rows[i % tables]!.id],
    guest: { name: `Guest ${i + 1}` },
    source: 'phone',
  });
  return { ...owned, booking };
}
