/**
 * Every event type the server emits, with the entity it belongs to and the words people read
 * in the activity log and in live notifications. The server's mutation test checks that each
 * mutation emits one of these; the client builds its filters and messages from this list.
 */
export const EVENT_TYPES = {
  'restaurant.updated': { entity: 'restaurant', label: 'Restaurant settings changed' },
  'hours.set': { entity: 'hours', label: 'Opening hours changed' },
  'specialDay.set': { entity: 'specialDay', label: 'Special day set' },
  'specialDay.deleted': { entity: 'specialDay', label: 'Special day removed' },
  'member.added': { entity: 'member', label: 'Member added' },
  'member.roleChanged': { entity: 'member', label: 'Member role changed' },
  'member.removed': { entity: 'member', label: 'Member removed' },
  'token.created': { entity: 'token', label: 'API token created' },
  'token.revoked': { entity: 'token', label: 'API token revoked' },
  'table.created': { entity: 'table', label: 'Table added' },
  'table.updated': { entity: 'table', label: 'Table changed' },
  'table.deactivated': { entity: 'table', label: 'Table deactivated' },
  'table.reactivated': { entity: 'table', label: 'Table reactivated' },
  'tables.reordered': { entity: 'table', label: 'Tables reordered' },
  'tables.sectionRenamed': { entity: 'table', label: 'Section renamed' },
  'tables.moved': { entity: 'table', label: 'Floor plan rearranged' },
  'floor.updated': { entity: 'floor', label: 'Room size changed' },
  'combination.created': { entity: 'combination', label: 'Combination added' },
  'combination.updated': { entity: 'combination', label: 'Combination changed' },
  'combination.deleted': { entity: 'combination', label: 'Combination removed' },
  'table.blocked': { entity: 'block', label: 'Table blocked' },
  'table.unblocked': { entity: 'block', label: 'Table block released' },
  'hold.created': { entity: 'hold', label: 'Tables held' },
  'hold.released': { entity: 'hold', label: 'Hold released' },
  'booking.created': { entity: 'booking', label: 'Booking created' },
  'booking.updated': { entity: 'booking', label: 'Booking changed' },
  'booking.moved': { entity: 'booking', label: 'Booking moved' },
  'booking.statusChanged': { entity: 'booking', label: 'Booking status changed' },
  'booking.canceled': { entity: 'booking', label: 'Booking canceled' },
  'guest.created': { entity: 'guest', label: 'Guest added' },
  'guest.updated': { entity: 'guest', label: 'Guest changed' },
  'guest.merged': { entity: 'guest', label: 'Guests merged' },
  'guests.imported': { entity: 'guest', label: 'Guests imported' },
} as const satisfies Record<string, { entity: string; label: string }>;

export type TEventType = keyof typeof EVENT_TYPES;

/** The entities events are about, as the activity log filters them. */
export const EVENT_ENTITIES = {
  booking: 'Bookings',
  hold: 'Holds',
  guest: 'Guests',
  table: 'Tables',
  block: 'Blocks',
  combination: 'Combinations',
  floor: 'Floor',
  restaurant: 'Restaurant',
  hours: 'Opening hours',
  specialDay: 'Special days',
  member: 'Members',
  token: 'API tokens',
} as const;

export type TEventEntity = keyof typeof EVENT_ENTITIES;

export function isEventType(type: string): type is TEventType {
  return Object.hasOwn(EVENT_TYPES, type);
}
