/** How the tab's live event stream is doing. */
export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'offline';

export type SubscriptionStatus = 'idle' | 'connecting' | 'pending' | 'error';

/** Maps the tRPC subscription status (plus what we know) to what we show people. */
export function liveStateOf(
  status: SubscriptionStatus,
  opts: { wasLive: boolean; online: boolean },
): LiveState {
  if (!opts.online) return 'offline';
  switch (status) {
    case 'pending':
      return 'live';
    case 'connecting':
      return opts.wasLive ? 'reconnecting' : 'connecting';
    // 'error': the link gave up; 'idle': the server ended the stream. Either way we retry.
    case 'error':
    case 'idle':
      return opts.wasLive ? 'reconnecting' : 'offline';
    default:
      return 'offline';
  }
}

export const LIVE_LABELS: Record<LiveState, { label: string; aria: string; color: string; tooltip: string }> =
  {
    connecting: {
      label: 'Connecting',
      aria: 'Live: connecting',
      color: 'yellow',
      tooltip: 'Connecting to live updates…',
    },
    live: {
      label: 'Live',
      aria: 'Live: connected',
      color: 'teal',
      tooltip: 'Live: changes made by others appear here at once.',
    },
    reconnecting: {
      label: 'Reconnecting',
      aria: 'Live: reconnecting',
      color: 'orange',
      tooltip:
        'The live connection dropped; reconnecting. Nothing is lost: missed changes arrive when it is back.',
    },
    offline: {
      label: 'Offline',
      aria: 'Live: offline',
      color: 'red',
      tooltip:
        'Not receiving live updates. Check your connection; the page still works but may be out of date.',
    },
  };
