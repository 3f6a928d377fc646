import {
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconLock, IconLockOpen, IconPencil } from '@tabler/icons-react';
import {
  type TBlock,
  type TCombination,
  type TTable,
  type TTableDetails,
  tableFootprint,
} from '@tobeout/shared';
import { type ReactNode, useState } from 'react';
import { trpc } from '../../app/trpc';
import { confirmDanger, RowAction } from '../../lib/actions';
import { handleServerError, notifySuccess } from '../../lib/errors';
import { formatLocalRange } from '../../lib/local-time';
import { QueryError } from '../../lib/states';
import { BlockForm } from './BlockForm';
import { seatsLabel } from './geometry';
import { SHAPE_LABELS } from './TableForm';
import { TableHistory, TableUtilisation } from './TableHistory';

type Props = {
  /** The table shown; null closes the drawer. */
  table: TTable | null;
  /** Every table (names for blocks and combinations). */
  tables: readonly TTable[];
  canManage: boolean;
  timeZone: string;
  onClose: () => void;
  onEdit: (table: TTable) => void;
  fullScreen?: boolean;
};

/** One labelled fact in the table's summary (a <dt>/<dd> pair). */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** "5–8 guests", with the tables when the name does not already list them. */
function describeCombination(c: TCombination, names: ReadonlyMap<string, string>): string {
  const tables = c.tableIds.map((id) => names.get(id) ?? '?').join(' + ');
  const guests = `${c.minGuests}–${c.maxGuests} guests`;
  return tables === c.name ? guests : `${tables} · ${guests}`;
}

function Section({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Group justify="space-between" gap="xs">
        <Title order={4}>{title}</Title>
        {action}
      </Group>
      {children}
    </Stack>
  );
}

/** A table's details for everyone on shift: blocks (staff may block), combinations, history. */
export function TableDetails({ table, tables, canManage, timeZone, onClose, onEdit, fullScreen }: Props) {
  return (
    <Drawer
      opened={table !== null}
      onClose={onClose}
      position="right"
      size={fullScreen ? '100%' : 'md'}
      title={
        <Text fw={700} size="lg">
          {table ? `Table ${table.name}` : 'Table'}
        </Text>
      }
    >
      {table && (
        <DetailsBody
          key={table.id}
          table={table}
          tables={tables}
          canManage={canManage}
          timeZone={timeZone}
          onEdit={onEdit}
          modalPickers={fullScreen}
        />
      )}
    </Drawer>
  );
}

