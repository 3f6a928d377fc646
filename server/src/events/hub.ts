import type { Database } from '@tobeout/db';
import type { TEvent } from '@tobeout/shared';
import type { EventBus } from './bus';
import { type Cursor, cursorAfter, decodeCursor } from './cursor';
import { AsyncQueue } from './queue';
import { headCursor, readEvents } from './read';

export type HubOptions = {
  /**
   * Safety poll while anyone listens (covers a lost NOTIFY or a dropped LISTEN connection);
   * default 5 s, null: never (no live publishing at all, to measure what it costs).
   */
  pollMs?: number | null;
  /** Re-read delay while committed events wait behind an older running transaction. */
  heldBackRetryMs?: number;
  /**
   * Reads of one restaurant's events start at least `minReadIntervalMs` apart (default 10 ms).
   * When the restaurant writes more than `busyEventsPerSecond` events a second (default 100,
   * counted over about the last second), reads are spaced further — by the square of that ratio,
   * at most `maxReadIntervalMs` (default 250 ms): at 200 a second 40 ms, at 450 about 200 ms.
   * What commits meanwhile is read, and written to every stream, together: a message costs a
   * stream about the same for one event or fifty, so under a burst of hundreds of writes a second
   * the work of every stream follows the read rate, not the write rate, for at most 250 ms more
   * latency. At an evening's pace (a few writes a second, or 50 in a benchmark) every event is
   * read within 10 ms of its wake-up; a clump after a stall does not space the next reads.
   */
  minReadIntervalMs?: number;
  maxReadIntervalMs?: number;
  busyEventsPerSecond?: number;
  pageSize?: number;
};

/**
 * Fans committed events out to subscribers. One Feed per restaurant with listeners reads the
 * events table once per wake-up and pushes to every subscriber of that restaurant, so N open
 * streams cost one query per change, not N.
 */
export class EventHub {
  private feeds = new Map<string, Feed>();
  private unsubscribeBus: () => void;
  private closed = false;

  constructor(
    private readonly db: Database,
    bus: EventBus,
    private readonly opts: HubOptions = {},
  ) {
    const unsubscribeWake = bus.onWake((rid) => this.feeds.get(rid)?.wake());
    const unsubscribeResync = bus.onResync(() => {
      for (const feed of this.feeds.values()) feed.wake();
    });
    this.unsubscribeBus = () => {
      unsubscribeWake();
      unsubscribeResync();
    };
  }

  get subscriberCount(): number {
    let n = 0;
    for (const f of this.feeds.values()) n += f.size;
    return n;
  }

  /**
   * Replays events after `lastEventId` (all of them, paged) and then streams live ones, each
   * exactly once, in commit-safe order. Without lastEventId it starts at "now".
   *
   * Events come in batches: a replayed page, or everything that arrived while the consumer was
   * busy writing the previous batch (one event when it keeps up). Writing to 250 sockets one
   * event at a time costs a frame per event per stream — at a few hundred bookings per second
   * that alone saturates a core; batching makes the work per stream follow the rate the stream
   * is written at, not the rate events arrive.
   */
  async *stream(
    restaurantId: string,
    lastEventId: string | null,
    signal?: AbortSignal,
  ): AsyncGenerator<TEvent[]> {
    if (this.closed) return;
    let last: Cursor | null = lastEventId ? decodeCursor(lastEventId) : null;
    let feed = this.feeds.get(restaurantId);
    if (!feed) {
      feed = new Feed(this.db, restaurantId, this.opts, () => this.feeds.delete(restaurantId));
      this.feeds.set(restaurantId, feed);
    }
    const pageSize = this.opts.pageSize ?? 500;
    const queue = new AsyncQueue<TEvent>();
    // Register before reading the backlog: anything committed from here on reaches the queue.
    feed.add(queue);
    try {
      await feed.ready;
      if (last) {
        for (;;) {
          const page = await readEvents(this.db, restaurantId, last, pageSize);
          if (page.events.length > 0) yield page.events;
          last = page.cursor;
          if (!page.more || signal?.aborted) break;
        }
      }
      // Drop what the replay already sent: events reach the queue in cursor order, so once one is
      // past the replay's end, all that follow are too (and need no look at their cursors).
      let catchingUp = last !== null;
      for await (const batch of queue.drain(signal, pageSize)) {
        let fresh = batch;
        if (catchingUp) {
          fresh = batch.filter((e) => cursorAfter(decodeCursor(e.cursor), last!));
          if (fresh.length === 0) continue;
          catchingUp = false;
        }
        yield fresh;
      }
    } finally {
      feed.remove(queue);
    }
  }

  close(): void {
    this.closed = true;
    this.unsubscribeBus();
    for (const f of this.feeds.values()) f.close();
    this.feeds.clear();
  }
}

class Feed {
  readonly ready: Promise<void>;
  private subs = new Set<AsyncQueue<TEvent>>();
  private cursor: Cursor | null = null;
  private running = false;
  private again = false;
  private lastReadAt = 0;
  private interval = 0;
  /** Events read in about the last second: a count that decays with a one-second time constant. */
  private recent = 0;
  private recentAt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Database,
    private readonly restaurantId: string,
    private readonly opts: HubOptions,
    private readonly onEmpty: () => void,
  ) {
    this.ready = headCursor(db, restaurantId).then((c) => {
      this.cursor = c;
    });
    if (opts.pollMs !== null) {
      this.pollTimer = setInterval(() => this.wake(), opts.pollMs ?? 5_000);
      this.pollTimer.unref();
    }
  }

  get size() {
    return this.subs.size;
  }

  add(q: AsyncQueue<TEvent>) {
    this.subs.add(q);
  }

  remove(q: AsyncQueue<TEvent>) {
    this.subs.delete(q);
    if (this.subs.size === 0) {
      this.close();
      this.onEmpty();
    }
  }

  wake(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.pull();
  }

  private async pull() {
    try {
      await this.ready;
      do {
        const wait = this.lastReadAt + this.interval - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        this.again = false;
        this.lastReadAt = performance.now();
        const page = await readEvents(this.db, this.restaurantId, this.cursor, this.opts.pageSize ?? 500);
        const {
          minReadIntervalMs: min = 10,
          maxReadIntervalMs: max = 250,
          busyEventsPerSecond = 100,
        } = this.opts;
        const now = performance.now();
        this.recent = this.recent * Math.exp((this.recentAt - now) / 1000) + page.events.length;
        this.recentAt = now;
        const busy = Math.max(1, this.recent / busyEventsPerSecond);
        this.interval = Math.min(Math.max(min, max), min * busy * busy);
        this.cursor = page.cursor;
        for (const e of page.events) for (const q of this.subs) q.push(e);
        if (page.more) this.again = true;
        if (page.heldBack && !this.retryTimer) {
          this.retryTimer = setTimeout(() => {
            this.retryTimer = null;
            this.wake();
          }, this.opts.heldBackRetryMs ?? 20);
        }
      } while (this.again && this.subs.size > 0);
    } catch (err) {
      // Transient database trouble: the next wake or poll tries again from the same cursor.
      console.warn(`[events] reading events failed: ${String(err)}`);
    } finally {
      this.running = false;
    }
  }

  close() {
    clearInterval(this.pollTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    for (const q of this.subs) q.end();
    this.subs.clear();
  }
}
