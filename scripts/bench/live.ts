import http from 'node:http';
import net from 'node:net';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createTobeoutClient } from '@tobeout/server/client';
import { cpuMeter, type Latency, load, procStats, rawSql, summarise } from './lib';

// After ./lib: it points TEST_DATABASE_URL at the benchmark server before the testing module reads it.
const { bookableRestaurant, outputOf, sharedDatabase, startServerProcesses } = await import(
  '@tobeout/server/processes'
);
type ServerProcess = Awaited<ReturnType<typeof startServerProcesses>>[number];

const QUICK = process.argv.includes('--quick') || process.env.BENCH_LIVE_QUICK === '1';
const num = (name: string, full: number, quick: number) =>
  Number(process.env[name] ?? (QUICK ? quick : full));
const STREAMS = num('BENCH_LIVE_STREAMS', 500, 40);
const RATE = num('BENCH_LIVE_RATE', 50, 20);
const SECONDS = num('BENCH_LIVE_SECONDS', 30, 5);
const CREATES = num('BENCH_LIVE_CREATES', 3000, 200);
const ROUNDS = num('BENCH_LIVE_ROUNDS', 3, 1);
const WARMUP = Math.min(200, Math.ceil(CREATES / 4));
const CONCURRENCY = 16;
const TABLES = 40;
const TARGET_P99_MS = 50;
const TARGET_COST = 0.15;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round1 = (v: number) => Math.round(v * 10) / 10;
/** This process's CPU over `seconds` of wall time, in % of one core. */
const cpuPercent = (used: NodeJS.CpuUsage, seconds: number) =>
  round1(((used.user + used.system) / 1e6 / seconds) * 100);

type Side = 'A' | 'B';

/**
 * One events.stream over raw HTTP (no EventSource, no tRPC client): 500 of them stay cheap on
 * the benchmark's side. Parses the SSE frames tRPC writes — `event: connected`, `event: ping`,
 * `event: serialized-error`, and `id: <cursor>` + `data: <superjson>` for each batch of events.
 */
class Stream {
  readonly ready: Promise<void>;
  /** booking.created events received while `recording` is set. */
  recorded = 0;
  events = 0;
  /** A cursor that did not increase (a duplicate or a reordering), or a message id that is not its last event's. */
  outOfOrder = 0;
  error: string | null = null;
  /** Bytes read after `connected` (all that counts for a stream that does not parse). */
  bytes = 0;
  private last: { tx: number; id: number } | null = null;
  private ac = new AbortController();

  /**
   * `parse: false` (the throughput runs): the stream's bytes after `connected` are counted on a
   * plain socket and thrown away, so the benchmark's own reading of 500 streams — which on a real
   * deployment happens on the clients' machines — takes as little CPU as it can from the servers
   * it measures on this shared box.
   */
  constructor(
    readonly side: Side,
    url: string,
    token: string,
    private readonly onBooking: (stream: Stream, booking: string, at: string, receivedAt: number) => void,
    private readonly parse = true,
  ) {
    const input = encodeURIComponent(JSON.stringify({ json: { lastEventId: null } }));
    this.ready = new Promise((resolve, reject) => {
      let connected = false;
      const onConnected = () => {
        connected = true;
        resolve();
      };
      const read = this.parse ? this.read : this.count;
      read.call(this, `${url}/trpc/events.stream?input=${input}`, token, onConnected).then(
        () => {
          if (!connected) reject(new Error(`events.stream ended before it connected: ${this.error ?? ''}`));
        },
        (err: unknown) => {
          if (this.ac.signal.aborted) return;
          this.error = String(err);
          reject(err);
        },
      );
    });
    this.ready.catch(() => {}); // also reported through `error`
  }

