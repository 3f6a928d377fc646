import {
  Button,
  Center,
  Chip,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useViewportSize } from '@mantine/hooks';
import {
  IconDeviceFloppy,
  IconDoorEnter,
  IconLayoutGrid,
  IconList,
  IconPlus,
  IconRuler2,
  IconTable,
} from '@tabler/icons-react';
import type { TTable } from '@tobeout/shared';
import { lazy, type ReactNode, Suspense, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCan } from '../../app/session';
import { trpc } from '../../app/trpc';
import { useBookingUi } from '../../features/booking-ui/BookingUiProvider';
import { confirmDanger } from '../../lib/actions';
import { handleServerError, notifySuccess } from '../../lib/errors';
import { useIsPhone } from '../../lib/media';
import { EmptyHint, PageSkeleton, QueryError } from '../../lib/states';
import { browserTimeZone } from '../../lib/time-zone';
import { UnsavedChangesGuard } from '../../lib/UnsavedChangesGuard';
import { CombinationsPanel } from './CombinationsPanel';
import { FloorCanvas } from './FloorCanvas';
import { FloorStatusBar } from './FloorStatusBar';
import { formatRoomSize, GRID_CM } from './geometry';
import { RoomSizeForm } from './RoomSizeForm';
import { bookingAt } from './status';
import { TableDetails } from './TableDetails';
import { type EditorTarget, TableEditor } from './TableEditor';
import { TableHoverCard } from './TableHoverCard';
import { TablesList } from './TablesList';
import { useFloorStatus } from './useFloorStatus';
import { type PendingMoves, unsavedMovesLabel, usePendingMoves } from './usePendingMoves';

type View = 'plan' | 'list';
const ALL = '__all__';
/** Header, page title, section chips, edit toolbar and caption around the plan (px). */
const CHROME_HEIGHT = 340;
/** The date and time bar above the plan in the status view (px). */
const STATUS_BAR_HEIGHT = 110;
const MIN_PLAN_HEIGHT = 320;

const WalkInModal = lazy(async () => ({
  default: (await import('../../features/wizard/WalkInModal')).WalkInModal,
}));

/**
 * The floor: tables on a plan drawn to scale (or as a list), their details, blocks and layout.
 * In view mode the plan shows each table's status at a chosen date and time (click: its booking,
 * or a new booking on it); in edit mode managers move tables.
 */
