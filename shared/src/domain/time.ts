/** Local wall-clock helpers. Times of day travel as 'HH:mm'; internally minutes from midnight. */

export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function hhmmToMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** 0..2879 → 'HH:mm' (minutes past 24:00 wrap to the next day's clock). */
export function minutesToHhmm(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * `tz` in the IANA spelling ('europe/berlin' → 'Europe/Berlin'), or null when this runtime does
 * not know the zone. Intl accepts names in any case; only the case changes: aliases (Asia/Kolkata,
 * US/Eastern) stay as typed. Remembered per name: building a DateTimeFormat costs ~0.1 ms, and
 * every restaurant in an API response passes through here (output validation).
 */
export function canonicalTimeZone(tz: string): string | null {
  let known = zoneNames.get(tz);
  if (known === undefined) {
    known = resolveZone(tz);
    if (zoneNames.size >= 1000) zoneNames.clear(); // arbitrary strings must not grow it forever
    zoneNames.set(tz, known);
  }
  return known;
}
const zoneNames = new Map<string, string | null>();

function resolveZone(tz: string): string | null {
  if (!tz || tz.length > 64) return null;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  const lower = tz.toLowerCase();
  if (resolved.toLowerCase() === lower) return resolved;
  return timeZones().find((z) => z.toLowerCase() === lower) ?? tz;
}

/** True when `tz` is an IANA time zone this runtime knows. */
export function isValidTimeZone(tz: string): boolean {
  return canonicalTimeZone(tz) !== null;
}

/** IANA zones for pickers (falls back to a short list on runtimes without supportedValuesOf). */
export function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  return (
    intl.supportedValuesOf?.('timeZone') ?? ['UTC', 'Europe/Berlin', 'Europe/London', 'America/New_York']
  );
}
