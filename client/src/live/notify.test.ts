import { describe, expect, it } from 'vitest';
import type { LiveEvent } from './messages';
import { createLiveNotifier, type LiveToast } from './notify';

const maria = { kind: 'user', id: 'u2', name: 'Maria' } as const;
const me = { kind: 'user', id: 'u1', name: 'Me' } as const;
const guest = (name: string, actor: LiveEvent['actor'] = maria): LiveEvent => ({
  type: 'guest.created',
  entity: 'guest',
  entityId: name,
  actor,
  payload: { name },
});

function setup() {
  let clock = 0;
  const log: string[] = [];
  const notify = createLiveNotifier({
    userId: 'u1',
    show: (t: LiveToast) => log.push(`show ${t.id}: ${t.message}`),
    update: (t: LiveToast) => log.push(`update ${t.id}: ${t.message}`),
    now: () => clock,
  });
  return { notify, log, tick: (ms: number) => (clock += ms) };
}

describe('live notifier', () => {
  it('announces changes by others, not my own nor holds', () => {
    const { notify, log } = setup();
    notify(guest('Ben', me));
    notify({ type: 'hold.created', entity: 'hold', entityId: 'h', actor: maria, payload: {} });
    notify(guest('Ben'));
    expect(log).toEqual(['show live-1: Guest Ben added by Maria']);
  });

  it('turns a burst by one person into one counting notification', () => {
    const { notify, log, tick } = setup();
    for (let i = 0; i < 12; i++) {
      notify(guest(`G${i}`));
      tick(50);
    }
    expect(log[0]).toBe('show live-1: Guest G0 added by Maria');
    expect(log.at(-1)).toBe('update live-1: 12 changes by Maria');
    expect(log.filter((l) => l.startsWith('show'))).toHaveLength(1);
  });

  it('keeps people apart and starts afresh after a pause', () => {
    const { notify, log, tick } = setup();
    notify(guest('A'));
    notify(guest('B', { kind: 'token', id: 't1', name: 'Importer' }));
    tick(1500);
    notify(guest('C'));
    expect(log).toEqual([
      'show live-1: Guest A added by Maria',
      'show live-2: Guest B added by Importer (API)',
      'show live-3: Guest C added by Maria',
    ]);
  });

  it('stops counting into a notification that is about to close', () => {
    const { notify, log, tick } = setup();
    for (let i = 0; i < 10; i++) {
      notify(guest(`G${i}`));
      tick(600);
    }
    expect(log.filter((l) => l.startsWith('show'))).toHaveLength(2);
  });
});
