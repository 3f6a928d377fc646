import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  type Modifier,
  useDraggable,
} from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import { Skeleton, Text } from '@mantine/core';
import { IconLock, IconMessage2 } from '@tabler/icons-react';
import {
  type CSSProperties,
  createContext,
  type KeyboardEvent,
  type MouseEvent,
  memo,
  type ReactNode,
  useCallback,
  useContext,
  useDeferredValue,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useBookingUi } from '../../../features/booking-ui/BookingUiProvider';
import { BOOKING_STATUS, guestsLabel, seatsRange } from '../../../lib/bookings';
import { useDragSensors, useDropClock } from '../../../lib/dnd';
import { useIsPhone } from '../../../lib/media';
import { useNow } from '../../../lib/use-now';
import { OFFLINE_TOOLTIP, useOffline } from '../../../live/offline';
import {
  type Axis,
  buildAxis,
  instantToX,
  labelled,
  NAME_PX,
  planMove,
  planOffset,
  planResize,
  ROW_PX,
  wallTime,
} from './geometry';
import {
  type Bar,
  type BlockBar,
  type Grid,
  type GridTable,
  layoutRows,
  swapTable,
  type TimelineRow,
} from './layout';
import classes from './Timeline.module.css';
import { useMoveBooking } from './useMoveBooking';

type DragData = { kind: 'move' | 'resize'; bar: Bar; lockTime: boolean };

/** Bookings in these statuses can be moved on the timeline (seated ones keep their start). */
const MOVABLE = new Set(['created', 'confirmed', 'seated']);

type Props = {
  grid: Grid;
  /** The grid is today's: draw the "now" line and scroll to it. */
  isToday: boolean;
};

/**
 * One day of bookings: each table a row, each slot a column, each booking a bar placed by its
 * real start and end. Drag a bar to another table or time, drag its right edge to change the
 * duration, click a free slot to book it, click a bar to open the booking.
 */
export function Timeline(props: Props) {
  const { ref, width } = useWidth();
  const nameWidth = useIsPhone() ? NAME_PX.phone : NAME_PX.wide;
  return (
    <div ref={ref}>
      {width > 0 ? (
        // The scroller's 1 px borders take 2 px of the width.
        <TimelineBody {...props} nameWidth={nameWidth} fitWidth={width - nameWidth - 2} />
      ) : (
        <Skeleton height={props.grid.tables.length * ROW_PX + 36} aria-label="Loading timeline" />
      )}
    </div>
  );
}

/**
 * The element's width, measured before the first paint (the timeline is drawn in the same frame,
 * with no skeleton frame and second render in between), then followed as it resizes.
 */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.getBoundingClientRect().width);
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(entry.contentRect.width);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/** The timeline at a known width (exported for tests, where nothing has a size). */
export function TimelineBody({
  grid,
  isToday,
  nameWidth,
  fitWidth,
}: Props & { nameWidth: number; fitWidth: number }) {
  const ui = useBookingUi();
  const axis = useMemo(() => buildAxis(grid, [...grid.bookings, ...grid.blocks], fitWidth), [grid, fitWidth]);
  const rows = useMemo(() => (axis ? layoutRows(grid, axis) : []), [grid, axis]);
  const tableNames = useMemo(() => new Map(grid.tables.map((t) => [t.id, t.name])), [grid.tables]);
  const { move, pending } = useMoveBooking(grid.date, tableNames);
  // The bars first; the slots (the most elements by far) in a second, interruptible render.
  const withCells = useDeferredValue(true, false);
  const now = useNow(30_000, isToday);
  const scroller = useRef<HTMLDivElement>(null);
  const nowX = axis && isToday ? instantToX(axis, now) : null;
  const showNow = axis !== null && nowX !== null && nowX >= 0 && nowX <= axis.width;

  // Today opens at the current time (a little of the past stays in view).
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per day shown, not on every tick
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && showNow && nowX !== null) el.scrollLeft = Math.max(0, nowX - 160);
  }, [grid.date, axis !== null]);

  const create = useCallback(
    (table: GridTable, time: string) =>
      ui.openWizard({ date: grid.date, time, tableIds: [table.id], partySize: table.minGuests }),
    [ui, grid.date],
  );
  if (!axis) return null;

  return (
    <section
      ref={scroller}
      className={classes.scroller}
      aria-label="Timeline"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
      tabIndex={0}
      data-date={grid.date}
      data-slot-px={axis.slotPx}
      style={{ '--name-w': `${nameWidth}px` } as CSSProperties}
      // A click on a booking is likely: have its drawer ready to open in the same frame.
      onPointerEnter={ui.prepareBooking}
      onFocus={ui.prepareBooking}
    >
      <div className={classes.canvas} style={{ width: `calc(var(--name-w) + ${axis.width}px)` }}>
        <div className={classes.header}>
          <div className={classes.corner}>Table</div>
          <Ticks axis={axis} nowLabel={showNow ? wallTime(now, grid.timeZone) : null} nowX={nowX} />
        </div>
        <DragLayer axis={axis} rows={rows.length} tableIdAt={(i) => rows[i]?.table.id} onMove={move}>
          <Rows
            rows={rows}
            axis={axis}
            timeZone={grid.timeZone}
            pending={pending}
            withCells={withCells}
            onCreate={create}
            onOpen={ui.openBooking}
          />
        </DragLayer>
        {showNow && <div className={classes.now} style={{ left: `calc(var(--name-w) + ${nowX}px)` }} />}
      </div>
    </section>
  );
}

