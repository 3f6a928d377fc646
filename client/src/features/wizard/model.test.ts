import { describe, expect, it } from 'vitest';
import { guestInput, initialValues, stepErrors, stepOfField, type WizardValues } from './model';
import { id, TODAY } from './test-fixtures';

const ctx = { country: 'DE', today: TODAY };
const values = (over: Partial<WizardValues> = {}): WizardValues => ({
  ...initialValues({ date: '2030-06-14', time: '19:30' }, TODAY),
  ...over,
});

describe('wizard model', () => {
  it('starts from the prefill, never in the past', () => {
    expect(initialValues({ date: '2030-06-14', partySize: 6, tableIds: [id(1)] }, TODAY)).toMatchObject({
      date: '2030-06-14',
      time: '',
      partySize: 6,
      tableIds: [id(1)],
      guestId: null,
    });
    expect(initialValues({ date: '2020-01-01' }, TODAY).date).toBe(TODAY);
    expect(initialValues({}, TODAY).partySize).toBe(2);
  });

  it('checks each step on its own', () => {
    expect(stepErrors('when', values({ time: '', partySize: '' }), ctx)).toEqual({
      time: 'Choose a time.',
      partySize: 'Enter the number of guests.',
    });
    expect(stepErrors('when', values({ date: '2030-06-12' }), ctx)).toEqual({
      date: 'Choose today or a later date.',
    });
    expect(stepErrors('when', values({ partySize: 201 }), ctx)).toEqual({ partySize: 'At most 200 guests.' });
    expect(stepErrors('availability', values(), ctx)).toEqual({ tableIds: 'Choose a table.' });
    expect(stepErrors('guest', values(), ctx)).toEqual({
      'guest.name': 'Enter the guest’s name.',
      'guest.phone': 'Enter a phone number.',
    });
    expect(
      stepErrors('guest', values({ guest: { name: 'Anna', phone: '12', email: 'nope' } }), ctx),
    ).toMatchObject({
      'guest.phone': expect.stringMatching(/not a valid phone number for DE/),
      'guest.email': 'Enter a valid e-mail address.',
    });
    expect(stepErrors('guest', values({ guestId: id(7) }), ctx)).toEqual({});
    expect(stepErrors('requests', values({ specialRequests: 'x'.repeat(1001) }), ctx)).toEqual({
      specialRequests: 'At most 1000 characters.',
    });
  });

  it('sends a new guest with the phone in E.164, or the existing guest by id', () => {
    expect(guestInput(values({ guest: { name: ' Anna ', phone: '0170 1234567', email: '' } }), 'DE')).toEqual(
      {
        guest: { name: 'Anna', phone: '+491701234567' },
      },
    );
    expect(guestInput(values({ guestId: id(7) }), 'DE')).toEqual({ guestId: id(7) });
  });

  it('finds the step of a server field error', () => {
    expect(stepOfField('guest.phone')).toBe('guest');
    expect(stepOfField('guestId')).toBe('guest');
    expect(stepOfField('tableIds.1')).toBe('table');
    expect(stepOfField('time')).toBe('when');
    expect(stepOfField('specialRequests')).toBe('requests');
    expect(stepOfField('idempotencyKey')).toBeNull();
  });
});
