import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '../../../test/render';
import { check, FormHost, grid, option, renderWithApi, slot, TIMES, TODAY } from '../test-fixtures';
import { WhenStep } from './WhenStep';

function setup(handlers = {}, onWalkIn = vi.fn()) {
  let values: Record<string, unknown> = {};
  const result = renderWithApi(
    <FormHost>
      {(form) => {
        values = form.values;
        return <WhenStep form={form} today={TODAY} onWalkIn={onWalkIn} />;
      }}
    </FormHost>,
    {
      'availability.grid': () => grid(),
      // Everything but 20:00 has a table.
      'availability.check': () =>
        check({ slots: TIMES.filter((t) => t !== '20:00').map((t) => slot(t, [option('T2', 2)])) }),
      ...handlers,
    },
  );
  return { ...result, values: () => values };
}

describe('WhenStep', () => {
  it('offers the day’s open times and marks the full ones', async () => {
    const { values } = setup();
    // The input (its option list has the same label).
    fireEvent.click(screen.getAllByLabelText('Time').find((el) => el.tagName === 'INPUT')!);
    expect(await screen.findByRole('option', { name: /^20:00\s*full$/ })).toBeTruthy();
    expect(screen.getAllByRole('option')).toHaveLength(TIMES.length);
    fireEvent.click(screen.getByRole('option', { name: '19:30' }));
    await waitFor(() => expect(values().time).toBe('19:30'));
  });

  it('picks the party size and the date with one click', async () => {
    const { values, api } = setup();
    fireEvent.click(screen.getByRole('radio', { name: '6 guests' }));
    expect(values().partySize).toBe(6);
    fireEvent.click(screen.getByRole('radio', { name: 'Sun, Jun 16, 2030' }));
    expect(values().date).toBe('2030-06-16');
    await waitFor(() => expect(api.inputsOf('availability.grid')).toContainEqual({ date: '2030-06-16' }));
    expect(api.inputsOf('availability.check')).toContainEqual({ date: '2030-06-16', partySize: 6 });
  });

  it('says when the restaurant is closed and offers the next open days', async () => {
    const closed = { ...grid(), slots: [], tables: [] };
    const { values } = setup({
      'availability.grid': () => closed,
      'availability.range': () => [
        { date: '2030-06-15', open: false, availableSlots: 0, firstTime: null, lastTime: null },
        { date: '2030-06-16', open: true, availableSlots: 12, firstTime: '18:00', lastTime: '21:30' },
      ],
    });
    expect(await screen.findByText(`Closed on ${'Fri, Jun 14, 2030'}`)).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Sun, Jun 16, 2030' }));
    expect(values().date).toBe('2030-06-16');
  });

  it('switches to a walk-in', () => {
    const onWalkIn = vi.fn();
    setup({}, onWalkIn);
    fireEvent.click(screen.getByRole('button', { name: /Walk-in/ }));
    expect(onWalkIn).toHaveBeenCalled();
  });
});
