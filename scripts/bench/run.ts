/**
 * Runs the benchmarks and prints one JSON document. `npm run bench` runs all; `npm run bench --
 * booking` runs one; `npm run bench -- live --quick` is the live benchmark's small smoke run.
 * Needs PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL, else the local server at
 * 127.0.0.1:5432); each run creates its own database and drops it.
 */
import os from 'node:os';
import { bookingBench } from './booking';
import { guestsBench } from './guests';
import { liveBench } from './live';
import { uiBench } from './ui';

const BENCHES: Record<string, () => Promise<unknown>> = {
  booking: bookingBench,
  guests: guestsBench,
  live: liveBench,
  ui: uiBench,
};

// Flags (--quick) are read by the benchmarks themselves.
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const unknown = wanted.filter((name) => !BENCHES[name]);
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(BENCHES).join(', ')}.`);
  process.exit(2);
}
const results: Record<string, unknown> = {};
for (const name of wanted.length > 0 ? wanted : Object.keys(BENCHES)) results[name] = await BENCHES[name]!();
console.log(
  JSON.stringify(
    { at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, results },
    null,
    2,
  ),
);
