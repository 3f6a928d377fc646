import { guests } from '@tobeout/db';
import { normalisePhone, type TGuestImportResult, ZEmail, zonedToInstant } from '@tobeout/shared';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { loadSettings } from '../availability/day';
import type { Deps, Scope } from '../deps';
import { write } from '../write';
import { unionTags } from './merge';

export type ImportRow = {
  name: string;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  language?: string | null | undefined;
  tags: string[];
  notes?: string | null | undefined;
  lastVisit?: string | null | undefined;
};

type Clean = {
  index: number;
  name: string;
  phone: string | null;
  email: string | null;
  language: string | null;
  tags: string[];
  notes: string | null;
  lastVisitAt: Date | null;
};
type Existing = typeof guests.$inferSelect;

/** Fields an import fills in: contact details only where missing, tags added, notes when empty. */
function mergeInto(existing: Existing, row: Clean): Partial<Existing> | null {
  const next = {
    email: existing.email ?? row.email,
    language: existing.language ?? row.language,
    tags: unionTags(existing.tags, row.tags),
    notes: existing.notes ?? row.notes,
    lastVisitAt:
      row.lastVisitAt && (!existing.lastVisitAt || row.lastVisitAt > existing.lastVisitAt)
        ? row.lastVisitAt
        : existing.lastVisitAt,
  };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
    (k) => JSON.stringify(next[k]) !== JSON.stringify(existing[k]),
  );
  return changed.length ? Object.fromEntries(changed.map((k) => [k, next[k]])) : null;
}

/**
 * guests.import: a batch of rows (a CSV job sends ≤ 1000 at a time). Phones are normalised; a
 * row matches an existing guest by phone, else by e-mail, else by exact name among guests without
 * a phone — so running the same file again changes nothing. Bad rows are reported by index and
 * skipped; the good ones are written in one transaction (or only counted, with dryRun).
 */
export async function importGuests(
  deps: Deps,
  scope: Scope,
  input: { rows: ImportRow[]; dryRun: boolean },
): Promise<TGuestImportResult> {
  const run = async (tx: Deps['db']) => {
    const { country, timeZone } = await loadSettings(tx, scope.restaurantId);
    const result: TGuestImportResult = { created: 0, updated: 0, unchanged: 0, errors: [] };
    const clean: Clean[] = [];
    for (const [index, row] of input.rows.entries()) {
      let phone: string | null = null;
      if (row.phone?.trim()) {
        const parsed = normalisePhone(row.phone, country);
        if (!parsed.ok) {
          result.errors.push({ index, field: 'phone', message: parsed.message });
          continue;
        }
        phone = parsed.e164;
      }
      const email = row.email?.trim() ? ZEmail.safeParse(row.email) : null;
      if (email && !email.success) {
        result.errors.push({ index, field: 'email', message: `"${row.email}" is not an e-mail address.` });
        continue;
      }
      clean.push({
        index,
        name: row.name,
        phone,
        email: email?.data ?? null,
        language: row.language?.trim().toLowerCase() || null,
        tags: row.tags.map((t) => t.trim()).filter(Boolean),
        notes: row.notes?.trim() || null,
        lastVisitAt: row.lastVisit ? zonedToInstant(row.lastVisit, '12:00', timeZone) : null,
      });
    }
    const phones = clean.flatMap((r) => (r.phone ? [r.phone] : []));
    const emails = clean.flatMap((r) => (!r.phone && r.email ? [r.email] : []));
    const names = clean.flatMap((r) => (!r.phone && !r.email ? [r.name] : []));
    const scopeWhere = eq(guests.restaurantId, scope.restaurantId);
    const existing = [
      ...(phones.length
        ? await tx
            .select()
            .from(guests)
            .where(and(scopeWhere, inArray(guests.phone, phones)))
        : []),
      ...(emails.length
        ? await tx
            .select()
            .from(guests)
            .where(and(scopeWhere, isNull(guests.phone), inArray(guests.email, emails)))
        : []),
      ...(names.length
        ? await tx
            .select()
            .from(guests)
            .where(and(scopeWhere, isNull(guests.phone), isNull(guests.email), inArray(guests.name, names)))
        : []),
    ];
    const keyOf = (r: { phone: string | null; email: string | null; name: string }) =>
      r.phone ? `p:${r.phone}` : r.email ? `e:${r.email}` : `n:${r.name}`;
    const known = new Map(existing.map((g) => [keyOf(g), g]));
    const fresh = new Map<string, Clean>();
    for (const row of clean) {
      const key = keyOf(row);
      const match = known.get(key);
      if (match) {
        const changes = mergeInto(match, row);
        if (!changes) result.unchanged++;
        else {
          result.updated++;
          Object.assign(match, changes);
          if (!input.dryRun) await tx.update(guests).set(changes).where(eq(guests.id, match.id));
        }
      } else if (fresh.has(key)) {
        // The same person twice in one file: one guest, with what both rows say.
        const first = fresh.get(key)!;
        fresh.set(key, {
          ...first,
          email: first.email ?? row.email,
          language: first.language ?? row.language,
          tags: unionTags(first.tags, row.tags),
          notes: first.notes ?? row.notes,
          lastVisitAt: first.lastVisitAt ?? row.lastVisitAt,
        });
        result.unchanged++;
      } else {
        fresh.set(key, row);
        result.created++;
      }
    }
    if (!input.dryRun && fresh.size > 0)
      await tx
        .insert(guests)
        .values(
          [...fresh.values()].map(({ index: _, ...r }) => ({ restaurantId: scope.restaurantId, ...r })),
        );
    return result;
  };
  if (input.dryRun) return run(deps.db);
  return write(deps, scope, async ({ tx, emit }) => {
    // Two imports of the same file at once must not both create: one waits for the other.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`guest-import:${scope.restaurantId}`}))`);
    const result = await run(tx as unknown as Deps['db']);
    if (result.created + result.updated > 0)
      await emit({
        type: 'guests.imported',
        payload: { created: result.created, updated: result.updated, errors: result.errors.length },
      });
    return result;
  });
}
