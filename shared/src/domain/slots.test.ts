import { describe, expect, it } from 'vitest';
import {
  type DayRules,
  findSlot,
  openMinutes,
  type SpecialDayRule,
  serviceDateOf,
  servicesOn,
  serviceWindow,
  slotsForDay,
  specialFor,
  type WeeklyService,
} from './slots';
import { zonedToInstant } from './zoned';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

const svc = (
  weekday: number,
  name: string,
  startMinute: number,
  endMinute: number,
  lastSeatingMinute: number | null = null,
): WeeklyService => ({ weekday, name, startMinute, endMinute, lastSeatingMinute });

const H = (h: number, m = 0) => h * 60 + m;

const rules = (weekly: WeeklyService[], extra: Partial<DayRules> = {}): DayRules => ({
  timeZone: BERLIN,
  slotIntervalMin: 30,
  weekly,
  special: null,
  ...extra,
});

const iso = (d: Date | null) => d?.toISOString() ?? null;
const labels = (date: string, r: DayRules, duration?: number) =>
  slotsForDay(date, r, duration).map((s) => s.time);
const instants = (date: string, r: DayRules, duration?: number) =>
  slotsForDay(date, r, duration).map((s) => `${s.time} ${iso(s.startsAt)}`);

describe('servicesOn', () => {
  const weekly = [
    svc(5, 'Dinner', H(18), H(23), H(21, 30)),
    svc(5, 'Lunch', H(12), H(15)),
    svc(6, 'Brunch', H(10), H(14)),
  ];

  it('takes the weekly services of the ISO weekday, sorted by start, without the weekday', () => {
    // 2026-01-16 is a Friday (5).
    expect(servicesOn('2026-01-16', weekly, null)).toEqual([
      { name: 'Lunch', startMinute: 720, endMinute: 900, lastSeatingMinute: null },
      { name: 'Dinner', startMinute: 1080, endMinute: 1380, lastSeatingMinute: 1290 },
    ]);
    expect(servicesOn('2026-01-17', weekly, undefined).map((s) => s.name)).toEqual(['Brunch']);
    expect(servicesOn('2026-01-18', weekly, null)).toEqual([]);
  });

  it('a closed special day has no services', () => {
    expect(servicesOn('2026-01-16', weekly, { closed: true, services: [] })).toEqual([]);
    // Even if services were left in the row, closed wins.
    expect(
      servicesOn('2026-01-16', weekly, {
        closed: true,
        services: [{ name: 'X', startMinute: 0, endMinute: 60 }],
      }),
    ).toEqual([]);
  });

  it("a special day's services replace the weekday's; a missing last seating is null", () => {
    const special: SpecialDayRule = {
      closed: false,
      services: [
        { name: 'Gala', startMinute: H(19), endMinute: H(25), lastSeatingMinute: H(21) },
        { name: 'Apero', startMinute: H(16), endMinute: H(18) },
      ],
    };
    expect(servicesOn('2026-01-16', weekly, special)).toEqual([
      { name: 'Apero', startMinute: 960, endMinute: 1080, lastSeatingMinute: null },
      { name: 'Gala', startMinute: 1140, endMinute: 1500, lastSeatingMinute: 1260 },
    ]);
  });
});

