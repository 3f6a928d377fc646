import { Badge, Button, Group, Modal, Paper, Stack, Table, Title } from '@mantine/core';
import { IconCalendarPlus, IconPencil, IconTrash } from '@tabler/icons-react';
import type { TSpecialDay } from '@tobeout/shared';
import { type ReactNode, useState } from 'react';
import { trpc } from '../../../app/trpc';
import { confirmDanger, RowAction } from '../../../lib/actions';
import { handleServerError, notifySuccess } from '../../../lib/errors';
import { formatDay } from '../../../lib/format';
import { EmptyHint, PageSkeleton, QueryError } from '../../../lib/states';
import { SpecialDayForm } from './SpecialDayForm';

function describeServices(day: TSpecialDay): string {
  if (day.closed) return 'Closed';
  return day.services.map((s) => `${s.name} ${s.start}–${s.end}`).join(', ');
}

/** Days that differ from the weekly hours: list, add, edit, delete. */
export function SpecialDaysPanel({ canEdit }: { canEdit: boolean }) {
  const utils = trpc.useUtils();
  const days = trpc.restaurant.specialDays.list.useQuery({});
  const [editing, setEditing] = useState<{ day: TSpecialDay | null } | null>(null);

  const save = trpc.restaurant.specialDays.set.useMutation({
    onSuccess: (saved) => {
      void utils.restaurant.specialDays.invalidate();
      notifySuccess(`${formatDay(saved.date)} saved.`, 'Special day saved');
      setEditing(null);
    },
  });
  const remove = trpc.restaurant.specialDays.delete.useMutation({
    onSuccess: (_, { date }) => {
      void utils.restaurant.specialDays.invalidate();
      notifySuccess(`${formatDay(date)} deleted.`, 'Special day deleted');
    },
    onError: (error) => handleServerError(error),
  });

  const confirmDelete = (day: TSpecialDay) =>
    confirmDanger({
      title: 'Delete special day?',
      message: `${formatDay(day.date)}${day.name ? ` (${day.name})` : ''} will follow the weekly opening hours again.`,
      confirmLabel: 'Delete',
      onConfirm: () => remove.mutate({ date: day.date }),
    });

  let body: ReactNode;
  if (days.isPending) body = <PageSkeleton rows={2} label="Loading special days" />;
  else if (days.isError) body = <QueryError error={days.error} onRetry={() => void days.refetch()} />;
  else if (days.data.length === 0) {
    body = (
      <EmptyHint title="No special days">
        Holidays, private events or days with different hours go here; they override the weekly hours.
      </EmptyHint>
    );
  } else {
    const sorted = [...days.data].sort((a, b) => a.date.localeCompare(b.date));
    body = (
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="xs" aria-label="Special days">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>Hours</Table.Th>
              {canEdit && <Table.Th w={90}>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((day) => (
              <Table.Tr key={day.date}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(day.date)}</Table.Td>
                <Table.Td>{day.name ?? '—'}</Table.Td>
                <Table.Td>
                  {day.closed ? (
                    <Badge color="red" variant="light">
                      Closed
                    </Badge>
                  ) : (
                    describeServices(day)
                  )}
                </Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <RowAction
                        icon={IconPencil}
                        tooltip="Edit"
                        label={`Edit ${formatDay(day.date)}`}
                        onClick={() => setEditing({ day })}
                      />
                      <RowAction
                        icon={IconTrash}
                        tooltip="Delete"
                        label={`Delete ${formatDay(day.date)}`}
                        color="red"
                        onClick={() => confirmDelete(day)}
                      />
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>Special days</Title>
          {canEdit && (
            <Button
              size="xs"
              leftSection={<IconCalendarPlus size={14} />}
              onClick={() => setEditing({ day: null })}
            >
              Add special day
            </Button>
          )}
        </Group>
        {body}
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.day ? `Edit ${formatDay(editing.day.date)}` : 'Add a special day'}
        size="lg"
      >
        {editing && (
          <SpecialDayForm
            day={editing.day}
            onSave={(input) => save.mutateAsync(input)}
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>
    </Paper>
  );
}
