import { describe, expect, it } from 'vitest';
import { conflictRows, type EditValues, mergeMine, updateInput } from './edit-values';

const base: EditValues = {
  date: '2026-05-12',
  time: '19:00',
  partySize: 2,
  durationMin: 90,
  tableIds: ['t1', 't2'],
  specialRequests: '',
};
const names = new Map([
  ['t1', 'T1'],
  ['t2', 'T2'],
  ['t3', 'T3'],
]);

describe('edit values', () => {
  it('sends only what changed (tables as a set, empty requests as none)', () => {
    expect(updateInput(base, { ...base, tableIds: ['t2', 't1'], specialRequests: '  ' })).toBeNull();
    expect(updateInput(base, { ...base, time: '20:00', specialRequests: ' Birthday ' })).toEqual({
      time: '20:00',
      specialRequests: 'Birthday',
    });
    expect(updateInput({ ...base, specialRequests: 'x' }, base)).toEqual({ specialRequests: null });
  });

  it('puts my changes on top of theirs and shows both side by side', () => {
    const theirs = { ...base, time: '20:30', tableIds: ['t3'] };
    const mine = { ...base, time: '19:30', partySize: 4 };
    expect(mergeMine(base, mine, theirs)).toEqual({ ...theirs, time: '19:30', partySize: 4 });
    expect(conflictRows(base, mine, theirs, names)).toEqual([
      {
        key: 'time',
        label: 'Time',
        theirs: '20:30',
        mine: '19:30',
        theyChanged: true,
        iChanged: true,
        clash: true,
      },
      {
        key: 'partySize',
        label: 'Guests',
        theirs: '2',
        mine: '4',
        theyChanged: false,
        iChanged: true,
        clash: false,
      },
      {
        key: 'tableIds',
        label: 'Tables',
        theirs: 'T3',
        mine: 'T1 + T2',
        theyChanged: true,
        iChanged: false,
        clash: false,
      },
    ]);
  });
});
