import { useNetwork } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { skipToken } from '@tanstack/react-query';
import type { TEvent } from '@tobeout/shared';
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { useOfflineGate } from '../app/ApiProvider';
import { useSession } from '../app/session';
import { trpc } from '../app/trpc';
import { errorCode, serverErrorData } from '../lib/errors';
import { localToday } from '../lib/local-time';
import { useRestaurantTimeZone } from '../lib/time-zone';
import { createLiveBus, LiveBusContext, useLiveEvent } from './bus';
import { invalidateForEvents } from './invalidation';
import { LiveIndicator } from './LiveIndicator';
import { OfflineContext, useAfterLongOutage, useOfflineReason } from './offline';
import { type LiveState, liveStateOf } from './state';

const LiveContext = createContext<LiveState>('offline');

/** The live connection state of this tab. */
export function useLiveState(): LiveState {
  return useContext(LiveContext);
}

/** The header's indicator, fed by the tab's one stream. */
export function LiveStatus() {
  return <LiveIndicator state={useLiveState()} />;
}

const MAX_RETRY_MS = 30_000;

/**
 * The tab's ONE event stream (mount it once, keyed by the active restaurant). Events arrive in
 * batches (one event unless many came at once). Each event makes the queries it affects stale (see ./invalidation.ts), is announced when someone else made it,
 * and goes to whoever listens (useLiveEvent). The link itself reconnects after network drops and
 * resumes from the last tracked id; after an error it gave up on, we start again from the id we
 * kept, with back-off. While the network or the stream is down, changes are paused (see
 * ./offline.tsx and offlineLink).
 */
export function LiveProvider({ children, enabled = true }: { children: ReactNode; enabled?: boolean }) {
  const utils = trpc.useUtils();
  const lastEventId = useRef<string | null>(null);
  const [input, setInput] = useState<{ lastEventId: string | null }>({ lastEventId: null });
  const [wasLive, setWasLive] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [bus] = useState(createLiveBus);
  const { online } = useNetwork();

  const sub = trpc.events.stream.useSubscription(enabled ? input : skipToken, {
    onData(item) {
      // A batch of events in commit order; its id is the last one's cursor.
      lastEventId.current = item.id;
      void invalidateForEvents(item.data, utils);
      for (const event of item.data) bus.publish(event);
    },
  });
  const { status, error, reset } = sub;

  useEffect(() => {
    if (status === 'pending') {
      setWasLive(true);
      setAttempt(0);
    }
  }, [status]);

  useEffect(() => {
    // 'idle' while enabled: the server ended the stream (restart, deploy). Resume like after an error.
    if (!enabled || (status !== 'error' && status !== 'idle')) return;
    if (status === 'error' && errorCode(error) === 'UNAUTHORIZED') {
      // Signed out elsewhere or the session ended: auth.me decides what to show.
      void utils.auth.me.invalidate();
      return;
    }
    // A cursor the server no longer knows: start from now (and refetch what is on screen).
    if (status === 'error' && serverErrorData(error)?.reason === 'INVALID_CURSOR') {
      lastEventId.current = null;
      void utils.invalidate();
    }
    const delay = Math.min(MAX_RETRY_MS, 1000 * 2 ** attempt);
    const timer = setTimeout(() => {
      setAttempt((a) => a + 1);
      const next = lastEventId.current;
      if (next !== input.lastEventId) setInput({ lastEventId: next });
      else reset();
    }, delay);
    return () => clearTimeout(timer);
  }, [enabled, status, error, attempt, input.lastEventId, reset, utils]);

  const state: LiveState = enabled ? liveStateOf(status, { wasLive, online }) : 'offline';

  useAfterLongOutage(state, () => void utils.invalidate());

  const offline = useOfflineReason(state, { online, enabled });
  const gate = useOfflineGate();
  useEffect(() => {
    if (!gate) return;
    gate.offline = offline !== null;
    return () => {
      gate.offline = false;
    };
  }, [gate, offline]);

  return (
    <LiveContext.Provider value={state}>
      <OfflineContext.Provider value={offline}>
        <LiveBusContext.Provider value={bus}>
          {enabled && <LiveNotifications />}
          {children}
        </LiveBusContext.Provider>
      </OfflineContext.Provider>
    </LiveContext.Provider>
  );
}

/**
 * Discreet notifications of what others change (see ./notify.ts). The notifier is its own chunk,
 * fetched once the browser is idle (it reads event payloads with zod, which the first page does
 * not need); events that come before it are announced when it arrives.
 */
function LiveNotifications() {
  const { user } = useSession();
  const { timeZone } = useRestaurantTimeZone();
  const zone = useRef(timeZone);
  zone.current = timeZone;
  const notify = useRef<((event: TEvent) => void) | null>(null);
  const early = useRef<TEvent[]>([]);
  useEffect(() => {
    let mounted = true;
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 50));
    const cancelIdle = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(
      () => {
        import('./notify')
          .then(({ createLiveNotifier }) => {
            if (!mounted) return;
            const notifier = createLiveNotifier({
              userId: user.id,
              words: () => ({ today: localToday(zone.current) }),
              show: ({ id, message }) =>
                notifications.show({
                  id,
                  message,
                  color: 'blue',
                  autoClose: 6000,
                  'data-live-notification': true,
                }),
              update: ({ id, message }) =>
                notifications.update({
                  id,
                  message,
                  color: 'blue',
                  autoClose: 6000,
                  'data-live-notification': true,
                }),
            });
            notify.current = notifier;
            for (const event of early.current.splice(0)) notifier(event);
          })
          .catch(() => {
            notify.current = () => {}; // without its chunk, no notifications (the data still updates)
            early.current = [];
          });
      },
      { timeout: 2000 },
    );
    return () => {
      mounted = false;
      cancelIdle(handle);
    };
  }, [user.id]);
  useLiveEvent((event) => {
    if (notify.current) notify.current(event);
    else early.current.push(event);
  });
  return null;
}