/**
 * The tables' rows with their bookings (the costly part: one draggable bar per booking). Memoised,
 * so that the clock moving the "now" line does not draw them again.
 */
const Rows = memo(function Rows({
  rows,
  axis,
  timeZone,
  pending,
  withCells,
  onCreate,
  onOpen,
}: {
  rows: TimelineRow[];
  axis: Axis;
  timeZone: string;
  pending: ReadonlySet<string>;
  withCells: boolean;
  onCreate: (table: GridTable, time: string) => void;
  onOpen: (bookingId: string) => void;
}) {
  return rows.map((row, i) => (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group (one table's bookings), not a form fieldset
    <div
      key={row.table.id}
      className={classes.row}
      style={{ height: ROW_PX }}
      role="group"
      aria-label={`Table ${row.table.name}`}
      data-table-id={row.table.id}
      data-table-name={row.table.name}
      data-section-start={i > 0 && rows[i - 1]!.table.section !== row.table.section ? true : undefined}
    >
      <div className={classes.name}>
        <span className={classes.tableName}>{row.table.name}</span>
        <span className={classes.tableMeta}>
          {seatsRange(row.table)}
          {row.table.section ? ` · ${row.table.section}` : ''}
        </span>
      </div>
      <div className={classes.track} style={{ width: axis.width }}>
        {withCells && <Cells axis={axis} table={row.table} onCreate={onCreate} />}
        {row.blocks.map((b) => (
          <BlockBarView key={b.key} block={b} timeZone={timeZone} />
        ))}
        {row.bars.map((bar) => (
          <BookingBar
            key={bar.key}
            bar={bar}
            timeZone={timeZone}
            pending={pending.has(bar.booking.id)}
            onOpen={onOpen}
          />
        ))}
      </div>
    </div>
  ));
});

function Ticks({ axis, nowLabel, nowX }: { axis: Axis; nowLabel: string | null; nowX: number | null }) {
  return (
    <div className={classes.ticks} style={{ width: axis.width }} aria-hidden>
      {axis.columns.map((c, i) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: a repeated hour has the same time twice
          key={i}
          className={classes.tick}
          data-hour={c.time.endsWith(':00') || undefined}
          data-closed={!c.open || undefined}
          style={{ left: i * axis.slotPx, width: axis.slotPx }}
        >
          {labelled(axis, c) ? c.time : null}
        </div>
      ))}
      {nowLabel && nowX !== null && (
        <div className={classes.nowPill} style={{ left: nowX }}>
          {nowLabel}
        </div>
      )}
    </div>
  );
}

/**
 * The row's slots, placed by a CSS grid (no style per slot): free ones are buttons that start a
 * booking there (out of the tab order), all with the row's one click handler.
 */
const Cells = memo(function Cells({
  axis,
  table,
  onCreate,
}: {
  axis: Axis;
  table: GridTable;
  onCreate: (table: GridTable, time: string) => void;
}) {
  const create = (e: MouseEvent<HTMLButtonElement>) => onCreate(table, e.currentTarget.dataset.time!);
  return (
    <div
      className={classes.cells}
      style={{ gridTemplateColumns: `repeat(${axis.columns.length}, ${axis.slotPx}px)` }}
    >
      {axis.columns.map((c, i) => {
        const hour = c.time.endsWith(':00') || undefined;
        const status = c.extra ? 'closed' : table.statuses[i - axis.lead];
        if (status !== 'free')
          return (
            <div
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
              key={i}
              className={classes.cell}
              data-hour={hour}
              data-closed={status === 'closed' || undefined}
            />
          );
        return (
          <button
            // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
            key={i}
            type="button"
            tabIndex={-1}
            className={classes.cell}
            data-hour={hour}
            data-time={c.time}
            aria-label={`New booking at ${table.name}, ${c.time}`}
            onClick={create}
          />
        );
      })}
    </div>
  );
});

