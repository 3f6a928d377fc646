import type { DbHandle } from '@tobeout/db';

/** Announces that a restaurant has new committed events. Cheap, non-blocking, coalesced. */
export interface EventPublisher {
  publish(restaurantId: string): void;
}

export interface EventBus extends EventPublisher {
  /** Called with a restaurant id whenever events of it may have been committed (any process). */
  onWake(listener: (restaurantId: string) => void): () => void;
  /** Called when wake-ups may have been lost (the LISTEN connection was down): look at everything. */
  onResync(listener: () => void): () => void;
  close(): Promise<void>;
}

export const EVENTS_CHANNEL = 'tobeout_events';
const MAX_PAYLOAD = 7000; // NOTIFY payloads must stay under 8000 bytes

/**
 * LISTEN/NOTIFY bus, used for PGlite (in-process) and PostgreSQL (across processes) alike.
 * Writers call publish() after their commit; ids are collected and sent as one NOTIFY (see
 * `schedule` below for how often), outside any transaction. Local listeners are woken at once,
 * without the round trip.
 * A NOTIFY carries no event data — only "look again" — so a lost one costs latency, never an
 * event (the hub also polls).
 */
export async function createNotifyBus(
  handle: Pick<DbHandle, 'listen' | 'notify'>,
  { minIntervalMs = 10 }: { minIntervalMs?: number } = {},
): Promise<EventBus> {
  const listeners = new Set<(restaurantId: string) => void>();
  const resyncListeners = new Set<() => void>();
  const pending = new Set<string>();
  let scheduled = false;
  let closed = false;

  const wake = (restaurantId: string) => {
    for (const l of listeners) l(restaurantId);
  };

  const unlisten = await handle.listen(
    EVENTS_CHANNEL,
    (payload) => {
      for (const id of payload.split(',')) if (id) wake(id);
    },
    () => {
      for (const l of resyncListeners) l();
    },
  );

  const flush = async () => {
    const ids = [...pending];
    pending.clear();
    let chunk = '';
    for (const id of ids) {
      if (chunk.length + id.length + 1 > MAX_PAYLOAD) {
        await notify(chunk);
        chunk = '';
      }
      chunk = chunk ? `${chunk},${id}` : id;
    }
    if (chunk) await notify(chunk);
  };
  const notify = (payload: string) =>
    handle.notify(EVENTS_CHANNEL, payload).catch((err: unknown) => {
      if (!closed) console.warn(`[events] NOTIFY failed (subscribers fall back to polling): ${String(err)}`);
    });
  /**
   * One NOTIFY in flight at a time, and at most one every `minIntervalMs`: what is published
   * meanwhile goes out together in the next one. Each NOTIFY is a commit of its own on
   * PostgreSQL, serialised on the notification queue's lock, and wakes every other process —
   * whose feeds read at most every 10 ms anyway — so under a burst of writes this is ~100 NOTIFYs
   * a second, not one per commit. The writing process's own streams are woken at once.
   */
  let lastSentAt = Number.NEGATIVE_INFINITY;
  const send = () => {
    lastSentAt = performance.now();
    void flush().finally(() => {
      scheduled = false;
      if (pending.size > 0 && !closed) schedule();
    });
  };
  const schedule = () => {
    scheduled = true;
    const wait = lastSentAt + minIntervalMs - performance.now();
    if (wait > 0) setTimeout(send, wait);
    else setImmediate(send);
  };

  return {
    publish(restaurantId) {
      if (closed) return;
      wake(restaurantId);
      pending.add(restaurantId);
      if (!scheduled) schedule();
    },
    onWake(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onResync(listener) {
      resyncListeners.add(listener);
      return () => resyncListeners.delete(listener);
    },
    async close() {
      closed = true;
      listeners.clear();
      resyncListeners.clear();
      await unlisten().catch(() => {});
    },
  };
}
