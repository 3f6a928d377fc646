import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  type Modifier,
  useDraggable,
} from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import { Group, Skeleton, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { TTable } from '@tobeout/shared';
import {
  type ComponentPropsWithRef,
  type CSSProperties,
  createContext,
  Fragment,
  type KeyboardEvent,
  type ReactElement,
  type ReactNode,
  useContext,
  useMemo,
  useRef,
} from 'react';
import { CLICK_AFTER_DROP_MS, useDragSensors } from '../../lib/dnd';
import classes from './FloorCanvas.module.css';
import {
  dropPosition,
  fitScale,
  formatRoomSize,
  GRID_CM,
  offsetPx,
  type Point,
  type Rect,
  rectToPx,
  SECTION_PADDING_CM,
  type Size,
  SNAP_CM,
  seatsLabel,
  sectionBoxes,
  tableAriaLabel,
  tableRect,
} from './geometry';

/** What a table is doing at the moment shown (the bookings screens colour tables with it). */
export type TableStatus = 'free' | 'reserved' | 'occupied' | 'blocked' | 'closed';

export const STATUS_LABELS: Record<TableStatus, string> = {
  free: 'Free',
  reserved: 'Reserved',
  occupied: 'Occupied',
  blocked: 'Blocked',
  closed: 'Closed',
};

export type FloorCanvasProps = {
  /** Room size in cm. */
  floor: Size;
  /** The tables to draw (usually the active ones). */
  tables: readonly TTable[];
  /** Positions that override the tables' own (unsaved moves). */
  positions?: ReadonlyMap<string, Point>;
  /** Highlight one section: tables and areas of the others are dimmed. */
  section?: string | null;
  statusOf?: (tableId: string) => TableStatus | undefined;
  /** How many tables are in each status (shown in the legend). */
  statusCounts?: Partial<Record<TableStatus, number>>;
  /** Wraps each (non-editable) table, e.g. in a hover card; the table element takes a ref. */
  wrapTable?: (table: TTable, element: ReactElement) => ReactNode;
  onTableClick?: (table: TTable) => void;
  /** Tables can be dragged (mouse, touch, keyboard); drops go to onTableMove. */
  editable?: boolean;
  onTableMove?: (tableId: string, to: Point) => void;
  /** The table whose details are open. */
  selectedId?: string | null;
  /** A fixed width in px instead of the container's. */
  width?: number;
  /** The plan is scaled down to be at most this tall (px), so the whole room is in view. */
  maxHeight?: number;
};

/** The room's border (px), drawn outside the plan area. */
const WALL_PX = 3;
/** Height (px) a section label needs above its tables. */
const LABEL_PX = 22;
const SECTION_COLORS = ['blue', 'grape', 'teal', 'orange', 'cyan', 'pink', 'lime', 'violet'] as const;

/**
 * The floor plan: the room to scale with a 50 cm grid, sections as labelled dashed areas and
 * each table at its centre, sized by its shape and seats. Fits the container's width.
 */
export function FloorCanvas(props: FloorCanvasProps) {
  const { floor, tables, positions, section = null, editable = false } = props;
  const { ref, width: measured } = useElementSize<HTMLDivElement>();
  const available = (props.width ?? measured) - 2 * WALL_PX;
  const scale = fitScale(available, floor, props.maxHeight);

  const placed = useMemo(() => tables.map((t) => ({ ...t, ...positions?.get(t.id) })), [tables, positions]);
  const boxes = useMemo(
    () => sectionBoxes(placed, floor, SECTION_PADDING_CM, Math.max(SECTION_PADDING_CM, LABEL_PX / scale)),
    [placed, floor, scale],
  );
  const sectionNames = useMemo(() => boxes.map((b) => b.name), [boxes]);

  const roomPx = { width: floor.width * scale, height: floor.height * scale };
  const renderTable = (t: TTable) => {
    const visual: TableVisual = {
      table: t,
      rect: rectToPx(tableRect(t), scale),
      status: props.statusOf?.(t.id),
      dimmed: section !== null && t.section !== section,
      moved: positions?.has(t.id) ?? false,
      selected: props.selectedId === t.id,
    };
    const open = props.onTableClick ? () => props.onTableClick?.(t) : undefined;
    if (editable) return <DraggableTable key={t.id} visual={visual} onOpen={open} />;
    const element = <StaticTable visual={visual} onOpen={open} />;
    return <Fragment key={t.id}>{props.wrapTable ? props.wrapTable(t, element) : element}</Fragment>;
  };

  let body: ReactNode;
  if (available <= 0) {
    body = <Skeleton height={320} radius="md" aria-label="Loading floor plan" />;
  } else {
    body = (
      // biome-ignore lint/a11y/useSemanticElements: a labelled group of tables, not a form fieldset
      <div
        role="group"
        aria-label={`Floor plan, ${formatRoomSize(floor)}`}
        className={classes.room}
        data-scale={scale.toFixed(4)}
        style={{
          width: roomPx.width,
          height: roomPx.height,
          backgroundSize: `${GRID_CM * scale}px ${GRID_CM * scale}px`,
        }}
      >
        {boxes.map((b) => (
          <SectionArea
            key={b.name}
            name={b.name}
            rect={rectToPx(b.rect, scale)}
            color={SECTION_COLORS[sectionNames.indexOf(b.name) % SECTION_COLORS.length]!}
            dimmed={section !== null && b.name !== section}
          />
        ))}
        {editable ? (
          <DraggableLayer tables={placed} scale={scale} floor={floor} onMove={props.onTableMove}>
            {placed.map(renderTable)}
          </DraggableLayer>
        ) : (
          placed.map(renderTable)
        )}
      </div>
    );
  }

  return (
    <div>
      <div ref={ref} className={classes.viewport}>
        {body}
      </div>
      {props.statusOf && <StatusLegend counts={props.statusCounts} />}
    </div>
  );
}

function SectionArea({
  name,
  rect,
  color,
  dimmed,
}: {
  name: string;
  rect: Rect;
  color: string;
  dimmed: boolean;
}) {
  return (
    <div
      className={classes.section}
      aria-hidden
      data-section={name}
      data-dimmed={dimmed || undefined}
      style={
        {
          left: rect.left,
          top: rect.top,
          width: rect.width,
          height: rect.height,
          '--section-color': `var(--mantine-color-${color}-light-color)`,
          '--section-bg': `color-mix(in srgb, var(--mantine-color-${color}-filled) 7%, transparent)`,
        } as CSSProperties
      }
    >
      <span className={classes.sectionLabel}>{name}</span>
    </div>
  );
}

type TableVisual = {
  table: TTable;
  /** Footprint in px. */
  rect: Rect;
  status: TableStatus | undefined;
  dimmed: boolean;
  moved: boolean;
  selected: boolean;
};

/** The props every table element shares: position, size, shape, state and its label. */
function tableProps(v: TableVisual, extra: { dragging?: boolean; editable?: boolean; interactive: boolean }) {
  const { table: t, rect } = v;
  const small = Math.min(rect.width, rect.height);
  // Readable, but shrunk (to 9 px at least) so short names still fit tiny tables on phones.
  const fitsName = (rect.width - 6) / (Math.max(2, t.name.length) * 0.7);
  const fontSize = Math.max(9, Math.min(16, Math.max(11, small * 0.24), fitsName));
  const statusText = v.status ? `, ${STATUS_LABELS[v.status].toLowerCase()}` : '';
  return {
    className: classes.table,
    'aria-label': `${tableAriaLabel(t)}${statusText}`,
    'data-table-id': t.id,
    'data-x': t.x,
    'data-y': t.y,
    'data-shape': t.shape,
    'data-status': v.status,
    'data-dimmed': v.dimmed || undefined,
    'data-moved': v.moved || undefined,
    'data-selected': v.selected || undefined,
    'data-dragging': extra.dragging || undefined,
    'data-editable': extra.editable || undefined,
    'data-interactive': extra.interactive || undefined,
    style: {
      left: rect.left,
      top: rect.top,
      width: rect.width,
      height: rect.height,
      fontSize,
    } satisfies CSSProperties,
    children: (
      <>
        <span className={classes.name}>{t.name}</span>
        {small >= 36 && <span className={classes.seats}>{seatsLabel(t)}</span>}
      </>
    ),
  };
}

/** A table in view mode; extra props (a hover card's ref and events) go to its element. */
function StaticTable({
  visual,
  onOpen,
  ...extra
}: { visual: TableVisual; onOpen?: () => void } & ComponentPropsWithRef<'button'>) {
  if (!onOpen)
    return (
      <div
        role="img"
        {...(extra as ComponentPropsWithRef<'div'>)}
        {...tableProps(visual, { interactive: false })}
      />
    );
  return (
    <button
      type="button"
      {...extra}
      onClick={(e) => {
        extra.onClick?.(e);
        onOpen();
      }}
      {...tableProps(visual, { interactive: true })}
    />
  );
}

function DraggableLayer({
  tables,
  scale,
  floor,
  onMove,
  children,
}: {
  tables: readonly TTable[];
  scale: number;
  floor: Size;
  onMove?: (tableId: string, to: Point) => void;
  children: ReactNode;
}) {
  const byId = useMemo(() => new Map(tables.map((t) => [t.id, t])), [tables]);
  const live = useRef({ byId, scale, floor });
  live.current = { byId, scale, floor };

  const sensors = useDragSensors(
    () => {
      const step = SNAP_CM * live.current.scale;
      return { x: step, y: step };
    },
    { delay: 150, tolerance: 5 },
  );

  /** While dragging, show the table where it would land: snapped and inside the room. */
  const snapToLanding: Modifier = ({ transform, active }) => {
    const t = active ? live.current.byId.get(String(active.id)) : undefined;
    if (!t) return transform;
    const to = dropPosition(t, t, transform, live.current.scale, live.current.floor);
    return { ...transform, ...offsetPx(t, to, live.current.scale) };
  };

  const nameOf = (id: string | number) => byId.get(String(id))?.name ?? 'the table';
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up table ${nameOf(active.id)}. Arrow keys move it by ${SNAP_CM} cm; Space drops it, Escape cancels.`,
    onDragOver: () => undefined,
    onDragEnd: ({ active }) =>
      `Table ${nameOf(active.id)} dropped. Save the layout to keep the new position.`,
    onDragCancel: ({ active }) => `Moving table ${nameOf(active.id)} was cancelled; it is back in its place.`,
  };

  const lastDrop = useRef(-Infinity);
  const onDragEnd = ({ active, delta }: DragEndEvent) => {
    lastDrop.current = performance.now();
    const t = byId.get(String(active.id));
    if (!t) return;
    const to = dropPosition(t, t, delta, scale, floor);
    if (to.x !== t.x || to.y !== t.y) onMove?.(t.id, to);
  };

  return (
    <DndContext
      sensors={sensors}
      // Scroll a plan wider than the screen sideways while dragging, but never the page up or
      // down: the whole room is in view, and a scrolling page would carry the table further.
      autoScroll={{ threshold: { x: 0.15, y: 0 } }}
      modifiers={[snapToLanding]}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        lastDrop.current = performance.now();
      }}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            'Press Space to pick up this table, move it with the arrow keys, then press Space to drop it or Escape to cancel. Press Enter to edit the table.',
        },
      }}
    >
      <DropClock.Provider value={lastDrop}>{children}</DropClock.Provider>
    </DndContext>
  );
}

/** When the last drag ended (performance.now()), for telling drops from clicks. */
const DropClock = createContext<{ current: number }>({ current: -Infinity });

function DraggableTable({ visual, onOpen }: { visual: TableVisual; onOpen?: () => void }) {
  const lastDrop = useContext(DropClock);
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: visual.table.id,
    attributes: { roleDescription: 'movable table' },
  });
  const props = tableProps(visual, { dragging: isDragging, editable: true, interactive: true });
  const open = () => {
    if (!isDragging && performance.now() - lastDrop.current > CLICK_AFTER_DROP_MS) onOpen?.();
  };
  return (
    // A div, not a <button>: Space must pick the table up rather than click it.
    // biome-ignore lint/a11y/useSemanticElements: see above; role and tabIndex as dnd-kit sets them
    <div
      ref={setNodeRef}
      {...attributes}
      role="button"
      tabIndex={0}
      {...listeners}
      {...props}
      style={{ ...props.style, transform: CSS.Translate.toString(transform) }}
      onClick={open}
      onKeyDown={(e: KeyboardEvent<HTMLDivElement>) => {
        listeners?.onKeyDown?.(e);
        if (e.key === 'Enter' && !e.defaultPrevented && !isDragging) {
          e.preventDefault();
          onOpen?.();
        }
      }}
    />
  );
}

/** What the status colours mean (shown when the plan is coloured by status), with counts if given. */
function StatusLegend({ counts }: { counts?: Partial<Record<TableStatus, number>> }) {
  return (
    <Group gap="md" mt="xs" aria-label="Table colours">
      {(Object.keys(STATUS_LABELS) as TableStatus[]).map((s) => (
        <Group key={s} gap={6} wrap="nowrap">
          <span className={classes.dot} data-status={s} aria-hidden />
          <Text size="xs" c="dimmed">
            {counts ? (
              <>
                <Text span inherit fw={700} c="var(--mantine-color-text)">
                  {counts[s] ?? 0}
                </Text>{' '}
                {STATUS_LABELS[s].toLowerCase()}
              </>
            ) : (
              STATUS_LABELS[s]
            )}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
