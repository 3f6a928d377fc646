import { RESERVATION_SOURCES, RESERVATION_STATUSES, ROLES, TABLE_SHAPES } from '@tobeout/shared';
import { pgEnum } from 'drizzle-orm/pg-core';

export const roleEnum = pgEnum('role', ROLES);
export const tableShapeEnum = pgEnum('table_shape', TABLE_SHAPES);
export const reservationStatusEnum = pgEnum('reservation_status', RESERVATION_STATUSES);
export const reservationSourceEnum = pgEnum('reservation_source', RESERVATION_SOURCES);
