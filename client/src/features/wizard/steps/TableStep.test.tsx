import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '../../../test/render';
import { check, FormHost, grid, id, option, renderWithApi, slot } from '../test-fixtures';
import { TableStep } from './TableStep';

describe('TableStep', () => {
  it('keeps the held table first (the grid shows our hold as reserved) and moves to another', async () => {
    const held = option('T2', 2, 'Best fit: 4 seats for 2 guests');
    const onChange = vi.fn();
    renderWithApi(
      <FormHost initial={{ time: '19:30', tableIds: [id(2)] }}>
        {(form) => (
          <TableStep
            form={form}
            held={held}
            heldIds={[id(2)]}
            onChange={onChange}
            onPickAlternative={vi.fn()}
          />
        )}
      </FormHost>,
      {
        // The grid shows our own hold as reserved.
        'availability.grid': () =>
          grid({ T2: ['free', 'free', 'free', 'reserved', 'reserved', 'reserved', 'reserved', 'free'] }),
        'availability.check': () => check({ time: '19:30', slots: [slot('19:30', [option('T3', 2)])] }),
      },
    );
    const chosen = await screen.findByRole('radio', { checked: true });
    expect(chosen.textContent).toContain('T2');
    expect(chosen.textContent).toContain('Held');
    expect(screen.getByText(/Booked on/).textContent).toContain('T2');
    expect(await screen.findByRole('radio', { name: /T3/ })).toBeTruthy();
    expect(screen.getByRole('radio', { name: /T1/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /T3/ }));
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ label: 'T3' }));
  });

  it('does not move while a new hold is on its way', async () => {
    const onChange = vi.fn();
    renderWithApi(
      <FormHost initial={{ time: '19:30', tableIds: [id(2)] }}>
        {(form) => (
          <TableStep
            form={form}
            held={option('T2', 2)}
            heldIds={[id(2)]}
            changing
            onChange={onChange}
            onPickAlternative={vi.fn()}
          />
        )}
      </FormHost>,
      {
        'availability.grid': () => grid(),
        'availability.check': () => check({ time: '19:30', slots: [slot('19:30', [option('T3', 2)])] }),
      },
    );
    fireEvent.click(await screen.findByRole('radio', { name: /T3/ }));
    expect(onChange).not.toHaveBeenCalled();
  });
});
