import { AppError } from '../domain/errors';

/**
 * An event's position in the commit-safe order: (transaction id, event id). Serialised as
 * "<txId>.<id>" — opaque to clients, who only hand it back as lastEventId.
 */
export type Cursor = { txId: string; id: number };

export function encodeCursor(c: Cursor): string {
  return `${c.txId}.${c.id}`;
}

export function decodeCursor(s: string): Cursor {
  const m = /^(\d{1,20})\.(\d{1,19})$/.exec(s);
  if (!m) throw AppError.field('lastEventId', 'Not an event cursor from this server.', 'INVALID_CURSOR');
  return { txId: m[1]!, id: Number(m[2]) };
}

export function cursorAfter(a: Cursor, b: Cursor): boolean {
  const ta = BigInt(a.txId);
  const tb = BigInt(b.txId);
  return ta > tb || (ta === tb && a.id > b.id);
}
