import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import {
  IconArchive,
  IconArchiveOff,
  IconArrowDown,
  IconArrowUp,
  IconCheck,
  IconPencil,
  IconPlus,
  IconX,
} from '@tabler/icons-react';
import type { TTable, TTablesList } from '@tobeout/shared';
import type { ReactNode } from 'react';
import { trpc } from '../../app/trpc';
import { RowAction } from '../../lib/actions';
import { handleServerError } from '../../lib/errors';
import { seatsLabel } from './geometry';
import { moveInOrder } from './reorder';
import { SHAPE_LABELS } from './TableForm';
import { useTableActivation } from './useTableActivation';

type Props = {
  /** Every table, inactive ones too, in display order. */
  tables: readonly TTable[];
  /** Show only this section (null: all). */
  section: string | null;
  canManage: boolean;
  onOpen: (table: TTable) => void;
  onEdit: (table: TTable) => void;
  onAdd: () => void;
};

const LIST_INPUT = { includeInactive: true };

/** Every table as rows: the plan's content for keyboards, screen readers and phones. */
export function TablesList({ tables, section, canManage, onOpen, onEdit, onAdd }: Props) {
  const utils = trpc.useUtils();
  const activation = useTableActivation();
  const reorder = trpc.tables.reorder.useMutation({
    // Move the row at once; put it back if the server says no.
    onMutate: async ({ ids }) => {
      await utils.tables.list.cancel();
      const before = utils.tables.list.getData(LIST_INPUT);
      utils.tables.list.setData(LIST_INPUT, (old: TTablesList | undefined) => {
        if (!old) return old;
        const byId = new Map(old.items.map((t) => [t.id, t]));
        return { ...old, items: ids.map((id, i) => ({ ...byId.get(id)!, sortOrder: i })) };
      });
      return { before };
    },
    onError: (error, _input, context) => {
      if (context?.before) utils.tables.list.setData(LIST_INPUT, context.before);
      handleServerError(error);
    },
    onSettled: () => void utils.tables.list.invalidate(),
  });

  const visible = section === null ? tables : tables.filter((t) => t.section === section);
  const order = tables.map((t) => t.id);
  const visibleIds = visible.map((t) => t.id);
  const move = (t: TTable, direction: -1 | 1) => {
    const ids = moveInOrder(order, visibleIds, t.id, direction);
    if (ids) reorder.mutate({ ids });
  };

  let body: ReactNode;
  if (visible.length === 0) {
    body = (
      <Text size="sm" c="dimmed" py="md" ta="center">
        No tables in {section ?? 'this view'}.
      </Text>
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={340}>
        <Table verticalSpacing="xs" highlightOnHover aria-label="Tables">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th visibleFrom="sm">Section</Table.Th>
              <Table.Th>Seats</Table.Th>
              <Table.Th visibleFrom="md">Shape</Table.Th>
              <Table.Th visibleFrom="md">Online booking</Table.Th>
              <Table.Th visibleFrom="sm">Status</Table.Th>
              {canManage && <Table.Th w={140}>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.map((t, i) => (
              <Table.Tr key={t.id} data-table-id={t.id} c={t.active ? undefined : 'dimmed'}>
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    fw={600}
                    onClick={() => onOpen(t)}
                    aria-label={`Details of table ${t.name}`}
                  >
                    {t.name}
                  </Anchor>
                  {/* Phones: section and status fold under the name. */}
                  <Group gap={4} hiddenFrom="sm" wrap="nowrap">
                    {t.section && (
                      <Text size="xs" c="dimmed">
                        {t.section}
                      </Text>
                    )}
                    {!t.active && <StatusBadge active={false} />}
                  </Group>
                </Table.Td>
                <Table.Td visibleFrom="sm">{t.section ?? '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{seatsLabel(t)}</Table.Td>
                <Table.Td visibleFrom="md">{SHAPE_LABELS[t.shape]}</Table.Td>
                <Table.Td visibleFrom="md">
                  <Group gap={4} wrap="nowrap">
                    {t.bookableOnline ? (
                      <IconCheck size={16} color="var(--mantine-color-teal-filled)" aria-hidden />
                    ) : (
                      <IconX size={16} color="var(--mantine-color-dimmed)" aria-hidden />
                    )}
                    <Text size="sm">{t.bookableOnline ? 'Yes' : 'No'}</Text>
                  </Group>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <StatusBadge active={t.active} />
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <RowAction
                        icon={IconArrowUp}
                        tooltip="Move up"
                        label={`Move ${t.name} up`}
                        onClick={() => move(t, -1)}
                        disabled={i === 0 || reorder.isPending}
                      />
                      <RowAction
                        icon={IconArrowDown}
                        tooltip="Move down"
                        label={`Move ${t.name} down`}
                        onClick={() => move(t, 1)}
                        disabled={i === visible.length - 1 || reorder.isPending}
                      />
                      <RowAction
                        icon={IconPencil}
                        tooltip="Edit"
                        label={`Edit ${t.name}`}
                        onClick={() => onEdit(t)}
                      />
                      {t.active ? (
                        <RowAction
                          icon={IconArchive}
                          tooltip="Deactivate"
                          label={`Deactivate ${t.name}`}
                          color="red"
                          onClick={() => activation.confirmDeactivate(t)}
                          disabled={activation.pending}
                        />
                      ) : (
                        <RowAction
                          icon={IconArchiveOff}
                          tooltip="Reactivate"
                          label={`Reactivate ${t.name}`}
                          color="teal"
                          onClick={() => activation.confirmReactivate(t)}
                          disabled={activation.pending}
                        />
                      )}
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
            <Title order={3}>Tables</Title>
            <Text size="sm" c="dimmed">
              In the order they are listed everywhere; inactive ones included.
            </Text>
          </Stack>
          {canManage && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={onAdd}>
              Add table
            </Button>
          )}
        </Group>
        {body}
      </Stack>
    </Paper>
  );
}

function StatusBadge({ active }: { active: boolean }) {
  return active ? (
    <Badge color="teal" variant="light">
      Active
    </Badge>
  ) : (
    <Badge color="gray" variant="filled">
      Inactive
    </Badge>
  );
}