  /**
   * node:http rather than fetch: a web-streams body costs several promise hops per chunk, and
   * 500 of them in this one process would make the benchmark, not the servers, the bottleneck.
   */
  private read(url: string, token: string, connected: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = http.get(
        url,
        {
          headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
          signal: this.ac.signal,
        },
        (res) => {
          if (res.statusCode !== 200) {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (body += c));
            res.on('end', () => reject(new Error(`events.stream: HTTP ${res.statusCode} ${body}`)));
            return;
          }
          res.setEncoding('utf8');
          let buf = '';
          let live = false;
          res.on('data', (chunk: string) => {
            if (live) this.bytes += Buffer.byteLength(chunk);
            const receivedAt = Date.now();
            buf += chunk;
            for (let end = buf.indexOf('\n\n'); end >= 0; end = buf.indexOf('\n\n')) {
              const frame = buf.slice(0, end);
              buf = buf.slice(end + 2);
              let type = 'message';
              let data = '';
              let id = '';
              for (const line of frame.split('\n')) {
                if (line.startsWith('event:')) type = line.slice(6).trim();
                else if (line.startsWith('data:')) data += line.slice(line[5] === ' ' ? 6 : 5);
                else if (line.startsWith('id:')) id = line.slice(3).trim();
              }
              if (type === 'connected') {
                live = true;
                connected();
              } else if (type === 'serialized-error') this.error = data;
              else if (type === 'message' && data) this.onEvent(id, data, receivedAt);
            }
          });
          res.on('end', resolve);
          res.on('error', reject);
        },
      );
      req.on('error', reject);
    });
  }

  /**
   * The stream as a plain socket whose bytes after `event: connected` are counted, not read as
   * HTTP: 500 of these cost this process a fraction of what node:http's parser does, and on this
   * shared box what they cost is taken from the servers being measured.
   */
  private count(url: string, token: string, connected: () => void): Promise<void> {
    const { host, hostname, port, pathname, search } = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(port), hostname, () =>
        socket.write(
          `GET ${pathname}${search} HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${token}\r\n` +
            'Accept: text/event-stream\r\nConnection: close\r\n\r\n',
        ),
      );
      this.ac.signal.addEventListener('abort', () => socket.destroy(), { once: true });
      let head = '';
      let live = false;
      socket.on('data', (bytes: Buffer) => {
        if (live) {
          this.bytes += bytes.length;
          return;
        }
        head += bytes.toString('latin1');
        const status = head.slice(0, head.indexOf('\r\n'));
        if (status && !status.startsWith('HTTP/1.1 200')) {
          socket.destroy();
          reject(new Error(`events.stream: ${status} ${head.slice(head.indexOf('\r\n\r\n') + 4)}`));
          return;
        }
        const at = head.indexOf('event: connected');
        const end = at < 0 ? -1 : head.indexOf('\n\n', at);
        if (end >= 0) {
          live = true;
          this.bytes += head.length - end - 2;
          connected();
        }
      });
      socket.on('close', () => resolve());
      socket.on('error', (err) => (this.ac.signal.aborted ? resolve() : reject(err)));
    });
  }

  /**
   * One message: a batch of events in commit order, `cursor` the last one's. The few fields the
   * benchmark needs are found by position — the server writes an event's fields in a fixed order
   * (cursor, id, type, entity, entityId, actor, payload, at) — rather than by JSON.parse: at 25 000
   * events a second this process would otherwise be the slowest part of what it measures. A
   * misread would show as missing or extra deliveries.
   */
  private onEvent(cursor: string, data: string, receivedAt: number) {
    const field = (name: string, from: number): [string, number] => {
      const start = data.indexOf(`"${name}":"`, from) + name.length + 4;
      const end = data.indexOf('"', start);
      return [data.slice(start, end), end];
    };
    let lastCursor = '';
    for (let i = data.indexOf('"cursor":"'); i >= 0; i = data.indexOf('"cursor":"', i)) {
      const [c, afterCursor] = field('cursor', i);
      const [type, afterType] = field('type', afterCursor);
      const [entityId, afterEntity] = field('entityId', afterType);
      const [at, end] = field('at', afterEntity);
      i = end;
      lastCursor = c;
      this.events++;
      const dot = c.indexOf('.');
      const now = { tx: Number(c.slice(0, dot)), id: Number(c.slice(dot + 1)) };
      if (this.last && !(now.tx > this.last.tx || (now.tx === this.last.tx && now.id > this.last.id)))
        this.outOfOrder++;
      this.last = now;
      if (type === 'booking.created') this.onBooking(this, entityId, at, receivedAt);
    }
    if (lastCursor !== cursor) this.outOfOrder++;
  }

  close() {
    this.ac.abort();
  }
}