function DetailsBody({
  table,
  tables,
  canManage,
  timeZone,
  onEdit,
  modalPickers,
}: Omit<Props, 'table' | 'onClose' | 'fullScreen'> & { table: TTable; modalPickers?: boolean }) {
  const utils = trpc.useUtils();
  const details = trpc.tables.get.useQuery({ id: table.id });
  const [blocking, setBlocking] = useState(false);
  const names = new Map(tables.map((t) => [t.id, t.name]));
  const footprint = tableFootprint(table.shape, table.maxGuests);

  const refreshBlocks = () =>
    Promise.all([
      utils.tables.get.invalidate(),
      utils.tables.blocks.invalidate(),
      utils.tables.history.invalidate(),
    ]);
  const block = trpc.tables.block.useMutation({
    onSuccess: async () => {
      await refreshBlocks();
      notifySuccess(`${table.name} is blocked for that time.`, 'Table blocked');
      setBlocking(false);
    },
  });
  const unblock = trpc.tables.unblock.useMutation({
    onSuccess: () => {
      void refreshBlocks();
      notifySuccess(`${table.name} can be booked again for that time.`, 'Block lifted');
    },
    onError: (error) => handleServerError(error),
  });

  const confirmUnblock = (b: TBlock) =>
    confirmDanger({
      title: 'Lift this block?',
      message: `${formatLocalRange(b.from, b.to)} (${b.reason}) becomes bookable again${
        b.tableIds.length > 1 ? ` on all ${b.tableIds.length} tables of this block` : ''
      }.`,
      confirmLabel: 'Unblock',
      onConfirm: () => unblock.mutate({ blockId: b.id }),
    });

  const data: TTableDetails | undefined = details.data;
  return (
    <Stack gap="lg">
      <Stack gap="sm">
        {!table.active && (
          <Badge color="gray" variant="filled" style={{ alignSelf: 'flex-start' }}>
            Inactive
          </Badge>
        )}
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs" component="dl" m={0}>
          <Fact label="Seats">{seatsLabel(table)} guests</Fact>
          <Fact label="Section">{table.section ?? 'None'}</Fact>
          <Fact label="Shape">
            {SHAPE_LABELS[table.shape]}, {footprint.width} × {footprint.height} cm
          </Fact>
          <Fact label="Online booking">{table.bookableOnline ? 'Yes' : 'No, staff only'}</Fact>
        </SimpleGrid>
        {table.notes && (
          <Fact label="Notes">
            <span style={{ whiteSpace: 'pre-wrap' }}>{table.notes}</span>
          </Fact>
        )}
        {canManage && (
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPencil size={14} />}
            onClick={() => onEdit(table)}
            style={{ alignSelf: 'flex-start' }}
          >
            Edit table
          </Button>
        )}
      </Stack>

      {details.isError && <QueryError error={details.error} onRetry={() => void details.refetch()} />}

      <Section
        title="Blocks"
        action={
          table.active &&
          !blocking && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconLock size={14} />}
              onClick={() => setBlocking(true)}
            >
              Block table
            </Button>
          )
        }
      >
        {blocking && (
          <Paper withBorder p="sm">
            <BlockForm
              tableIds={[table.id]}
              timeZone={timeZone}
              modalPickers={modalPickers}
              onSave={(input) => block.mutateAsync(input)}
              onCancel={() => setBlocking(false)}
            />
          </Paper>
        )}
        {!data ? (
          details.isPending && <Skeleton height={40} aria-label="Loading blocks" />
        ) : data.upcomingBlocks.length === 0 ? (
          <Text size="sm" c="dimmed">
            No blocks coming up.
          </Text>
        ) : (
          <Stack
            gap="xs"
            component="ul"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            aria-label="Upcoming blocks"
          >
            {data.upcomingBlocks.map((b) => {
              const others = b.tableIds.filter((id) => id !== table.id).map((id) => names.get(id) ?? '?');
              return (
                <Group key={b.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500}>
                      {formatLocalRange(b.from, b.to)}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      {b.reason}
                      {others.length > 0 ? ` · with ${others.join(', ')}` : ''}
                    </Text>
                  </Stack>
                  <RowAction
                    icon={IconLockOpen}
                    tooltip="Unblock"
                    label={`Unblock ${formatLocalRange(b.from, b.to)}`}
                    onClick={() => confirmUnblock(b)}
                    disabled={unblock.isPending}
                  />
                </Group>
              );
            })}
          </Stack>
        )}
      </Section>

      <Divider />
      <Section title="Combinations">
        {!data ? (
          details.isPending && <Skeleton height={24} aria-label="Loading combinations" />
        ) : data.combinations.length === 0 ? (
          <Text size="sm" c="dimmed">
            Not part of a combination. Combinations join tables for larger parties (Floor → List).
          </Text>
        ) : (
          <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Combinations">
            {data.combinations.map((c) => (
              <Group key={c.id} component="li" gap="xs" wrap="nowrap">
                <Text size="sm" fw={500}>
                  {c.name}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {describeCombination(c, names)}
                </Text>
                {!c.usable && (
                  <Badge color="orange" variant="light" size="sm">
                    Unusable
                  </Badge>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Section>

      {canManage && (
        <>
          <Divider />
          <Section title="Utilisation, last 30 days">
            <TableUtilisation tableId={table.id} timeZone={timeZone} />
          </Section>
        </>
      )}

      <Divider />
      <Section title="History">
        <TableHistory tableId={table.id} />
      </Section>
    </Stack>
  );
}
