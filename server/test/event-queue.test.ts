import { describe, expect, it } from 'vitest';
import { AsyncQueue } from '../src/events/queue';

async function take<T>(it: AsyncGenerator<T>): Promise<T | undefined> {
  const r = await it.next();
  return r.done ? undefined : r.value;
}

describe('AsyncQueue (one stream subscriber)', () => {
  it('hands over everything queued since the consumer last looked as one batch, capped', async () => {
    const q = new AsyncQueue<number>();
    const drain = q.drain(undefined, 3);
    for (let i = 1; i <= 5; i++) q.push(i);
    expect(await take(drain)).toEqual([1, 2, 3]);
    expect(await take(drain)).toEqual([4, 5]);
    const next = take(drain); // waits for the next push
    q.push(6);
    expect(await next).toEqual([6]);
    q.end();
    expect(await take(drain)).toBeUndefined();
  });

  it('fails the consumer, dropping what was queued, when it falls more than `limit` behind', async () => {
    const q = new AsyncQueue<number>(2);
    const drain = q.drain();
    q.push(1);
    q.push(2);
    q.push(3);
    await expect(drain.next()).rejects.toThrow(/fell behind/);
  });

  it('ends when the signal aborts', async () => {
    const q = new AsyncQueue<number>();
    const ac = new AbortController();
    const drain = q.drain(ac.signal);
    const next = take(drain);
    ac.abort();
    expect(await next).toBeUndefined();
  });
});