/**
 * Live updates across processes: two server processes (`node --import tsx server/src/main.ts`)
 * on one fresh PostgreSQL database, 500 event streams split evenly over both, and writers
 * creating bookings through process A at 50/s for 30 s (open loop: a booking is started every
 * 20 ms whatever the previous ones do). Measures, per delivered event on every stream, commit →
 * delivery latency; the servers' CPU and RSS from /proc; and, in the same run, bookings.create
 * throughput (16 concurrent clients through A) with live publishing ON and OFF — each run on
 * freshly restarted processes (TOBEOUT_LIVE_PUBLISH=1 or 0) with the same number of streams
 * reopened (with 0 they receive nothing) and a warm-up first. Targets: delivery p99 < 50 ms;
 * publishing costs ≤ 15 %.
 *
 * Commit time. The exact measure is PostgreSQL's own commit timestamp of the event's
 * transaction (`pg_xact_commit_timestamp`), used when the server runs with
 * `track_commit_timestamp = on` (ALTER SYSTEM SET track_commit_timestamp = on; then restart
 * PostgreSQL). Without it the commit is bracketed: the event's `at` is `now()` of the writing
 * transaction — its START, not its insert or commit — and the writer's response arrives after
 * the commit, so for each delivery
 *   receivedAt − responseAt  ≤  commit → delivery  ≤  receivedAt − at
 * Both bounds are reported (same machine, one clock). The target is then checked against the
 * upper bound: conservative, never a false pass — but it adds the whole booking transaction
 * (round trips, lock waits), which on a loaded box was ~1 s of a ~1.2 s figure, while the lower
 * bound can go negative when an event beats the HTTP response. For the real measurement turn
 * track_commit_timestamp on.
 *
 * `--quick` (or BENCH_LIVE_QUICK=1): 40 streams, 20/s for 5 s, 200 creates, one ON/OFF round —
 * a smoke run. Sizes: BENCH_LIVE_STREAMS, _RATE, _SECONDS, _CREATES, _ROUNDS.
 */