function BlockBarView({ block: b, timeZone }: { block: BlockBar; timeZone: string }) {
  const label = `Blocked ${wallTime(b.block.startsAt.getTime(), timeZone)}–${wallTime(
    b.block.endsAt.getTime(),
    timeZone,
  )}: ${b.block.reason}`;
  return (
    <div
      className={classes.block}
      style={{ left: b.left, width: b.width }}
      role="note"
      aria-label={label}
      title={label}
      data-block-id={b.block.id}
    >
      <IconLock size={12} aria-hidden style={{ flex: 'none' }} />
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{b.block.reason}</span>
    </div>
  );
}

/** Lets bars be dragged (mouse, touch, keyboard) and turns drops into moves. */
function DragLayer({
  axis,
  rows,
  tableIdAt,
  onMove,
  children,
}: {
  axis: Axis;
  rows: number;
  tableIdAt: (row: number) => string | undefined;
  onMove: ReturnType<typeof useMoveBooking>['move'];
  children: ReactNode;
}) {
  const live = useRef({ axis, rows });
  live.current = { axis, rows };
  const clock = useDropClock();

  const sensors = useDragSensors(() => ({ x: live.current.axis.slotPx, y: ROW_PX }), {
    delay: 200,
    tolerance: 6,
  });

  /** While dragging, show the bar where it would land (snapped to a slot and a row). */
  const snap: Modifier = ({ transform, active }) => {
    const data = active?.data.current as DragData | undefined;
    if (!data) return transform;
    const { axis: a, rows: n } = live.current;
    const booking = data.bar.booking;
    if (data.kind === 'resize') {
      const to = planResize(a, booking, transform.x);
      const width = instantToX(a, booking.startsAt.getTime() + to * 60_000) - instantToX(a, booking.startsAt);
      return { ...transform, x: width - data.bar.width, y: 0 };
    }
    const bar = { ...booking, row: data.bar.row };
    const delta = { x: data.lockTime ? 0 : transform.x, y: transform.y };
    return { ...transform, ...planOffset(a, bar, planMove(a, bar, delta, n)) };
  };

  const onDragEnd = ({ active, delta }: DragEndEvent) => {
    clock.dropped();
    const data = active.data.current as DragData | undefined;
    if (!data) return;
    const { bar } = data;
    const booking = bar.booking;
    if (data.kind === 'resize') {
      const durationMin = planResize(axis, booking, delta.x);
      const now = Math.round((booking.endsAt.getTime() - booking.startsAt.getTime()) / 60_000);
      if (durationMin !== now) void onMove(booking, { durationMin });
      return;
    }
    const plan = planMove(
      axis,
      { ...booking, row: bar.row },
      { x: data.lockTime ? 0 : delta.x, y: delta.y },
      rows,
    );
    const target = tableIdAt(plan.row);
    const tableIds = target ? swapTable(booking.tableIds, bar.tableId, target) : null;
    if (!tableIds && !plan.timeChanged) return;
    void onMove(booking, {
      ...(tableIds ? { tableIds } : {}),
      ...(plan.timeChanged ? { time: plan.time, startsAt: new Date(plan.startsAt) } : {}),
    });
  };

  const nameOf = (data: unknown) => (data as DragData | undefined)?.bar.booking.guestName ?? 'the guest';
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up ${nameOf(active.data.current)}'s booking. Arrow keys move it by one slot or one table; Space drops it, Escape cancels.`,
    onDragOver: () => undefined,
    onDragEnd: ({ active }) => `${nameOf(active.data.current)}'s booking dropped; saving.`,
    onDragCancel: ({ active }) => `Moving ${nameOf(active.data.current)}'s booking was cancelled.`,
  };

  return (
    <DndContext
      sensors={sensors}
      modifiers={[snap]}
      autoScroll={{ threshold: { x: 0.06, y: 0.1 }, acceleration: 6 }}
      onDragEnd={onDragEnd}
      onDragCancel={clock.dropped}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            'Press Enter to open the booking. Press Space to pick it up, move it with the arrow keys (left and right: time, up and down: table), then Space to drop it or Escape to cancel.',
        },
      }}
    >
      <ClickGuard.Provider value={clock.isClick}>{children}</ClickGuard.Provider>
    </DndContext>
  );
}

/** False right after a drop: the click that ends a drag does not open the booking. */
const ClickGuard = createContext<() => boolean>(() => true);

