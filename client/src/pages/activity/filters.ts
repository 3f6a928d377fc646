import {
  EVENT_ENTITIES,
  EVENT_TYPES,
  isEventType,
  type TEventEntity,
  type TEventLogInput,
  type TEventType,
} from '@tobeout/shared';

/** The activity log's filters as the page holds them (null: any). Dates are restaurant-local days. */
export type ActivityFilterValues = {
  entity: TEventEntity | null;
  type: TEventType | null;
  actorId: string | null;
  from: string | null;
  to: string | null;
};

export const NO_FILTERS: ActivityFilterValues = {
  entity: null,
  type: null,
  actorId: null,
  from: null,
  to: null,
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isEventEntity(value: string): value is TEventEntity {
  return Object.hasOwn(EVENT_ENTITIES, value);
}

export const ENTITY_OPTIONS = Object.entries(EVENT_ENTITIES).map(([value, label]) => ({ value, label }));

const TYPES = Object.entries(EVENT_TYPES) as [TEventType, (typeof EVENT_TYPES)[TEventType]][];

/** The event types to choose from: those of one entity, or all of them grouped by entity. */
export function typeOptions(entity: TEventEntity | null) {
  const option = ([value, t]: (typeof TYPES)[number]) => ({ value, label: t.label });
  if (entity) return TYPES.filter(([, t]) => t.entity === entity).map(option);
  return ENTITY_OPTIONS.map((e) => ({
    group: e.label,
    items: TYPES.filter(([, t]) => t.entity === e.value).map(option),
  })).filter((g) => g.items.length > 0);
}

/** Another entity: a chosen type of a different entity no longer applies. */
export function withEntity(f: ActivityFilterValues, entity: TEventEntity | null): ActivityFilterValues {
  const keepType = f.type !== null && (entity === null || EVENT_TYPES[f.type].entity === entity);
  return { ...f, entity, type: keepType ? f.type : null };
}

/** How many filters are set (a date range counts once). */
export function countFilters(f: ActivityFilterValues): number {
  return [f.entity, f.type, f.actorId, f.from ?? f.to].filter((v) => v !== null).length;
}

/** events.log input: only the filters that are set. */
export function toLogInput(f: ActivityFilterValues, limit: number): TEventLogInput {
  const input: TEventLogInput = { limit };
  if (f.entity) input.entity = f.entity;
  if (f.type) input.type = f.type;
  if (f.actorId) input.actorId = f.actorId;
  if (f.from) input.from = f.from;
  if (f.to) input.to = f.to;
  return input;
}

/** Filters from the page address (anything malformed or contradictory is dropped, never sent). */
export function fromSearchParams(params: URLSearchParams): ActivityFilterValues {
  const get = (key: string) => params.get(key)?.trim() || null;
  const entity = get('entity');
  const type = get('type');
  const actor = get('actor');
  const from = get('from');
  const to = get('to');
  const validEntity = entity && isEventEntity(entity) ? entity : null;
  const validFrom = from && DATE.test(from) ? from : null;
  const validTo = to && DATE.test(to) && (!validFrom || validFrom <= to) ? to : null;
  return withEntity(
    {
      entity: null,
      type: type && isEventType(type) ? type : null,
      actorId: actor && actor.length <= 100 ? actor : null,
      from: validFrom,
      to: validTo,
    },
    validEntity,
  );
}

/** The page address for the filters (short names, in a fixed order). */
export function toSearchParams(f: ActivityFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  const pairs: [string, string | null][] = [
    ['entity', f.entity],
    ['type', f.type],
    ['actor', f.actorId],
    ['from', f.from],
    ['to', f.to],
  ];
  for (const [key, value] of pairs) if (value) params.set(key, value);
  return params;
}