export async function liveBench() {
  const db = await sharedDatabase();
  let servers: ServerProcess[] = [];
  let streams: Stream[] = [];
  let raw: Awaited<ReturnType<typeof rawSql>> | undefined;
  try {
    servers = await startServerProcesses(['A', 'B'], {
      databaseUrl: db.url,
      env: { DATABASE_POOL_SIZE: '20', TOBEOUT_LIVE_PUBLISH: '1' },
    });
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const world = await bookableRestaurant(db.handle, a.url, TABLES);
    raw = await rawSql({ db: db.handle }, 2);
    const { token } = await world.api.restaurant.tokens.create.mutate({
      name: 'live bench',
      role: 'manager',
    });
    // One HTTP request per create (no batching), as separate clients would send them.
    const writer = createTobeoutClient({ url: a.url, token, batch: false });
    let slot = 0;

    // ── Deliveries ──────────────────────────────────────────────────────────
    let recording = false;
    // booking.created arriving on a stream, as columns of numbers (750 000 objects would keep the
    // garbage collector busy while latencies are measured): the booking (its index in `bookings`),
    // the side, when it arrived, and arrival − the event's `at`.
    const bookings: string[] = [];
    const bookingIndex = new Map<string, number>();
    const delivery = {
      booking: [] as number[],
      sideA: [] as boolean[],
      receivedAt: [] as number[],
      fromAt: [] as number[],
    };
    const onBooking = (s: Stream, booking: string, at: string, receivedAt: number) => {
      if (!recording) return;
      s.recorded++;
      let k = bookingIndex.get(booking);
      if (k === undefined) {
        k = bookings.push(booking) - 1;
        bookingIndex.set(booking, k);
      }
      delivery.booking.push(k);
      delivery.sideA.push(s.side === 'A');
      delivery.receivedAt.push(receivedAt);
      delivery.fromAt.push(receivedAt - Date.parse(at));
    };
    const openStreams = async (parse = true) => {
      streams = [];
      for (let i = 0; i < STREAMS; i += 50) {
        const batch = Array.from({ length: Math.min(50, STREAMS - i) }, (_, k) => {
          const side = (i + k) % 2 === 0 ? 'A' : 'B';
          return new Stream(side, side === 'A' ? a.url : b.url, token, onBooking, parse);
        });
        streams.push(...batch);
        await Promise.all(batch.map((s) => s.ready));
      }
      await sleep(500); // every stream past its replay and registered with its process's feed
    };
    const closeStreams = () => {
      for (const s of streams) s.close();
    };
    const memory = () => Object.fromEntries(servers.map((s) => [s.name, procStats(s.pid)]));
    const meters = () => servers.map((s) => ({ name: s.name, end: cpuMeter(s.pid) }));
    const read = (ms: ReturnType<typeof meters>) => Object.fromEntries(ms.map((m) => [m.name, m.end()]));

    const started = memory();
    await openStreams();
    const streamsOpen = memory();
    const idle = meters();
    await sleep(3000);
    const idleCpu = read(idle); // streams open, nothing happening (heartbeats every 15 s)

    // ── Paced writers through A, all streams recording ───────────────────────
    const responseAt = new Map<string, number>();
    const writeErrors = new Map<string, number>();
    const pacedMeters = meters();
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const clientCpu = process.cpuUsage();
    const t0 = performance.now();
    recording = true;
    const total = Math.round(RATE * SECONDS);
    const inFlight = new Set<Promise<void>>();
    let lateStarts = 0;
    for (let i = 0; i < total; i++) {
      const wait = t0 + (i * 1000) / RATE - performance.now();
      if (wait > 0) await sleep(wait);
      else if (wait < -1000 / RATE) lateStarts++;
      const p: Promise<void> = writer.bookings.create
        .mutate(world.booking(slot++))
        .then(
          (booking) => {
            responseAt.set(booking.id, Date.now());
          },
          (err: Error) => {
            const msg = err.message.slice(0, 120);
            writeErrors.set(msg, (writeErrors.get(msg) ?? 0) + 1);
          },
        )
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    await Promise.all(inFlight);
    const writeSeconds = (performance.now() - t0) / 1000;
    const created = responseAt.size;
    // Drain: every stream has every booking, or 15 s passed.
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await sleep(50)) {
      if (streams.every((s) => s.recorded >= created)) break;
    }
    recording = false;
    const pacedCpu = read(pacedMeters);
    const cpu = process.cpuUsage(clientCpu);
    loop.disable();
    const afterPaced = memory();

    // Commit instants by booking, when PostgreSQL records them (xid8 → its 32-bit xid).
    const committedAt = new Map<string, number>();
    const [{ track } = { track: 'off' }] = await raw<{ track: string }[]>`
      select current_setting('track_commit_timestamp') as track`;
    if (track === 'on') {
      const rows = await raw<{ booking: string; ms: number | null }[]>`
        select entity_id as booking,
               (extract(epoch from pg_xact_commit_timestamp((tx_id::text::bigint % 4294967296)::text::xid)) * 1000)::float8 as ms
        from events where restaurant_id = ${world.restaurant.id} and type = 'booking.created'`;
      for (const r of rows) if (r.ms !== null) committedAt.set(r.booking, r.ms);
    }
    /** Latencies of the deliveries on `side` (both when absent): arrival − `from(booking)`. */
    const latencies = (from: (booking: string, k: number) => number | undefined, side?: Side) => {
      const out: number[] = [];
      for (let k = 0; k < delivery.booking.length; k++) {
        if (side && delivery.sideA[k] !== (side === 'A')) continue;
        const t = from(bookings[delivery.booking[k]!]!, k);
        if (t !== undefined) out.push(delivery.receivedAt[k]! - t);
      }
      return summarise(out);
    };
    const exact = (side?: Side) => latencies((b) => committedAt.get(b), side);
    const fromAt = (side?: Side) => latencies((_, k) => delivery.receivedAt[k]! - delivery.fromAt[k]!, side);
    const useExact = committedAt.size > 0;
    const primary = useExact ? exact : fromAt;
    const headline = primary();
    const expected = created * streams.length;
    const delivered = streams.reduce((n, s) => n + Math.min(s.recorded, created), 0);
    const extra = streams.reduce((n, s) => n + Math.max(0, s.recorded - created), 0);

    // ── Throughput with publishing ON and OFF (same streams open) ────────────
    const throughput: {
      publish: boolean;
      perSecond: number;
      latency: Latency;
      failed: number;
      cpu: unknown;
      /** What the streams received during the run (with publishing off: nothing). */
      streamedMb: number;
    }[] = [];
    const createMany = async (publish: boolean) => {
      const m = meters();
      const bytes = () => streams.reduce((n, s) => n + s.bytes, 0);
      const before = bytes();
      const benchCpu = process.cpuUsage();
      const base = slot;
      slot += CREATES;
      const r = await load(CONCURRENCY, CREATES, (i) =>
        writer.bookings.create.mutate(world.booking(base + i)),
      );
      throughput.push({
        publish,
        perSecond: r.perSecond,
        latency: r.latency,
        failed: r.failed,
        cpu: { ...read(m), loadGenerator: cpuPercent(process.cpuUsage(benchCpu), r.seconds) },
        streamedMb: round1((bytes() - before) / 1e6),
      });
    };
    const warmUp = async () => {
      const base = slot;
      slot += WARMUP;
      await load(CONCURRENCY, WARMUP, (i) => writer.bookings.create.mutate(world.booking(base + i)));
    };
    const restartAll = async (publish: boolean) => {
      closeStreams();
      await Promise.all(
        servers.map((s) => s.restart({ TOBEOUT_LIVE_PUBLISH: publish ? '1' : '0' }, 'SIGTERM')),
      );
      await openStreams(false);
    };
    // Every measured run starts from freshly started processes with the streams reopened and a
    // warm-up (JIT, pools); rounds alternate ON/OFF and OFF/ON so drift (a growing database,
    // a neighbour's load) does not favour one side.
    const modes = Array.from({ length: ROUNDS }, (_, r) =>
      r % 2 === 0 ? [true, false] : [false, true],
    ).flat();
    for (const publish of modes) {
      await restartAll(publish);
      await warmUp();
      await createMany(publish);
    }
    const afterThroughput = memory();
    const mean = (publish: boolean) => {
      const xs = throughput.filter((t) => t.publish === publish).map((t) => t.perSecond);
      return xs.reduce((x, y) => x + y, 0) / Math.max(1, xs.length);
    };
    const ratio = Math.round((mean(true) / Math.max(1, mean(false))) * 1000) / 1000;
    const streamErrors = streams.filter((s) => s.error).map((s) => s.error!.slice(0, 200));

    return {
      bench: 'live',
      quick: QUICK,
      processes: servers.length,
      streams: { total: STREAMS, perProcess: { A: Math.ceil(STREAMS / 2), B: Math.floor(STREAMS / 2) } },
      writers: {
        through: 'A',
        targetPerSecond: RATE,
        seconds: SECONDS,
        started: total,
        created,
        failed: total - created,
        errors: [...writeErrors].map(([m, n]) => `${n}× ${m}`),
        completedPerSecond: round1(created / writeSeconds),
        lateStarts,
      },
      delivery: {
        expected,
        delivered,
        missing: expected - delivered,
        duplicatesOrExtra: extra,
        outOfOrder: streams.reduce((n, s) => n + s.outOfOrder, 0),
        streamErrors,
        commitToDeliveryMs: {
          measuredWith: useExact
            ? 'commit timestamp (track_commit_timestamp = on)'
            : "upper bound: the event's at (transaction start); turn track_commit_timestamp on for exact figures",
          all: headline,
          streamsOnTheWritersProcess: primary('A'),
          streamsOnTheOtherProcess: primary('B'),
          exact: useExact ? headline : null,
          upperBoundFromEventAt: fromAt(),
          lowerBoundFromResponse: latencies((b) => responseAt.get(b)),
        },
      },
      client: {
        cpuPercent: cpuPercent(cpu, writeSeconds),
        eventLoopDelayMs: {
          p50: round1(loop.percentile(50) / 1e6),
          p99: round1(loop.percentile(99) / 1e6),
          max: round1(loop.max / 1e6),
        },
      },
      servers: {
        rssMb: Object.fromEntries(
          servers.map((s) => [
            s.name,
            {
              started: started[s.name]!.rssMb,
              streamsOpen: streamsOpen[s.name]!.rssMb,
              afterPaced: afterPaced[s.name]!.rssMb,
              peakBeforeRestart: afterPaced[s.name]!.peakRssMb,
              afterThroughput: afterThroughput[s.name]!.rssMb,
            },
          ]),
        ),
        cpuIdleWithStreams: idleCpu,
        cpuDuringPacedWrites: pacedCpu,
      },
      throughput: {
        concurrency: CONCURRENCY,
        creates: CREATES,
        rounds: ROUNDS,
        runs: throughput,
        publishOnPerSecond: Math.round(mean(true)),
        publishOffPerSecond: Math.round(mean(false)),
        ratio,
        publishingCostPercent: round1((1 - ratio) * 100),
      },
      targets: {
        deliveryP99Under50ms: headline.n > 0 && headline.p99 < TARGET_P99_MS,
        everyEventDeliveredOnceInOrder:
          expected > 0 && delivered === expected && extra === 0 && streams.every((s) => s.outOfOrder === 0),
        publishingCostAtMost15Percent: ratio >= 1 - TARGET_COST,
      },
    };
  } catch (err) {
    if (servers.length > 0) (err as Error).message += `\n\nServer output:\n${outputOf(servers)}`;
    throw err;
  } finally {
    for (const s of streams) s.close();
    await raw?.end();
    await Promise.all(servers.map((s) => s.stop()));
    await db.close();
  }
}
