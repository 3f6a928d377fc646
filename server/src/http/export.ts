import type http from 'node:http';
import { guests } from '@tobeout/db';
import { ZGuestFilters } from '@tobeout/shared';
import { stringify } from 'csv-stringify/sync';
import { and, asc, sql } from 'drizzle-orm';
import { resolvePrincipal } from '../auth/principal';
import { scopeOf } from '../auth/scope';
import { loadSettings } from '../domain/availability/day';
import { AppError } from '../domain/errors';
import { guestFilter } from '../domain/guests/query';
import type { AppServices } from '../trpc/context';

const PAGE = 1000;
const HEADER = [
  'Name',
  'Phone',
  'Email',
  'Language',
  'Tags',
  'Visits',
  'No-shows',
  'Cancellations',
  'Last visit',
  'Notes',
  'Created',
];

/** Filters from the query string, validated by the same schema as guests.list. */
function filtersOf(url: URL) {
  const raw = Object.fromEntries(url.searchParams);
  return ZGuestFilters.parse({
    ...raw,
    minVisits: raw.minVisits === undefined ? undefined : Number(raw.minVisits),
  });
}

function write(res: http.ServerResponse, chunk: string): Promise<void> {
  return res.write(chunk) ? Promise.resolve() : new Promise((r) => res.once('drain', r));
}

/**
 * GET /export/guests.csv?q=…&segment=…: every guest matching the filters as CSV (UTF-8 with BOM so
 * Excel reads it, RFC 4180 quoting), streamed page by page with keyset pagination — memory stays
 * flat however many guests there are, and a slow client slows the reads (backpressure).
 * Authenticated like the API: the session cookie or `Authorization: Bearer`; manager or above.
 */
export async function exportGuestsCsv(
  services: AppServices,
  req: http.IncomingMessage,
  res: http.ServerResponse,
) {
  const fail = (status: number, message: string) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: message }));
  };
  let filters: ReturnType<typeof filtersOf>;
  let restaurantId: string;
  let timeZone: string;
  try {
    const auth = await resolvePrincipal(
      services.deps.db,
      services.lucia,
      { authorization: req.headers.authorization, cookie: req.headers.cookie },
      services.deps.tokens,
    );
    if (!auth.principal) return fail(401, 'Sign in or send an API token.');
    restaurantId = (await scopeOf(services.deps.db, auth.principal, 'manager')).restaurantId;
    filters = filtersOf(new URL(req.url ?? '/', 'http://x'));
    timeZone = (await loadSettings(services.deps.db, restaurantId)).timeZone;
  } catch (err) {
    if (err instanceof AppError) return fail(err.reason === 'ROLE_REQUIRED' ? 403 : 400, err.message);
    if ((err as { issues?: unknown }).issues) return fail(400, 'Invalid filters.');
    throw err;
  }
  const day = new Date().toISOString().slice(0, 10);
  res.writeHead(200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="guests-${day}.csv"`,
    'Cache-Control': 'no-store',
  });
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  await write(res, `\uFEFF${stringify([HEADER])}`);
  const where = guestFilter(restaurantId, filters, timeZone);
  let after: { name: string; id: string } | null = null;
  while (!closed) {
    const rows: (typeof guests.$inferSelect)[] = await services.deps.db
      .select()
      .from(guests)
      .where(
        and(
          where,
          after
            ? sql`(lower(${guests.name}), ${guests.id}) > (lower(${after.name}), ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(asc(sql`lower(${guests.name})`), asc(guests.id))
      .limit(PAGE);
    if (rows.length === 0) break;
    await write(
      res,
      stringify(
        rows.map((g) => [
          g.name,
          g.phone ?? '',
          g.email ?? '',
          g.language ?? '',
          g.tags.join(', '),
          g.visitCount,
          g.noShowCount,
          g.cancelCount,
          g.lastVisitAt?.toISOString() ?? '',
          g.notes ?? '',
          g.createdAt.toISOString(),
        ]),
      ),
    );
    const last = rows[rows.length - 1]!;
    after = { name: last.name, id: last.id };
    if (rows.length < PAGE) break;
  }
  res.end();
}
