import type { TEvent } from '@tobeout/shared';
import { createContext, useContext, useEffect, useEffectEvent } from 'react';

export type LiveListener = (event: TEvent) => void;

/** Hands each event of the tab's stream to whoever listens (notifications, an open form). */
export type LiveBus = { publish(event: TEvent): void; subscribe(listener: LiveListener): () => void };

export function createLiveBus(): LiveBus {
  const listeners = new Set<LiveListener>();
  return {
    publish(event) {
      for (const listener of listeners) listener(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const LiveBusContext = createContext<LiveBus | null>(null);

/** Calls `listener` with every live event while the component is mounted (none outside LiveProvider). */
export function useLiveEvent(listener: LiveListener) {
  const bus = useContext(LiveBusContext);
  const onEvent = useEffectEvent(listener);
  useEffect(() => bus?.subscribe((event) => onEvent(event)), [bus]);
}
