import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash, IconVectorBezier2 } from '@tabler/icons-react';
import type { TCombination, TTable } from '@tobeout/shared';
import { type ReactNode, useState } from 'react';
import { trpc } from '../../app/trpc';
import { confirmDanger, RowAction } from '../../lib/actions';
import { handleServerError, notifySuccess } from '../../lib/errors';
import { EmptyHint, PageSkeleton, QueryError } from '../../lib/states';
import { CombinationForm } from './CombinationForm';

type Props = { tables: readonly TTable[]; canManage: boolean };

/** Tables joined for larger parties: list, add, edit, delete (managers). */
export function CombinationsPanel({ tables, canManage }: Props) {
  const utils = trpc.useUtils();
  const combinations = trpc.tables.combinations.list.useQuery();
  const [editing, setEditing] = useState<{ combination: TCombination | null } | null>(null);
  const names = new Map(tables.map((t) => [t.id, t.name]));

  const refresh = () => Promise.all([utils.tables.combinations.invalidate(), utils.tables.get.invalidate()]);
  const saved = (c: TCombination) => {
    void refresh();
    notifySuccess(`${c.name} saved.`, 'Combination saved');
    setEditing(null);
  };
  const create = trpc.tables.combinations.create.useMutation({ onSuccess: saved });
  const update = trpc.tables.combinations.update.useMutation({ onSuccess: saved });
  const remove = trpc.tables.combinations.delete.useMutation({
    onSuccess: () => {
      void refresh();
      notifySuccess('The combination was deleted.', 'Combination deleted');
    },
    onError: (error) => handleServerError(error),
  });

  const confirmDelete = (c: TCombination) =>
    confirmDanger({
      title: `Delete ${c.name}?`,
      message: `${c.name} will no longer be offered for large parties. Bookings already on these tables stay as they are.`,
      confirmLabel: 'Delete',
      onConfirm: () => remove.mutate({ id: c.id }),
    });

  let body: ReactNode;
  if (combinations.isPending) body = <PageSkeleton rows={2} label="Loading combinations" />;
  else if (combinations.isError)
    body = <QueryError error={combinations.error} onRetry={() => void combinations.refetch()} />;
  else if (combinations.data.length === 0) {
    body = (
      <EmptyHint icon={<IconVectorBezier2 size={32} stroke={1.4} aria-hidden />} title="No combinations">
        Join neighbouring tables for parties that no single table fits, e.g. T1 + T2 for 5 to 8 guests.
      </EmptyHint>
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" aria-label="Combinations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Tables</Table.Th>
              <Table.Th>Guests</Table.Th>
              <Table.Th>Status</Table.Th>
              {canManage && <Table.Th w={90}>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {combinations.data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td fw={600}>{c.name}</Table.Td>
                <Table.Td>{c.tableIds.map((id) => names.get(id) ?? '?').join(' + ')}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {c.minGuests}–{c.maxGuests}
                </Table.Td>
                <Table.Td>
                  {c.usable ? (
                    <Badge color="teal" variant="light">
                      Usable
                    </Badge>
                  ) : (
                    <Tooltip label="A table in it is deactivated: it is not offered for bookings.">
                      <Badge color="orange" variant="light" tabIndex={0}>
                        Unusable
                      </Badge>
                    </Tooltip>
                  )}
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <RowAction
                        icon={IconPencil}
                        tooltip="Edit"
                        label={`Edit ${c.name}`}
                        onClick={() => setEditing({ combination: c })}
                      />
                      <RowAction
                        icon={IconTrash}
                        tooltip="Delete"
                        label={`Delete ${c.name}`}
                        color="red"
                        onClick={() => confirmDelete(c)}
                        disabled={remove.isPending}
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
          <Stack gap={0}>
            <Title order={3}>Combinations</Title>
            <Text size="sm" c="dimmed">
              Tables joined for larger parties.
            </Text>
          </Stack>
          {canManage && (
            <Button
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => setEditing({ combination: null })}
              disabled={tables.filter((t) => t.active).length < 2}
            >
              Add combination
            </Button>
          )}
        </Group>
        {body}
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.combination ? `Edit ${editing.combination.name}` : 'Add a combination'}
      >
        {editing && (
          <CombinationForm
            combination={editing.combination}
            tables={tables}
            onSave={(input) =>
              editing.combination
                ? update.mutateAsync({ id: editing.combination.id, ...input })
                : create.mutateAsync(input)
            }
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>
    </Paper>
  );
}
