import { Select } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { isNotMeQuery } from '../app/cache';
import { useSession } from '../app/session';
import { trpc } from '../app/trpc';
import { handleServerError, notifySuccess } from '../lib/errors';

/** Chooses the active restaurant; every cached query then belongs to the old one and is reset. */
export function RestaurantSwitcher({ fullWidth = false }: { fullWidth?: boolean }) {
  const me = useSession();
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  const switchRestaurant = trpc.auth.switchRestaurant.useMutation({
    onSuccess: async (next) => {
      utils.auth.me.setData(undefined, next);
      await queryClient.resetQueries({ predicate: isNotMeQuery });
      notifySuccess(
        `Now working in ${next.activeRestaurant?.restaurantName ?? 'the restaurant'}.`,
        'Restaurant switched',
      );
    },
    onError: (error) => handleServerError(error),
  });

  if (me.memberships.length === 0) return null;
  return (
    <Select
      aria-label="Restaurant"
      placeholder="Choose a restaurant"
      data={me.memberships.map((m) => ({ value: m.restaurantId, label: m.restaurantName }))}
      value={me.activeRestaurant?.restaurantId ?? null}
      onChange={(restaurantId) => {
        if (restaurantId && restaurantId !== me.activeRestaurant?.restaurantId) {
          switchRestaurant.mutate({ restaurantId });
        }
      }}
      allowDeselect={false}
      disabled={switchRestaurant.isPending}
      searchable={me.memberships.length > 6}
      w={fullWidth ? '100%' : 220}
      // The options mount when opened: kept mounted (hidden), both switchers' lists were laid out
      // and positioned on every page load.
      comboboxProps={{ withinPortal: true, keepMounted: false }}
    />
  );
}
