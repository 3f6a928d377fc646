import type { TFitOption } from '@tobeout/shared';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '../../../test/render';
import { serverError } from '../../../test/server-error';
import { check, FormHost, grid, id, option, renderWithApi, slot } from '../test-fixtures';
import { AvailabilityStep, type Conflict } from './AvailabilityStep';

const best = option('T2', 2, 'Best fit: 4 seats for 2 guests');
const other = option('T3', 2);

function setup({
  available = true,
  preferred,
  conflict = null,
}: {
  available?: boolean;
  preferred?: string[];
  conflict?: Conflict | null;
} = {}) {
  const onSelect = vi.fn<(o: TFitOption | null) => void>();
  const onPickAlternative = vi.fn();
  const result = renderWithApi(
    <FormHost initial={{ time: '19:30' }}>
      {(form) => (
        <AvailabilityStep
          form={form}
          preferredTableIds={preferred}
          onSelect={(o) => {
            onSelect(o);
            form.setFieldValue('tableIds', o?.tableIds ?? []);
          }}
          onPickAlternative={onPickAlternative}
          conflict={conflict}
        />
      )}
    </FormHost>,
    {
      'availability.grid': () => grid(),
      'availability.check': ({ time }: { time: string }) =>
        available
          ? check({ time, slots: [slot('19:30', [best, other])] })
          : check({
              time,
              available: false,
              reason: 'full',
              message: 'No table for 2 is free on 2030-06-14 at 19:30.',
              slots: [slot('21:00', [best]), slot('18:00', [other])],
            }),
    },
  );
  return { ...result, onSelect, onPickAlternative };
}

describe('AvailabilityStep', () => {
  it('shows the free tables with the best fit chosen, and the other free tables', async () => {
    const { onSelect } = setup();
    expect(await screen.findByText(/is available for 2 guests/)).toBeTruthy();
    await waitFor(() => expect(onSelect).toHaveBeenLastCalledWith(best));
    const chosen = screen.getByRole('radio', { checked: true });
    expect(chosen.textContent).toContain('T2');
    expect(chosen.textContent).toContain('Best fit');
    // T1 is not among the server's suggestions, but free (from the grid).
    expect(screen.getByText('Other free tables')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /T1/ }));
    expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ label: 'T1', tableIds: [id(1)] }));
  });

  it('prefers the table the wizard was opened for', async () => {
    const { onSelect } = setup({ preferred: [id(3)] });
    await waitFor(() => expect(onSelect).toHaveBeenLastCalledWith(other));
  });

  it('says why the time is not available and offers the nearest free times', async () => {
    const { onSelect, onPickAlternative } = setup({ available: false });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('19:30 is not available');
    expect(alert.textContent).toContain('No table for 2 is free on 2030-06-14 at 19:30.');
    await waitFor(() => expect(onSelect).toHaveBeenLastCalledWith(null));
    fireEvent.click(screen.getByRole('button', { name: '21:00 at T2' }));
    expect(onPickAlternative).toHaveBeenCalledWith(expect.objectContaining({ time: '21:00' }), best);
  });

  it('shows a refusal from the server with its alternatives', async () => {
    setup({
      conflict: {
        title: 'Someone else was faster',
        message: 'T2 is already taken at 19:30 on 2030-06-14.',
        alternatives: [slot('19:30', [other])],
      },
    });
    const alerts = await screen.findAllByRole('alert');
    expect(alerts[0]!.textContent).toContain('Someone else was faster');
    expect(screen.getByRole('button', { name: '19:30 at T3' })).toBeTruthy();
  });

  it('offers a retry when the check fails', async () => {
    renderWithApi(
      <FormHost initial={{ time: '19:30' }}>
        {(form) => <AvailabilityStep form={form} onSelect={vi.fn()} onPickAlternative={vi.fn()} />}
      </FormHost>,
      {
        'availability.grid': () => grid(),
        'availability.check': () => {
          throw serverError({ code: 'INTERNAL_SERVER_ERROR', message: 'Database down.' });
        },
      },
    );
    expect(await screen.findByRole('button', { name: 'Retry' })).toBeTruthy();
    expect(screen.getByText('Database down.')).toBeTruthy();
  });
});
