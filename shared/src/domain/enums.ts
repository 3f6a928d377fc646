/** Domain enums shared by the database schema, the API and the client. */

export const ROLES = ['owner', 'manager', 'staff'] as const;
export type TRole = (typeof ROLES)[number];

/** Higher rank may do everything a lower rank may. */
export const ROLE_RANK: Record<TRole, number> = { staff: 1, manager: 2, owner: 3 };

export function roleAtLeast(role: TRole, required: TRole): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[required];
}

export const TABLE_SHAPES = ['round', 'square', 'rectangle'] as const;
export type TTableShape = (typeof TABLE_SHAPES)[number];

export const RESERVATION_STATUSES = [
  'created',
  'confirmed',
  'seated',
  'completed',
  'canceled',
  'no_show',
] as const;
export type TReservationStatus = (typeof RESERVATION_STATUSES)[number];

export const RESERVATION_SOURCES = ['staff', 'phone', 'online', 'walk_in', 'ai', 'import'] as const;
export type TReservationSource = (typeof RESERVATION_SOURCES)[number];
