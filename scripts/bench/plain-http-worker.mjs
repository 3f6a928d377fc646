// The plain HTTP load generator of lib.ts's plainHttpLoad, in a worker thread of its own: its own
// heap and event loop, so the benchmark's other work (the typed client's parsed answers in the
// main thread's heap, and the pauses collecting them) does not show up as server latency.
// Plain JavaScript: workers do not inherit tsx's loader.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { urls, headers, concurrency, total, warmUp } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

/**
 * GET on a kept-alive connection, the answer read to its last byte (as sent: not decompressed)
 * and not parsed; resolves to its size. Anything but 200 fails.
 */
const get = (url) =>
  new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers }, (res) => {
        let bytes = 0;
        res.on('data', (chunk) => {
          bytes += chunk.length;
        });
        res.on('end', () =>
          res.statusCode === 200 ? resolve(bytes) : reject(new Error(`HTTP ${res.statusCode}`)),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });

/**
 * `n` requests from `concurrency` workers, cycling through `urls`: latencies (ms), wall time,
 * bytes received, failures.
 */
async function run(n) {
  const ms = [];
  const errors = {};
  let next = 0;
  let failed = 0;
  let bytes = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) {
        const t = performance.now();
        try {
          const size = await get(urls[i % urls.length]);
          bytes += size; // not `bytes += await …`: that reads bytes before waiting
        } catch (err) {
          failed++;
          errors[err.message] = (errors[err.message] ?? 0) + 1;
        }
        ms.push(performance.now() - t);
      }
    }),
  );
  return { ms, seconds: (performance.now() - start) / 1000, bytes, failed, errors };
}

await run(warmUp);
parentPort.postMessage(await run(total));
agent.destroy();
