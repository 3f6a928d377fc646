import type { TEvent } from '@tobeout/shared';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { sseMessage } from '../src/http/event-stream';

const event = (id: number): TEvent => ({
  cursor: `100.${id}`,
  id,
  type: 'booking.created',
  entity: 'booking',
  entityId: `b${id}`,
  actor: { kind: 'user', id: 'u1', name: 'Maria' },
  payload: { partySize: 4, startsAt: new Date(Date.UTC(2026, 10, 22, 19, id)) },
  at: new Date(Date.UTC(2026, 10, 22, 12, 0, id)),
});

/** The batch a stream receives, as an EventSource reads it: `data:` superjson, `id:` the last cursor. */
function decode(frame: Buffer): { events: unknown; id: string } {
  const [data, id, ...rest] = frame.toString('utf8').split('\n');
  expect(rest).toEqual(['', '']);
  return {
    events: superjson.deserialize(JSON.parse(data!.slice('data: '.length))),
    id: id!.slice('id: '.length),
  };
}

/**
 * The fan-out encodes a batch once for every stream that receives the same run of events; a
 * stream that fell behind receives a longer (or later) run from the same first event and must get
 * that run, not the cached one.
 */
describe('SSE messages of event batches', () => {
  const [e1, e2, e3, e4] = [event(1), event(2), event(3), event(4)] as [TEvent, TEvent, TEvent, TEvent];

  it('is the superjson form of the batch, its id the last cursor', () => {
    expect(decode(sseMessage([e1, e2]))).toEqual({ events: [e1, e2], id: '100.2' });
    expect(decode(sseMessage([e3]))).toEqual({ events: [e3], id: '100.3' });
  });

  it('the same run of events is encoded once and shared', () => {
    const batch = [e2, e3];
    expect(sseMessage([...batch])).toBe(sseMessage([...batch]));
  });

  it('a different run from the same first event gets its own message', () => {
    const short = sseMessage([e1, e2]);
    const long = sseMessage([e1, e2, e3]);
    expect(decode(long)).toEqual({ events: [e1, e2, e3], id: '100.3' });
    // Same length, another event in the middle (never from one feed, but never confused either).
    expect(decode(sseMessage([e1, e4, e3]))).toEqual({ events: [e1, e4, e3], id: '100.3' });
    expect(decode(sseMessage([e1, e2]))).toEqual(decode(short));
    expect(decode(sseMessage([e1]))).toEqual({ events: [e1], id: '100.1' });
  });
});
