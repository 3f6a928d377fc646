import { describe, expect, it } from 'vitest';
import { ZOpeningHours, ZSpecialDay } from '../schemas/restaurant';
import { minuteInService, overlappingServices, serviceSpan } from './opening-hours';
import { hhmmToMinutes, isValidTimeZone, minutesToHhmm } from './time';

describe('opening hours', () => {
  it('an end at or before the start crosses midnight and belongs to the start day', () => {
    expect(serviceSpan('18:00', '01:00')).toEqual({ startMinute: 1080, endMinute: 1500 });
    expect(serviceSpan('12:00', '15:00')).toEqual({ startMinute: 720, endMinute: 900 });
    expect(minuteInService(1080, '00:30')).toBe(1470);
    expect(minuteInService(1080, '22:00')).toBe(1320);
  });

  it('finds overlaps within a day and across midnight, including Sunday into Monday', () => {
    const s = (weekday: number, start: string, end: string) => ({
      weekday,
      name: 'x',
      ...serviceSpan(start, end),
    });
    expect(overlappingServices([s(1, '12:00', '15:00'), s(1, '18:00', '23:00')])).toEqual([]);
    expect(overlappingServices([s(1, '12:00', '15:00'), s(1, '14:00', '16:00')])).toEqual([[0, 1]]);
    expect(overlappingServices([s(5, '18:00', '02:00'), s(6, '01:00', '03:00')])).toEqual([[0, 1]]);
    expect(overlappingServices([s(7, '20:00', '02:00'), s(1, '01:00', '04:00')])).toEqual([[0, 1]]);
    expect(overlappingServices([s(7, '20:00', '02:00'), s(1, '02:00', '04:00')])).toEqual([]);
  });

  it('the schema reports the clashing service by path', () => {
    const r = ZOpeningHours.safeParse({
      services: [
        { weekday: 2, name: 'Lunch', start: '12:00', end: '15:00' },
        { weekday: 2, name: 'Late lunch', start: '14:30', end: '16:00' },
      ],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path)).toEqual([['services', 1, 'start']]);
  });

  it('a special day needs services unless closed', () => {
    expect(ZSpecialDay.safeParse({ date: '2026-12-24', closed: true }).success).toBe(true);
    const open = ZSpecialDay.safeParse({ date: '2026-12-24', closed: false, services: [] });
    expect(open.error?.issues[0]?.path).toEqual(['services']);
  });
});

describe('time helpers', () => {
  it('converts HH:mm and minutes both ways', () => {
    expect(hhmmToMinutes('19:30')).toBe(1170);
    expect(minutesToHhmm(1170)).toBe('19:30');
    expect(minutesToHhmm(1500)).toBe('01:00');
  });

  it('accepts IANA zones only', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
