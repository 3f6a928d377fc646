import type { TEvent } from '@tobeout/shared';
import { burstMessage, eventMessage, isMine, type LiveEvent, type MessageOptions } from './messages';

export type LiveToast = { id: string; message: string };

type Options = {
  /** The signed-in user: their own changes are not announced. */
  userId: string;
  show(toast: LiveToast): void;
  update(toast: LiveToast): void;
  /** Events by one actor less than this apart join one notification. */
  burstMs?: number;
  /** A notification stops counting after this long (it is about to close by itself). */
  maxGroupMs?: number;
  now?: () => number;
  words?: () => MessageOptions;
};

type Group = { id: string; count: number; startedAt: number; lastAt: number; actor: TEvent['actor'] };

/**
 * Announces changes made by someone else, one discreet notification each; a burst by one actor
 * (an import, a replay after reconnecting, many moves in a second) becomes one notification
 * that counts: "12 changes by Maria".
 */
export function createLiveNotifier({
  userId,
  show,
  update,
  burstMs = 1000,
  maxGroupMs = 4000,
  now = Date.now,
  words = () => ({}),
}: Options) {
  const groups = new Map<string, Group>();
  let seq = 0;
  return (event: LiveEvent) => {
    if (isMine(event.actor, userId)) return;
    const message = eventMessage(event, words());
    if (!message) return;
    const key = `${event.actor.kind}:${event.actor.id ?? event.actor.name}`;
    const t = now();
    const group = groups.get(key);
    if (group && t - group.lastAt < burstMs && t - group.startedAt < maxGroupMs) {
      group.count += 1;
      group.lastAt = t;
      update({ id: group.id, message: burstMessage(group.count, event.actor) });
      return;
    }
    const id = `live-${++seq}`;
    groups.set(key, { id, count: 1, startedAt: t, lastAt: t, actor: event.actor });
    show({ id, message });
  };
}