const BookingBar = memo(function BookingBar({
  bar,
  timeZone,
  pending,
  onOpen: openBooking,
}: {
  bar: Bar;
  timeZone: string;
  pending: boolean;
  onOpen: (bookingId: string) => void;
}) {
  const isClick = useContext(ClickGuard);
  const paused = useOffline() !== null;
  const b = bar.booking;
  const movable = MOVABLE.has(b.status) && !pending && !paused;
  const lockTime = b.status === 'seated';
  const drag = useDraggable({
    id: bar.key,
    data: { kind: 'move', bar, lockTime } satisfies DragData,
    disabled: !movable,
    attributes: { roleDescription: 'movable booking' },
  });
  const resize = useDraggable({
    id: `resize:${bar.key}`,
    data: { kind: 'resize', bar, lockTime } satisfies DragData,
    disabled: !movable,
  });
  const status = BOOKING_STATUS[b.status];
  const end = wallTime(b.endsAt.getTime(), timeZone);
  const label = [
    b.guestName,
    guestsLabel(b.partySize),
    `${b.time}–${end}`,
    status.label,
    b.specialRequests ? 'has special requests' : null,
  ]
    .filter(Boolean)
    .join(', ');
  const width = bar.width + (resize.transform?.x ?? 0);
  const onOpen = () => openBooking(b.id);
  const open = () => {
    if (!drag.isDragging && !resize.isDragging && isClick()) onOpen();
  };

  return (
    // A div, not a <button>: Space must pick the bar up rather than click it.
    // biome-ignore lint/a11y/useSemanticElements: see above; role and tabIndex as dnd-kit sets them
    <div
      ref={drag.setNodeRef}
      {...drag.attributes}
      role="button"
      tabIndex={0}
      {...drag.listeners}
      className={classes.bar}
      aria-label={label}
      title={[label, b.specialRequests, paused && MOVABLE.has(b.status) ? OFFLINE_TOOLTIP : null]
        .filter(Boolean)
        .join('\n')}
      data-booking-id={b.id}
      data-table-id={bar.tableId}
      data-time={b.time}
      data-status={b.status}
      data-draggable={movable || undefined}
      data-dragging={drag.isDragging || undefined}
      data-resizing={resize.isDragging || undefined}
      data-pending={pending || undefined}
      data-paused={paused || undefined}
      style={
        {
          left: bar.left,
          width,
          transform: CSS.Translate.toString(drag.transform),
          '--bar-color': `var(--mantine-color-${status.color}-filled)`,
          '--bar-bg': `var(--mantine-color-${status.color}-light)`,
        } as CSSProperties
      }
      onClick={open}
      onKeyDown={(e: KeyboardEvent<HTMLDivElement>) => {
        drag.listeners?.onKeyDown?.(e);
        if (e.key === 'Enter' && !e.defaultPrevented && !drag.isDragging) {
          e.preventDefault();
          onOpen();
        }
      }}
    >
      <span className={classes.barTitle}>
        <span className={classes.guest}>{b.guestName}</span>
        <span className={classes.party}>×{b.partySize}</span>
        {b.specialRequests && <IconMessage2 size={13} className={classes.icon} aria-hidden />}
      </span>
      {width >= 70 && (
        <span className={classes.barTime}>
          {b.time}–{end}
        </span>
      )}
      {movable && (
        <span
          ref={resize.setNodeRef}
          {...resize.listeners}
          className={classes.handle}
          aria-hidden
          data-resize-handle
          title="Drag to change the duration"
        />
      )}
    </div>
  );
});

function LegendItem({ swatch, children }: { swatch: ReactNode; children: ReactNode }) {
  return (
    <Text size="xs" c="dimmed" component="span" className={classes.legendItem}>
      {swatch}
      {children}
    </Text>
  );
}

/** What the bar colours and patterns mean. */
export function TimelineLegend() {
  return (
    <div className={classes.legend}>
      {(['created', 'confirmed', 'seated', 'completed'] as const).map((s) => (
        <LegendItem
          key={s}
          swatch={
            <span
              className={classes.swatch}
              aria-hidden
              style={
                {
                  '--bar-color': `var(--mantine-color-${BOOKING_STATUS[s].color}-filled)`,
                  '--bar-bg': `var(--mantine-color-${BOOKING_STATUS[s].color}-light)`,
                } as CSSProperties
              }
            />
          }
        >
          {BOOKING_STATUS[s].label}
        </LegendItem>
      ))}
      <LegendItem swatch={<span className={classes.swatch} data-kind="block" aria-hidden />}>
        Blocked
      </LegendItem>
      <LegendItem swatch={<span className={classes.swatch} data-kind="closed" aria-hidden />}>
        Closed
      </LegendItem>
      <LegendItem swatch={<IconMessage2 size={13} aria-hidden />}>Special requests</LegendItem>
    </div>
  );
}
