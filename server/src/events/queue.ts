/**
 * An unbounded-until-`limit` async queue with one consumer, drained in batches: everything queued
 * since the consumer last looked (up to `batch` items) comes out at once, so a consumer that
 * writes each batch to a socket does one write per wake-up however fast items arrive. `fail()`
 * ends the consumer with an error (e.g. it fell too far behind); `end()` ends it normally.
 */
export class AsyncQueue<T> {
  private items: T[] = [];
  private waiter: (() => void) | null = null;
  private done = false;
  private error: Error | null = null;

  constructor(private readonly limit = 10_000) {}

  push(item: T): void {
    if (this.done) return;
    if (this.items.length >= this.limit) {
      this.fail(new Error('Subscriber fell behind; reconnect with lastEventId to resume.'));
      return;
    }
    this.items.push(item);
    this.notify();
  }

  end(): void {
    this.done = true;
    this.notify();
  }

  fail(error: Error): void {
    this.error = error;
    this.done = true;
    this.items = [];
    this.notify();
  }

  private notify() {
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }

  async *drain(signal?: AbortSignal, batch = 500): AsyncGenerator<T[]> {
    const onAbort = () => this.end();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      while (true) {
        if (this.error) throw this.error;
        if (this.items.length > 0) {
          yield this.items.splice(0, batch);
          continue;
        }
        if (this.done) return;
        await new Promise<void>((resolve) => {
          this.waiter = resolve;
        });
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }
}