export function FloorPage() {
  const canManage = useCan('manager');
  const isPhone = useIsPhone();
  const viewport = useViewportSize();
  const [params, setParams] = useSearchParams();
  const asked = params.get('view');
  const view: View = asked === 'plan' || asked === 'list' ? asked : isPhone ? 'list' : 'plan';
  const setView = (next: View) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        p.set('view', next);
        return p;
      },
      { replace: true },
    );

  const [section, setSection] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [detailsId, setDetailsId] = useState<string | null>(null);
  const [editor, setEditor] = useState<EditorTarget>(null);
  const [roomOpen, setRoomOpen] = useState(false);
  const [walkInOpen, setWalkInOpen] = useState(false);
  const pending = usePendingMoves();
  const bookingUi = useBookingUi();

  const utils = trpc.useUtils();
  const list = trpc.tables.list.useQuery({ includeInactive: true });
  const restaurant = trpc.restaurant.get.useQuery();
  const timeZone = restaurant.data?.timezone ?? browserTimeZone();
  const status = useFloorStatus({
    timeZone,
    enabled: view === 'plan' && !(canManage && editing) && restaurant.data !== undefined,
  });

  const items = list.data?.items;
  const active = useMemo(() => (items ?? []).filter((t) => t.active), [items]);
  const allSections = useMemo(
    () => [...new Set((items ?? []).flatMap((t) => (t.section ? [t.section] : [])))].sort(),
    [items],
  );

  const savePositions = trpc.tables.savePositions.useMutation({
    onSuccess: async (_, { positions }) => {
      // Keep showing the moves until the saved positions are back, so nothing jumps.
      await utils.tables.list.invalidate();
      pending.settle(positions);
      notifySuccess(
        `${positions.length} ${positions.length === 1 ? 'table' : 'tables'} moved.`,
        'Layout saved',
      );
    },
    onError: (error) => handleServerError(error),
  });
  const setFloor = trpc.tables.setFloor.useMutation({
    onSuccess: async (floor) => {
      await utils.tables.list.invalidate();
      notifySuccess(`The room is now ${formatRoomSize(floor)}.`, 'Room size saved');
      setRoomOpen(false);
    },
  });

  if (list.isPending) return <PageSkeleton rows={6} label="Loading floor" />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const { floor, sections } = list.data;
  const tables = list.data.items;
  const shownSection = section !== null && sections.includes(section) ? section : null;
  const editMode = canManage && editing && view === 'plan';
  const statusMode = view === 'plan' && !editMode;
  const detailsTable = tables.find((t) => t.id === detailsId) ?? null;
  const grid = statusMode ? status.grid : undefined;
  const slot = grid?.slots[status.index];

  const discard = (after?: () => void) =>
    confirmDanger({
      title: 'Discard unsaved moves?',
      message: `${capitalise(unsavedMovesLabel(pending.count))} will be lost; the tables go back to their saved places.`,
      confirmLabel: 'Discard',
      onConfirm: () => {
        pending.clear();
        after?.();
      },
    });
  const toggleEditing = (on: boolean) => {
    if (!on && pending.count > 0) discard(() => setEditing(false));
    else setEditing(on);
  };
  const openTable = (t: TTable) => (editMode ? setEditor({ table: t }) : setDetailsId(t.id));
  /** Status view: the booking on the table at that time, its blocks, or a new booking on it. */
  const openAtSlot = (t: TTable) => {
    const booking = grid ? bookingAt(grid, t.id, status.index) : null;
    if (booking) bookingUi.openBooking(booking.id);
    else if (status.statusOf(t.id) === 'blocked') setDetailsId(t.id);
    else bookingUi.openWizard({ date: status.date, time: slot?.time, tableIds: [t.id] });
  };
  const addTable = () => setEditor({ table: null });
  const pendingBar = (
    <PendingBar
      pending={pending}
      saving={savePositions.isPending}
      onSave={() => savePositions.mutate({ positions: pending.positions() })}
      onDiscard={() => discard()}
    />
  );

  let content: ReactNode;
  if (tables.length === 0) {
    content = (
      <Paper withBorder p="xl">
        <EmptyHint
          icon={<IconTable size={36} stroke={1.4} aria-hidden />}
          title="No tables yet"
          action={
            canManage && (
              <Button leftSection={<IconPlus size={16} />} onClick={addTable}>
                Add table
              </Button>
            )
          }
        >
          {canManage
            ? 'Add your tables to draw the floor plan, take bookings on them and join them for larger parties.'
            : 'A manager adds the tables; then the floor plan appears here.'}
        </EmptyHint>
      </Paper>
    );
  } else if (view === 'plan') {
    const seats = active.reduce((n, t) => n + t.maxGuests, 0);
    content = (
      <Paper withBorder p={{ base: 'xs', sm: 'md' }}>
        <Stack gap="xs">
          {statusMode && status.query.isError && (
            <QueryError
              title="Could not load the table statuses"
              error={status.query.error}
              onRetry={() => void status.query.refetch()}
            />
          )}
          <FloorCanvas
            floor={floor}
            tables={active}
            positions={pending.moves}
            section={shownSection}
            editable={editMode}
            onTableMove={(id, to) => {
              const saved = tables.find((t) => t.id === id);
              if (saved) pending.move(id, to, saved);
            }}
            onTableClick={grid ? openAtSlot : openTable}
            statusOf={grid ? status.statusOf : undefined}
            statusCounts={grid ? status.counts : undefined}
            wrapTable={
              grid
                ? (t, element) => (
                    <TableHoverCard
                      table={t}
                      grid={grid}
                      index={status.index}
                      timeZone={timeZone}
                      onDetails={() => setDetailsId(t.id)}
                    >
                      {element}
                    </TableHoverCard>
                  )
                : undefined
            }
            selectedId={detailsId}
            maxHeight={
              viewport.height > 0
                ? Math.max(
                    MIN_PLAN_HEIGHT,
                    viewport.height - CHROME_HEIGHT - (statusMode ? STATUS_BAR_HEIGHT : 0),
                  )
                : undefined
            }
          />
          <Text size="xs" c="dimmed">
            Room {formatRoomSize(floor)} · grid {GRID_CM} cm · {active.length}{' '}
            {active.length === 1 ? 'table' : 'tables'}, {seats} seats
            {active.length < tables.length ? ` · ${tables.length - active.length} inactive (see List)` : ''}
          </Text>
        </Stack>
      </Paper>
    );
  } else {
    content = (
      <Stack gap="lg">
        <TablesList
          tables={tables}
          section={shownSection}
          canManage={canManage}
          onOpen={(t) => setDetailsId(t.id)}
          onEdit={(t) => setEditor({ table: t })}
          onAdd={addTable}
        />
        <CombinationsPanel tables={tables} canManage={canManage} />
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Title order={2}>Floor</Title>
        <Group gap="md">
          <Button
            variant="light"
            leftSection={<IconDoorEnter size={16} />}
            onClick={() => setWalkInOpen(true)}
          >
            Walk-in
          </Button>
          {canManage && view === 'plan' && tables.length > 0 && (
            <Switch
              label="Edit layout"
              checked={editing}
              onChange={(e) => toggleEditing(e.currentTarget.checked)}
            />
          )}
          <SegmentedControl
            aria-label="View"
            value={view}
            onChange={(v) => setView(v as View)}
            data={[
              { value: 'plan', label: <ViewLabel icon={<IconLayoutGrid size={16} />} text="Plan" /> },
              { value: 'list', label: <ViewLabel icon={<IconList size={16} />} text="List" /> },
            ]}
          />
        </Group>
      </Group>

      {sections.length > 0 && (
        <Chip.Group
          multiple={false}
          value={shownSection ?? ALL}
          onChange={(v) => setSection(v === ALL ? null : v)}
        >
          <Group gap="xs" role="group" aria-label="Show section">
            <Chip value={ALL} size="sm">
              All
            </Chip>
            {sections.map((s) => (
              <Chip key={s} value={s} size="sm">
                {s}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      )}

      {editMode ? (
        <Paper
          withBorder
          shadow="xs"
          p="xs"
          style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 56px) + 8px)', zIndex: 5 }}
        >
          <Stack gap={6}>
            <Group justify="space-between" gap="xs">
              <Group gap="xs">
                <Button size="xs" leftSection={<IconPlus size={14} />} onClick={addTable}>
                  Add table
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconRuler2 size={14} />}
                  onClick={() => setRoomOpen(true)}
                >
                  Room size
                </Button>
              </Group>
              {pendingBar}
            </Group>
            <Text size="xs" c="dimmed">
              Drag tables to move them (on touch screens: press and hold, then drag). Keyboard: Tab to a
              table, Space to pick it up, arrow keys to move it, Space to drop. Click or Enter to edit.
            </Text>
          </Stack>
        </Paper>
      ) : (
        pending.count > 0 && (
          <Paper withBorder p="xs">
            <Group justify="space-between" gap="xs">
              <Text size="sm">The floor plan has moves that are not saved yet.</Text>
              {pendingBar}
            </Group>
          </Paper>
        )
      )}

      {statusMode && tables.length > 0 && (
        <FloorStatusBar
          date={status.date}
          today={status.today}
          onDateChange={status.setDate}
          grid={status.grid}
          index={status.index}
          onIndexChange={status.setIndex}
          followingNow={status.followingNow}
          onNow={status.goNow}
          compact={isPhone}
        />
      )}

      {content}

      <TableDetails
        table={detailsTable}
        tables={tables}
        canManage={canManage}
        timeZone={timeZone}
        onClose={() => setDetailsId(null)}
        onEdit={(t) => {
          setDetailsId(null);
          setEditor({ table: t });
        }}
        fullScreen={isPhone}
      />
      <TableEditor
        target={editor}
        sections={allSections}
        onClose={() => setEditor(null)}
        fullScreen={isPhone}
      />
      <Modal opened={roomOpen} onClose={() => setRoomOpen(false)} title="Room size">
        {roomOpen && (
          <RoomSizeForm
            floor={floor}
            onSave={(f) => setFloor.mutateAsync(f)}
            onCancel={() => setRoomOpen(false)}
          />
        )}
      </Modal>
      <Suspense fallback={null}>
        {walkInOpen && <WalkInModal opened onClose={() => setWalkInOpen(false)} fullScreen={isPhone} />}
      </Suspense>
      <UnsavedChangesGuard
        when={pending.count > 0}
        message={`${capitalise(unsavedMovesLabel(pending.count))} on the floor plan.`}
      />
    </Stack>
  );
}

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function ViewLabel({ icon, text }: { icon: ReactNode; text: string }) {
  return (
    <Center style={{ gap: 6 }}>
      {icon}
      <span>{text}</span>
    </Center>
  );
}

/** "3 unsaved moves · Discard · Save layout", or that everything is saved. */
function PendingBar({
  pending,
  saving,
  onSave,
  onDiscard,
}: {
  pending: PendingMoves;
  saving: boolean;
  onSave: () => void;
  onDiscard: () => void;
}) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text
        size="sm"
        fw={pending.count > 0 ? 600 : undefined}
        c={pending.count > 0 ? undefined : 'dimmed'}
        role="status"
      >
        {pending.count > 0 ? unsavedMovesLabel(pending.count) : 'Layout saved'}
      </Text>
      {pending.count > 0 && (
        <>
          <Button size="xs" variant="default" onClick={onDiscard} disabled={saving}>
            Discard
          </Button>
          <Button size="xs" leftSection={<IconDeviceFloppy size={14} />} onClick={onSave} loading={saving}>
            Save layout
          </Button>
        </>
      )}
    </Group>
  );
}
