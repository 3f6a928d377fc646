import type { TTable } from '@tobeout/shared';
import { trpc } from '../../app/trpc';
import { confirmDanger } from '../../lib/actions';
import { handleServerError, notifySuccess } from '../../lib/errors';

/**
 * Take a table out of service or back into it, each after a confirmation. Deactivating fails
 * with IN_USE while the table has upcoming bookings; the server's message names them.
 */
export function useTableActivation(onChanged?: (table: TTable) => void) {
  const utils = trpc.useUtils();
  const done = (table: TTable, title: string, message: string) => {
    void utils.tables.invalidate();
    notifySuccess(message, title);
    onChanged?.(table);
  };
  const deactivate = trpc.tables.deactivate.useMutation({
    onSuccess: (t) =>
      done(t, 'Table deactivated', `${t.name} is off the floor plan and no longer offered for bookings.`),
    onError: (error) => handleServerError(error),
  });
  const reactivate = trpc.tables.reactivate.useMutation({
    onSuccess: (t) => done(t, 'Table reactivated', `${t.name} is back on the floor plan.`),
    onError: (error) => handleServerError(error),
  });

  return {
    pending: deactivate.isPending || reactivate.isPending,
    confirmDeactivate: (t: TTable) =>
      confirmDanger({
        title: `Deactivate ${t.name}?`,
        message: `${t.name} leaves the floor plan and is no longer offered for bookings; combinations with it stop being offered too. Its history is kept and you can reactivate it at any time.`,
        confirmLabel: 'Deactivate',
        onConfirm: () => deactivate.mutate({ id: t.id }),
      }),
    confirmReactivate: (t: TTable) =>
      confirmDanger({
        title: `Reactivate ${t.name}?`,
        message: `${t.name} goes back on the floor plan at its last position and can be booked again.`,
        confirmLabel: 'Reactivate',
        color: 'teal',
        onConfirm: () => reactivate.mutate({ id: t.id }),
      }),
  };
}