describe('serviceWindow', () => {
  it('normal winter day in Berlin (UTC+1), crossing midnight ends on the next day', () => {
    expect(serviceWindow('2026-01-16', svc(5, 'Lunch', H(12), H(15)), BERLIN)).toEqual({
      name: 'Lunch',
      startsAt: new Date('2026-01-16T11:00:00Z'),
      endsAt: new Date('2026-01-16T14:00:00Z'),
      lastSeatingAt: null,
    });
    const late = serviceWindow('2026-01-16', svc(5, 'Dinner', H(18), H(26), H(25)), BERLIN);
    expect(iso(late.startsAt)).toBe('2026-01-16T17:00:00.000Z');
    expect(iso(late.endsAt)).toBe('2026-01-17T01:00:00.000Z');
    expect(iso(late.lastSeatingAt)).toBe('2026-01-17T00:00:00.000Z');
  });

  it('summer time in Berlin is UTC+2; an end at exactly 24:00 is the next midnight', () => {
    const w = serviceWindow('2026-07-10', svc(5, 'Dinner', H(18), H(24)), BERLIN);
    expect(iso(w.startsAt)).toBe('2026-07-10T16:00:00.000Z');
    expect(iso(w.endsAt)).toBe('2026-07-10T22:00:00.000Z');
  });

  it('a service 01:00–04:00 lasts 2 real hours on the spring-forward night, 4 on fall-back', () => {
    const spring = serviceWindow('2026-03-29', svc(7, 'Night', H(1), H(4)), BERLIN);
    expect(iso(spring.startsAt)).toBe('2026-03-29T00:00:00.000Z'); // 01:00 CET
    expect(iso(spring.endsAt)).toBe('2026-03-29T02:00:00.000Z'); // 04:00 CEST
    const fall = serviceWindow('2026-10-25', svc(7, 'Night', H(1), H(4)), BERLIN);
    expect(iso(fall.startsAt)).toBe('2026-10-24T23:00:00.000Z'); // 01:00 CEST
    expect(iso(fall.endsAt)).toBe('2026-10-25T03:00:00.000Z'); // 04:00 CET
  });

  it('a late service 22:00–04:00 the evening before a transition', () => {
    const late = svc(6, 'Late', H(22), H(28), H(27));
    const berlinSpring = serviceWindow('2026-03-28', late, BERLIN);
    expect([iso(berlinSpring.startsAt), iso(berlinSpring.endsAt), iso(berlinSpring.lastSeatingAt)]).toEqual([
      '2026-03-28T21:00:00.000Z',
      '2026-03-29T02:00:00.000Z', // 5 real hours
      '2026-03-29T01:00:00.000Z', // 03:00 CEST
    ]);
    const nySpring = serviceWindow('2026-03-07', late, NEW_YORK);
    expect([iso(nySpring.startsAt), iso(nySpring.endsAt)]).toEqual([
      '2026-03-08T03:00:00.000Z', // 22:00 EST
      '2026-03-08T08:00:00.000Z', // 04:00 EDT
    ]);
    const nyFall = serviceWindow('2026-10-31', late, NEW_YORK);
    expect([iso(nyFall.startsAt), iso(nyFall.endsAt)]).toEqual([
      '2026-11-01T02:00:00.000Z', // 22:00 EDT
      '2026-11-01T09:00:00.000Z', // 04:00 EST: 7 real hours
    ]);
  });
});

