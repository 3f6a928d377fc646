import { Stack } from '@mantine/core';
import { useCan } from '../../../app/session';
import { trpc } from '../../../app/trpc';
import { notifySuccess } from '../../../lib/errors';
import { PageSkeleton, QueryError } from '../../../lib/states';
import { OpeningHoursEditor } from './OpeningHoursEditor';
import { SpecialDaysPanel } from './SpecialDaysPanel';

export function HoursSettingsPage() {
  const canEdit = useCan('manager');
  const utils = trpc.useUtils();
  const hours = trpc.restaurant.hours.get.useQuery();
  const save = trpc.restaurant.hours.set.useMutation({
    onSuccess: (next) => {
      utils.restaurant.hours.get.setData(undefined, next);
      notifySuccess('Opening hours saved.');
    },
  });

  return (
    <Stack gap="lg">
      {hours.isPending ? (
        <PageSkeleton rows={7} label="Loading opening hours" />
      ) : hours.isError ? (
        <QueryError error={hours.error} onRetry={() => void hours.refetch()} />
      ) : (
        <OpeningHoursEditor
          hours={hours.data}
          canEdit={canEdit}
          onSave={(input) => save.mutateAsync(input)}
        />
      )}
      <SpecialDaysPanel canEdit={canEdit} />
    </Stack>
  );
}
