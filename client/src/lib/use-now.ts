import { useEffect, useRef, useState } from 'react';

/** The current time (epoch ms), updated every `intervalMs` while `enabled`. */
export function useNow(intervalMs = 1000, enabled = true): number {
  const [now, setNow] = useState(() => Date.now());
  const mounted = useRef(false);
  useEffect(() => {
    // On mount the time read by the first render is current: setting it again would only render
    // everything that shows it a second time.
    const first = !mounted.current;
    mounted.current = true;
    if (!enabled) return;
    if (!first) setNow(Date.now());
    const id = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs, enabled]);
  return now;
}
