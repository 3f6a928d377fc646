import { Alert, Box, Tooltip } from '@mantine/core';
import { IconWifiOff } from '@tabler/icons-react';
import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useEffectEvent,
  useRef,
  useState,
} from 'react';
import type { LiveState } from './state';

/** Why this tab cannot send changes: the browser has no network, or the server is out of reach. */
export type OfflineReason = 'network' | 'stream';

/** The live stream may be down this long (a restart, a short blip) before changes pause. */
export const OFFLINE_GRACE_MS = 5000;

export const OFFLINE_TOOLTIP =
  'Paused while offline: this change cannot be sent until the connection is back.';

export const OfflineContext = createContext<OfflineReason | null>(null);

/** Null while changes can be sent; otherwise why not. */
export function useOffline(): OfflineReason | null {
  return useContext(OfflineContext);
}

/**
 * Offline at once when the browser says so; when the live stream is down (reconnecting, or it
 * never came up) for longer than `graceMs`.
 */
export function useOfflineReason(
  state: LiveState,
  opts: { online: boolean; enabled: boolean; graceMs?: number },
): OfflineReason | null {
  const { online, enabled, graceMs = OFFLINE_GRACE_MS } = opts;
  const streamDown = enabled && (state === 'reconnecting' || state === 'offline');
  const [late, setLate] = useState(false);
  useEffect(() => {
    setLate(false);
    if (!streamDown) return;
    const timer = setTimeout(() => setLate(true), graceMs);
    return () => clearTimeout(timer);
  }, [streamDown, graceMs]);
  if (!online) return 'network';
  return streamDown && late ? 'stream' : null;
}

/** Down longer than this: what is on screen is fetched again once the stream is back. */
export const REFETCH_AFTER_MS = 60_000;

/**
 * Calls `refetch` when the stream is live again after being down longer than `afterMs`: the
 * stream replays what it missed, but after a long outage (a day rolled over, events compacted)
 * a fresh read of what is on screen is the safer catch-up.
 */
export function useAfterLongOutage(state: LiveState, refetch: () => void, afterMs = REFETCH_AFTER_MS) {
  const downSince = useRef<number | null>(null);
  const onBack = useEffectEvent(refetch);
  useEffect(() => {
    if (state === 'live') {
      if (downSince.current !== null && Date.now() - downSince.current > afterMs) onBack();
      downSince.current = null;
    } else if (state === 'reconnecting' || state === 'offline') downSince.current ??= Date.now();
  }, [state, afterMs]);
}

/**
 * The banner under the header while changes are paused. `inline`: the same inside a drawer or
 * modal, whose overlay covers the page's banner.
 */
export function OfflineBanner({ inline }: { inline?: boolean }) {
  const reason = useOffline();
  if (!reason) return null;
  return (
    // On the page it sticks under the header while the page scrolls.
    <Alert
      color="orange"
      variant="filled"
      icon={<IconWifiOff size={18} />}
      role="alert"
      aria-label="Offline"
      data-offline={reason}
      py={8}
      mb={inline ? 0 : 'md'}
      pos={inline ? undefined : 'sticky'}
      top={inline ? undefined : 'calc(var(--app-shell-header-height, 56px) + 8px)'}
      style={inline ? undefined : { zIndex: 150 }}
    >
      You are offline — changes are paused until the connection is back. Nothing you entered is lost.
      {reason === 'stream' && ' (The live connection to the server dropped; reconnecting…)'}
    </Alert>
  );
}

/**
 * A control that sends a change: disabled while offline, with a tooltip that says why. The
 * wrapper takes the pointer (a disabled button gets no hover of its own).
 */
export function PausedWhenOffline({
  children,
  block,
}: {
  children: (paused: boolean) => ReactNode;
  /** The control fills the width. */
  block?: boolean;
}) {
  const paused = useOffline() !== null;
  return (
    <Tooltip label={OFFLINE_TOOLTIP} disabled={!paused} multiline w={260} withArrow>
      <Box
        component="span"
        display={block ? 'block' : 'inline-block'}
        data-paused={paused || undefined}
        style={paused ? { cursor: 'not-allowed' } : undefined}
      >
        {children(paused)}
      </Box>
    </Tooltip>
  );
}
