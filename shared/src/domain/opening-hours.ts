import { hhmmToMinutes } from './time';

/** A service as stored: minutes from the start day's midnight; end > 1440 crosses midnight. */
export type ServiceSpan = { weekday: number; name: string; startMinute: number; endMinute: number };

/**
 * Converts an 'HH:mm'–'HH:mm' service to minutes. An end at or before the start means the
 * service runs past midnight (18:00–01:00 → 1080..1500) and belongs to the day it started.
 */
export function serviceSpan(start: string, end: string): { startMinute: number; endMinute: number } {
  const startMinute = hhmmToMinutes(start);
  let endMinute = hhmmToMinutes(end);
  if (endMinute <= startMinute) endMinute += 1440;
  return { startMinute, endMinute };
}

/**
 * Pairs of services that overlap in real time, within a day or across midnight into the next
 * weekday (Sunday's late service runs into Monday). Each pair is [i, j] indices, i < j.
 */
export function overlappingServices(services: ServiceSpan[]): [number, number][] {
  const week = 7 * 1440;
  const abs = services.map((s) => {
    const base = (s.weekday - 1) * 1440;
    return { from: base + s.startMinute, to: base + s.endMinute };
  });
  const overlaps = (a: { from: number; to: number }, b: { from: number; to: number }) =>
    a.from < b.to && b.from < a.to;
  const clashes: [number, number][] = [];
  for (let i = 0; i < abs.length; i++) {
    for (let j = i + 1; j < abs.length; j++) {
      const a = abs[i]!;
      const b = abs[j]!;
      const shifted = { from: b.from + week, to: b.to + week };
      const shiftedBack = { from: b.from - week, to: b.to - week };
      if (overlaps(a, b) || overlaps(a, shifted) || overlaps(a, shiftedBack)) clashes.push([i, j]);
    }
  }
  return clashes;
}

/** A clock time within a service that started at `startMinute`: past midnight counts as +1440. */
export function minuteInService(startMinute: number, hhmm: string): number {
  const m = hhmmToMinutes(hhmm);
  return m < startMinute ? m + 1440 : m;
}
