import { useCan } from '../../../app/session';
import { trpc } from '../../../app/trpc';
import { notifySuccess } from '../../../lib/errors';
import { PageSkeleton, QueryError } from '../../../lib/states';
import { RestaurantForm } from './RestaurantForm';

export function RestaurantSettingsPage() {
  const canEdit = useCan('manager');
  const utils = trpc.useUtils();
  const restaurant = trpc.restaurant.get.useQuery();
  const update = trpc.restaurant.update.useMutation({
    onSuccess: (next) => {
      utils.restaurant.get.setData(undefined, next);
      void utils.auth.me.invalidate();
      notifySuccess('Restaurant settings saved.');
    },
  });

  if (restaurant.isPending) return <PageSkeleton rows={8} label="Loading restaurant settings" />;
  if (restaurant.isError)
    return <QueryError error={restaurant.error} onRetry={() => void restaurant.refetch()} />;
  return (
    <RestaurantForm
      restaurant={restaurant.data}
      canEdit={canEdit}
      onSave={(input) => update.mutateAsync(input)}
    />
  );
}
