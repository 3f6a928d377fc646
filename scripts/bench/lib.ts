import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import postgres from 'postgres';

/**
 * Benchmarks run on PostgreSQL (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local
 * server); the test harness creates a private database for each run and drops it afterwards.
 */
process.env.TEST_DATABASE_URL ??= process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A postgres.js connection to the database a test server runs on. */
export async function rawSql(app: { db: { db: { execute: (q: string) => Promise<unknown> } } }, max = 16) {
  const rows = (await app.db.db.execute('select current_database() as name')) as unknown as
    | { name: string }[]
    | { rows: { name: string }[] };
  const name = Array.isArray(rows) ? rows[0]!.name : rows.rows[0]!.name;
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return postgres(url.toString(), { max, onnotice: () => {} });
}

export type Latency = { n: number; p50: number; p99: number; mean: number; max: number };

export function summarise(ms: number[]): Latency {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    n: sorted.length,
    p50: round(at(0.5)),
    p99: round(at(0.99)),
    mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
    max: round(sorted.at(-1) ?? 0),
  };
}

/**
 * Runs `total` calls of `fn(i)` from `concurrency` workers; returns per-call latency (ms), the
 * wall time and how many calls failed (a failure's latency still counts).
 */
export async function load(
  concurrency: number,
  total: number,
  fn: (i: number, worker: number) => Promise<unknown>,
): Promise<{ latency: Latency; seconds: number; perSecond: number; failed: number; errors: string[] }> {
  const ms: number[] = [];
  const errors = new Map<string, number>();
  let next = 0;
  let failed = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = next++; i < total; i = next++) {
        const t = performance.now();
        try {
          await fn(i, worker);
        } catch (err) {
          failed++;
          const msg = (err as Error).message.slice(0, 120);
          errors.set(msg, (errors.get(msg) ?? 0) + 1);
        }
        ms.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return {
    latency: summarise(ms),
    seconds: Math.round(seconds * 100) / 100,
    perSecond: Math.round((total - failed) / seconds),
    failed,
    errors: [...errors].map(([m, n]) => `${n}× ${m}`),
  };
}

/**
 * GETs from a plain HTTP client, as wrk or autocannon measure a server: `concurrency` kept-alive
 * connections cycling through `urls`, each answer read to its last byte (as sent, compressed if
 * the headers ask for it) but not parsed, anything but 200 a failure; `bytes`, an answer's mean size; `warmUp` requests first, not counted. It runs in a worker thread
 * (./plain-http-worker.mjs) with a heap and event loop of its own, so the benchmark's other work
 * does not add its pauses to the server's latency.
 */
export async function plainHttpLoad(opts: {
  urls: string[];
  headers: Record<string, string>;
  concurrency: number;
  total: number;
  warmUp: number;
}): Promise<{ latency: Latency; perSecond: number; bytes: number; failed: number; errors: string[] }> {
  const worker = new Worker(new URL('./plain-http-worker.mjs', import.meta.url), { workerData: opts });
  const run = await new Promise<{
    ms: number[];
    seconds: number;
    bytes: number;
    failed: number;
    errors: Record<string, number>;
  }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  return {
    latency: summarise(run.ms),
    perSecond: Math.round((opts.total - run.failed) / run.seconds),
    bytes: Math.round(run.bytes / Math.max(1, opts.total - run.failed)),
    failed: run.failed,
    errors: Object.entries(run.errors).map(([m, n]) => `${n}× ${m}`),
  };
}

/** A GET's answer as it comes off the wire (not decompressed): its bytes and headers. */
export function getRaw(
  url: string,
  headers: Record<string, string>,
): Promise<{ body: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ body: Buffer.concat(chunks), headers: res.headers }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/**
 * The floor under an answer's latency on this machine: a bare node:http server in this process
 * (no routing, no authentication, no tRPC) sending the same bytes with the same headers to every
 * request, measured by the same plain client (plainHttpLoad). What it gives is what fetching
 * answers of that size from `concurrency` connections costs here, whatever the server does.
 */
export async function bareServerLoad(
  answer: { body: Buffer; headers: Record<string, string> },
  opts: { concurrency: number; total: number; warmUp: number },
) {
  const server = http.createServer((_, res) => {
    res.writeHead(200, { ...answer.headers, 'content-length': answer.body.length });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await plainHttpLoad({ ...opts, urls: [`http://127.0.0.1:${port}/`], headers: {} });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

export function rssMb(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}

let clockTicks: number | undefined;

/** CPU time used so far (user + system, seconds) and memory of another process, from /proc (Linux). */
export function procStats(pid: number): { cpuSeconds: number; rssMb: number; peakRssMb: number } {
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // After "pid (comm) ": state is field 3, utime field 14, stime field 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return {
    cpuSeconds: (Number(fields[11]) + Number(fields[12])) / clockTicks,
    rssMb: Math.round(kb('VmRSS') / 1024),
    peakRssMb: Math.round(kb('VmHWM') / 1024),
  };
}

/**
 * Starts measuring a process's CPU: `end()` gives the CPU it used since, as seconds and as a
 * percentage of one core over the wall time, and its RSS now.
 */
export function cpuMeter(pid: number) {
  const start = procStats(pid);
  const t = performance.now();
  return () => {
    const now = procStats(pid);
    const seconds = (performance.now() - t) / 1000;
    const used = now.cpuSeconds - start.cpuSeconds;
    return {
      cpuSeconds: Math.round(used * 100) / 100,
      cpuPercent: Math.round((used / seconds) * 1000) / 10,
      rssMb: now.rssMb,
      peakRssMb: now.peakRssMb,
    };
  };
}