describe('slotsForDay on normal days', () => {
  const weekly = [
    svc(5, 'Lunch', H(12), H(15)),
    svc(5, 'Dinner', H(18), H(23), H(21, 30)),
    svc(6, 'Late', H(18), H(26)),
  ];

  it('without last seating a slot needs room for the duration (default: the slot interval)', () => {
    const r = rules(weekly);
    const slots = slotsForDay('2026-01-16', r);
    const lunch = slots.filter((s) => s.service === 'Lunch').map((s) => s.time);
    expect(lunch).toEqual(['12:00', '12:30', '13:00', '13:30', '14:00', '14:30']);
    expect(
      slotsForDay('2026-01-16', r, 90)
        .filter((s) => s.service === 'Lunch')
        .map((s) => s.time),
    ).toEqual(['12:00', '12:30', '13:00', '13:30']);
  });

  it('with a last seating, slots run up to and including it, whatever the duration', () => {
    const r = rules(weekly);
    const dinner = (d?: number) =>
      slotsForDay('2026-01-16', r, d)
        .filter((s) => s.service === 'Dinner')
        .map((s) => s.time);
    expect(dinner()).toEqual(['18:00', '18:30', '19:00', '19:30', '20:00', '20:30', '21:00', '21:30']);
    expect(dinner(180)).toEqual(dinner());
  });

  it('carries date, local time, instant and service name; sorted by instant', () => {
    const slots = slotsForDay('2026-01-16', rules(weekly));
    expect(slots[0]).toEqual({
      date: '2026-01-16',
      time: '12:00',
      startsAt: new Date('2026-01-16T11:00:00Z'),
      service: 'Lunch',
    });
    const times = slots.map((s) => s.startsAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(slots).toHaveLength(6 + 8);
  });

  it("after-midnight slots belong to the day the service started; the next day doesn't get them", () => {
    const r = rules(weekly);
    const sat = slotsForDay('2026-01-17', r, 60);
    expect(sat.map((s) => s.time).slice(-4)).toEqual(['23:30', '00:00', '00:30', '01:00']);
    expect(sat.every((s) => s.date === '2026-01-17')).toBe(true);
    expect(iso(sat.at(-1)!.startsAt)).toBe('2026-01-18T00:00:00.000Z');
    // Sunday has no services of its own.
    expect(slotsForDay('2026-01-18', r)).toEqual([]);
  });

  it('steps by the configured interval', () => {
    const r = rules([svc(5, 'Lunch', H(12), H(13))], { slotIntervalMin: 15 });
    expect(labels('2026-01-16', r)).toEqual(['12:00', '12:15', '12:30', '12:45']);
    expect(labels('2026-01-16', { ...r, slotIntervalMin: 20 }, 20)).toEqual(['12:00', '12:20', '12:40']);
  });

  it('a service starting off the hour keeps its own grid', () => {
    const r = rules([svc(5, 'Lunch', H(11, 45), H(13, 15))]);
    expect(labels('2026-01-16', r)).toEqual(['11:45', '12:15', '12:45']);
  });

  it('a closed special day has no slots; an override replaces the weekly hours', () => {
    expect(slotsForDay('2026-01-16', rules(weekly, { special: { closed: true, services: [] } }))).toEqual([]);
    const override = rules(weekly, {
      special: {
        closed: false,
        services: [{ name: 'Gala', startMinute: H(19), endMinute: H(23), lastSeatingMinute: H(20) }],
      },
    });
    const slots = slotsForDay('2026-01-16', override);
    expect(slots.map((s) => `${s.service} ${s.time}`)).toEqual(['Gala 19:00', 'Gala 19:30', 'Gala 20:00']);
  });

  it('a last seating after midnight', () => {
    const r = rules([svc(5, 'Late', H(22), H(27), H(25))]);
    expect(labels('2026-01-16', r, 120)).toEqual([
      '22:00',
      '22:30',
      '23:00',
      '23:30',
      '00:00',
      '00:30',
      '01:00',
    ]);
  });

  it('no slot at closing time even when the last seating equals the end', () => {
    const r = rules([svc(5, 'Lunch', H(12), H(13), H(13))]);
    expect(labels('2026-01-16', r)).toEqual(['12:00', '12:30']);
  });
});

describe('slotsForDay across DST transitions', () => {
  const late = svc(6, 'Late', H(22), H(28)); // Saturday 22:00 – Sunday 04:00

  it('Berlin spring forward (2026-03-29 02:00 → 03:00): 02:xx is absent, instants stay 30 min apart', () => {
    expect(instants('2026-03-28', rules([late]))).toEqual([
      '22:00 2026-03-28T21:00:00.000Z',
      '22:30 2026-03-28T21:30:00.000Z',
      '23:00 2026-03-28T22:00:00.000Z',
      '23:30 2026-03-28T22:30:00.000Z',
      '00:00 2026-03-28T23:00:00.000Z',
      '00:30 2026-03-28T23:30:00.000Z',
      '01:00 2026-03-29T00:00:00.000Z',
      '01:30 2026-03-29T00:30:00.000Z',
      '03:00 2026-03-29T01:00:00.000Z',
      '03:30 2026-03-29T01:30:00.000Z',
    ]);
    expect(slotsForDay('2026-03-28', rules([late])).every((s) => s.date === '2026-03-28')).toBe(true);
  });

  it('Berlin fall back (2026-10-25 03:00 → 02:00): 02:00 and 02:30 appear twice as distinct instants', () => {
    expect(instants('2026-10-24', rules([late]))).toEqual([
      '22:00 2026-10-24T20:00:00.000Z',
      '22:30 2026-10-24T20:30:00.000Z',
      '23:00 2026-10-24T21:00:00.000Z',
      '23:30 2026-10-24T21:30:00.000Z',
      '00:00 2026-10-24T22:00:00.000Z',
      '00:30 2026-10-24T22:30:00.000Z',
      '01:00 2026-10-24T23:00:00.000Z',
      '01:30 2026-10-24T23:30:00.000Z',
      '02:00 2026-10-25T00:00:00.000Z',
      '02:30 2026-10-25T00:30:00.000Z',
      '02:00 2026-10-25T01:00:00.000Z',
      '02:30 2026-10-25T01:30:00.000Z',
      '03:00 2026-10-25T02:00:00.000Z',
      '03:30 2026-10-25T02:30:00.000Z',
    ]);
  });

  it('a service on the transition day itself covering the missing / repeated hour', () => {
    const night = svc(7, 'Night', H(1), H(4));
    expect(instants('2026-03-29', rules([night], { slotIntervalMin: 60 }))).toEqual([
      '01:00 2026-03-29T00:00:00.000Z',
      '03:00 2026-03-29T01:00:00.000Z',
    ]);
    expect(instants('2026-10-25', rules([night], { slotIntervalMin: 60 }))).toEqual([
      '01:00 2026-10-24T23:00:00.000Z',
      '02:00 2026-10-25T00:00:00.000Z',
      '02:00 2026-10-25T01:00:00.000Z',
      '03:00 2026-10-25T02:00:00.000Z',
    ]);
  });

  it('the duration check uses real time across the gap', () => {
    // 22:00–04:00 is only 5 real hours on the spring-forward night (ends 02:00Z): a 120-min stay from
    // 01:00 CET (00:00Z) ends 02:00Z and fits; from 01:30 (00:30Z) it would end 02:30Z — too late.
    expect(labels('2026-03-28', rules([late]), 120)).toEqual([
      '22:00',
      '22:30',
      '23:00',
      '23:30',
      '00:00',
      '00:30',
      '01:00',
    ]);
    // Compare: a normal Saturday ends the same service's 120-min slots at 02:00.
    expect(labels('2026-03-21', rules([late]), 120).at(-1)).toBe('02:00');
  });

  it('New York spring forward (2026-03-08 02:00 → 03:00)', () => {
    expect(instants('2026-03-07', rules([late], { timeZone: NEW_YORK }))).toEqual([
      '22:00 2026-03-08T03:00:00.000Z',
      '22:30 2026-03-08T03:30:00.000Z',
      '23:00 2026-03-08T04:00:00.000Z',
      '23:30 2026-03-08T04:30:00.000Z',
      '00:00 2026-03-08T05:00:00.000Z',
      '00:30 2026-03-08T05:30:00.000Z',
      '01:00 2026-03-08T06:00:00.000Z',
      '01:30 2026-03-08T06:30:00.000Z',
      '03:00 2026-03-08T07:00:00.000Z',
      '03:30 2026-03-08T07:30:00.000Z',
    ]);
  });

  it('New York fall back (2026-11-01 02:00 → 01:00): 01:00 and 01:30 appear twice', () => {
    expect(instants('2026-10-31', rules([late], { timeZone: NEW_YORK }))).toEqual([
      '22:00 2026-11-01T02:00:00.000Z',
      '22:30 2026-11-01T02:30:00.000Z',
      '23:00 2026-11-01T03:00:00.000Z',
      '23:30 2026-11-01T03:30:00.000Z',
      '00:00 2026-11-01T04:00:00.000Z',
      '00:30 2026-11-01T04:30:00.000Z',
      '01:00 2026-11-01T05:00:00.000Z',
      '01:30 2026-11-01T05:30:00.000Z',
      '01:00 2026-11-01T06:00:00.000Z',
      '01:30 2026-11-01T06:30:00.000Z',
      '02:00 2026-11-01T07:00:00.000Z',
      '02:30 2026-11-01T07:30:00.000Z',
      '03:00 2026-11-01T08:00:00.000Z',
      '03:30 2026-11-01T08:30:00.000Z',
    ]);
  });

  it('New York: a service on the transition day covering the hour', () => {
    const night = svc(7, 'Night', H(0), H(4));
    expect(labels('2026-03-08', rules([night], { timeZone: NEW_YORK, slotIntervalMin: 60 }))).toEqual([
      '00:00',
      '01:00',
      '03:00',
    ]);
    expect(labels('2026-11-01', rules([night], { timeZone: NEW_YORK, slotIntervalMin: 60 }))).toEqual([
      '00:00',
      '01:00',
      '01:00',
      '02:00',
      '03:00',
    ]);
  });

  it('a day service on a DST Sunday is unaffected', () => {
    const lunch = svc(7, 'Lunch', H(12), H(14));
    expect(instants('2026-03-29', rules([lunch], { slotIntervalMin: 60 }))).toEqual([
      '12:00 2026-03-29T10:00:00.000Z',
      '13:00 2026-03-29T11:00:00.000Z',
    ]);
  });
});

describe('findSlot', () => {
  const weekly = [
    svc(5, 'Lunch', H(12), H(15)),
    svc(5, 'Dinner', H(18), H(26), H(25)), // Friday 18:00–02:00, last seating 01:00
    svc(6, 'Late', H(22), H(28)), // Saturday 22:00–04:00
  ];
  const r = rules(weekly);

  it('returns the exact slot of the day', () => {
    const found = findSlot('2026-01-16', '12:30', r);
    expect(found).toEqual({
      slot: {
        date: '2026-01-16',
        time: '12:30',
        startsAt: new Date('2026-01-16T11:30:00Z'),
        service: 'Lunch',
      },
    });
  });

  it('a time after midnight belongs to the service day (next calendar day, same service)', () => {
    const found = findSlot('2026-01-16', '00:30', r);
    expect(found.slot).toEqual({
      date: '2026-01-16',
      time: '00:30',
      startsAt: new Date('2026-01-16T23:30:00Z'),
      service: 'Dinner',
    });
    // The same clock time on the next date is in Saturday's late service: Sunday 00:30, a day later.
    expect(findSlot('2026-01-17', '00:30', r).slot).toEqual({
      date: '2026-01-17',
      time: '00:30',
      startsAt: new Date('2026-01-17T23:30:00Z'),
      service: 'Late',
    });
    // Saturday's service starts at 22:00, so the morning is outside its hours.
    expect(findSlot('2026-01-17', '10:00', r)).toEqual({ slot: null, reason: 'outside_hours' });
  });

  it("'closed' when no service starts that day (weekly or special)", () => {
    expect(findSlot('2026-01-18', '12:00', r)).toEqual({ slot: null, reason: 'closed' });
    expect(findSlot('2026-01-16', '12:00', { ...r, special: { closed: true, services: [] } })).toEqual({
      slot: null,
      reason: 'closed',
    });
  });

  it("'outside_hours' before, between and at the end of services", () => {
    for (const time of ['11:30', '15:00', '16:00', '17:30', '02:00', '03:00']) {
      expect(findSlot('2026-01-16', time, r), time).toEqual({ slot: null, reason: 'outside_hours' });
    }
  });

  it("'after_last_seating' past an explicit last seating, or too late for the duration", () => {
    expect(findSlot('2026-01-16', '01:00', r).slot?.time).toBe('01:00');
    expect(findSlot('2026-01-16', '01:30', r)).toEqual({ slot: null, reason: 'after_last_seating' });
    // Lunch has no last seating: a 90-min stay must end by 15:00.
    expect(findSlot('2026-01-16', '13:30', r, 90).slot?.time).toBe('13:30');
    expect(findSlot('2026-01-16', '14:00', r, 90)).toEqual({ slot: null, reason: 'after_last_seating' });
    expect(findSlot('2026-01-16', '14:30', r).slot?.time).toBe('14:30');
  });

  it("'off_grid' when not on the interval from the service start", () => {
    expect(findSlot('2026-01-16', '12:10', r)).toEqual({ slot: null, reason: 'off_grid' });
    expect(findSlot('2026-01-16', '12:15', r)).toEqual({ slot: null, reason: 'off_grid' });
    expect(findSlot('2026-01-16', '12:15', { ...r, slotIntervalMin: 15 }).slot?.time).toBe('12:15');
    expect(findSlot('2026-01-16', '19:45', { ...r, slotIntervalMin: 15 }).slot?.service).toBe('Dinner');
    expect(findSlot('2026-01-16', 'noon', r)).toEqual({ slot: null, reason: 'off_grid' });
  });

  it('a special day override is used instead of the weekday', () => {
    const special: SpecialDayRule = {
      closed: false,
      services: [{ name: 'Gala', startMinute: H(19), endMinute: H(23), lastSeatingMinute: H(20) }],
    };
    expect(findSlot('2026-01-16', '12:00', { ...r, special })).toEqual({
      slot: null,
      reason: 'outside_hours',
    });
    expect(findSlot('2026-01-16', '19:30', { ...r, special }).slot?.service).toBe('Gala');
    expect(findSlot('2026-01-16', '20:30', { ...r, special })).toEqual({
      slot: null,
      reason: 'after_last_seating',
    });
  });

  it('every slot of a normal day resolves to itself', () => {
    for (const duration of [30, 90]) {
      const slots = slotsForDay('2026-01-16', r, duration);
      expect(slots.length).toBeGreaterThan(10);
      for (const slot of slots) expect(findSlot(slot.date, slot.time, r, duration)).toEqual({ slot });
    }
  });

  it('spring forward: a missing local time is not a slot, the hour after it is', () => {
    expect(findSlot('2026-03-28', '02:00', r)).toEqual({ slot: null, reason: 'off_grid' });
    expect(findSlot('2026-03-28', '02:30', r)).toEqual({ slot: null, reason: 'off_grid' });
    expect(findSlot('2026-03-28', '03:00', r)).toEqual({
      slot: {
        date: '2026-03-28',
        time: '03:00',
        startsAt: new Date('2026-03-29T01:00:00Z'),
        service: 'Late',
      },
    });
    expect(findSlot('2026-03-28', '01:30', r).slot?.startsAt).toEqual(new Date('2026-03-29T00:30:00Z'));
    // Real time: the 5-hour night leaves no room for a 2-hour stay from 02:00 real onwards.
    expect(findSlot('2026-03-28', '01:30', r, 120)).toEqual({ slot: null, reason: 'after_last_seating' });
  });

  it('fall back: a repeated local time resolves to its first occurrence', () => {
    expect(findSlot('2026-10-24', '02:30', r).slot?.startsAt).toEqual(new Date('2026-10-25T00:30:00Z'));
    expect(findSlot('2026-10-24', '03:00', r).slot?.startsAt).toEqual(new Date('2026-10-25T02:00:00Z'));
    const ny = { ...r, timeZone: NEW_YORK };
    expect(findSlot('2026-10-31', '01:30', ny).slot?.startsAt).toEqual(new Date('2026-11-01T05:30:00Z'));
    expect(findSlot('2026-03-07', '02:30', ny)).toEqual({ slot: null, reason: 'off_grid' });
    expect(findSlot('2026-03-07', '03:30', ny).slot?.startsAt).toEqual(new Date('2026-03-08T07:30:00Z'));
  });

  it('all slots of a DST night resolve to themselves, except the second occurrence of a repeated time', () => {
    for (const [date, tz] of [
      ['2026-03-28', BERLIN],
      ['2026-10-24', BERLIN],
      ['2026-03-07', NEW_YORK],
      ['2026-10-31', NEW_YORK],
    ] as const) {
      const dr = { ...r, timeZone: tz };
      const seen = new Set<string>();
      for (const slot of slotsForDay(date, dr)) {
        const found = findSlot(date, slot.time, dr);
        if (seen.has(slot.time)) expect(found.slot?.startsAt.getTime()).toBeLessThan(slot.startsAt.getTime());
        else expect(found).toEqual({ slot });
        seen.add(slot.time);
      }
    }
  });

  it('prefers the same-day reading when an early and a late service could both contain the time', () => {
    const both = rules([svc(5, 'Early', H(0), H(3)), svc(5, 'Late', H(20), H(25))]);
    expect(findSlot('2026-01-16', '00:30', both).slot).toEqual({
      date: '2026-01-16',
      time: '00:30',
      startsAt: new Date('2026-01-15T23:30:00Z'),
      service: 'Early',
    });
  });
});

describe('openMinutes', () => {
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((d) => svc(d, 'Lunch', H(12), H(15)));
  const withLate = [...weekly, svc(6, 'Late', H(22), H(28)), svc(7, 'Night', H(1), H(4))];
  const base = { timeZone: BERLIN, weekly: withLate, special: null };

  it('a normal week: 7 × 180 lunch + 360 late + 180 night', () => {
    expect(openMinutes('2026-03-16', '2026-03-22', base)).toBe(7 * 180 + 360 + 180);
  });

  it('the spring-forward week loses one hour on each service covering 02:00–03:00', () => {
    // Saturday's late service runs 5 real hours, Sunday's 01:00–04:00 only 2.
    expect(openMinutes('2026-03-23', '2026-03-29', base)).toBe(7 * 180 + 300 + 120);
    expect(openMinutes('2026-03-29', '2026-03-29', base)).toBe(180 + 120);
  });

  it('the fall-back week gains one hour on each service covering 02:00–03:00', () => {
    expect(openMinutes('2026-10-19', '2026-10-25', base)).toBe(7 * 180 + 420 + 240);
  });

  it('New York DST weekends', () => {
    const ny = { ...base, timeZone: NEW_YORK };
    expect(openMinutes('2026-03-07', '2026-03-08', ny)).toBe(2 * 180 + 300 + 120);
    expect(openMinutes('2026-10-31', '2026-11-01', ny)).toBe(2 * 180 + 420 + 240);
  });

  it('empty range and single days', () => {
    expect(openMinutes('2026-03-17', '2026-03-16', base)).toBe(0);
    expect(openMinutes('2026-03-16', '2026-03-16', base)).toBe(180);
  });

  it('special days: a single rule applies to every date; by-date lookups apply per date', () => {
    const closed = { closed: true, services: [] };
    expect(openMinutes('2026-03-16', '2026-03-16', { ...base, special: closed })).toBe(0);
    const gala = { closed: false, services: [{ name: 'Gala', startMinute: H(19), endMinute: H(25) }] };
    expect(openMinutes('2026-03-16', '2026-03-16', { ...base, special: gala })).toBe(360);

    const week = 7 * 180 + 360 + 180;
    const map = new Map<string, SpecialDayRule>([
      ['2026-03-18', closed],
      ['2026-03-19', gala],
    ]);
    expect(openMinutes('2026-03-16', '2026-03-22', { ...base, special: map })).toBe(week - 180 - 180 + 360);
    expect(
      openMinutes('2026-03-16', '2026-03-22', {
        ...base,
        special: { '2026-03-18': closed, '2026-03-19': gala },
      }),
    ).toBe(week - 180 - 180 + 360);
    expect(
      openMinutes('2026-03-16', '2026-03-22', {
        ...base,
        special: (d: string) => (d === '2026-03-21' ? closed : undefined),
      }),
    ).toBe(week - 180 - 360);
  });

  it('specialFor distinguishes a single rule from lookups', () => {
    const closed = { closed: true, services: [] };
    expect(specialFor('2026-01-01', closed)).toBe(closed);
    expect(specialFor('2026-01-01', null)).toBeNull();
    expect(specialFor('2026-01-01', { '2026-01-01': closed })).toBe(closed);
    expect(specialFor('2026-01-02', { '2026-01-01': closed })).toBeUndefined();
    expect(specialFor('2026-01-01', new Map([['2026-01-01', closed]]))).toBe(closed);
  });
});

describe('serviceDateOf', () => {
  const weekly = [
    { weekday: 5, name: 'Dinner', startMinute: 18 * 60, endMinute: 26 * 60, lastSeatingMinute: null },
    { weekday: 6, name: 'Lunch', startMinute: 12 * 60, endMinute: 15 * 60, lastSeatingMinute: null },
  ];
  const rules = { timeZone: 'Europe/Berlin', weekly, special: undefined };
  it('a time after midnight inside the previous day’s late service belongs to that day', () => {
    // Friday 2026-11-20, 00:30 on Saturday.
    expect(serviceDateOf(zonedToInstant('2026-11-21', '00:30', 'Europe/Berlin'), rules)).toBe('2026-11-20');
    expect(serviceDateOf(zonedToInstant('2026-11-20', '19:00', 'Europe/Berlin'), rules)).toBe('2026-11-20');
  });
  it('otherwise the calendar date', () => {
    expect(serviceDateOf(zonedToInstant('2026-11-21', '12:30', 'Europe/Berlin'), rules)).toBe('2026-11-21');
    expect(serviceDateOf(zonedToInstant('2026-11-21', '03:00', 'Europe/Berlin'), rules)).toBe('2026-11-21');
  });
});
