import { ZDate } from '@tobeout/shared';

/** Reading guest CSV files: which column is which field, and a record → an import row. */

export const FIELDS = [
  'name',
  'firstName',
  'lastName',
  'phone',
  'email',
  'language',
  'tags',
  'notes',
  'lastVisit',
] as const;
export type Field = (typeof FIELDS)[number];

const SYNONYMS: Record<Field, string[]> = {
  name: ['name', 'full name', 'guest', 'guest name', 'customer'],
  firstName: ['first name', 'firstname', 'given name'],
  lastName: ['last name', 'lastname', 'surname', 'family name'],
  phone: ['phone', 'mobile', 'tel', 'telephone', 'phone number', 'cell'],
  email: ['email', 'e-mail', 'mail', 'email address'],
  language: ['language', 'lang'],
  tags: ['tags', 'labels'],
  notes: ['notes', 'note', 'comments', 'remarks'],
  lastVisit: ['last visit', 'last_visit', 'lastvisit', 'last visited'],
};

const norm = (h: string) => h.trim().toLowerCase().replace(/[_-]+/g, ' ');

/** Which header holds which field: --map wins, then the synonyms. */
export function mapColumns(
  headers: string[],
  overrides: Partial<Record<Field, string>>,
): Partial<Record<Field, string>> {
  const map: Partial<Record<Field, string>> = {};
  for (const field of FIELDS) {
    const wanted = overrides[field];
    const header = wanted
      ? headers.find((h) => norm(h) === norm(wanted))
      : headers.find((h) => SYNONYMS[field].includes(norm(h)));
    if (wanted && !header)
      throw new Error(`--map ${field}=${wanted}: no such column (columns: ${headers.join(', ')})`);
    if (header) map[field] = header;
  }
  if (!map.name && !(map.firstName || map.lastName))
    throw new Error(
      `No name column found (columns: ${headers.join(', ')}); name one with --map name=<column>`,
    );
  return map;
}

export type RowError = { line: number; field: string; message: string };

/** A CSV record → an import row, or why not. */
export function toRow(record: Record<string, string>, map: Partial<Record<Field, string>>) {
  const get = (f: Field) => (map[f] ? (record[map[f]] ?? '').trim() : '');
  const name = get('name') || [get('firstName'), get('lastName')].filter(Boolean).join(' ');
  if (!name) return { error: { field: 'name', message: 'The name is empty.' } };
  const lastVisit = get('lastVisit');
  if (lastVisit && !ZDate.safeParse(lastVisit.slice(0, 10)).success)
    return { error: { field: 'lastVisit', message: `"${lastVisit}" is not a date: use YYYY-MM-DD.` } };
  return {
    row: {
      name,
      phone: get('phone') || null,
      email: get('email') || null,
      language: get('language') || null,
      tags: get('tags')
        .split(/[,;|]/)
        .map((t) => t.trim())
        .filter(Boolean),
      notes: get('notes') || null,
      lastVisit: lastVisit ? lastVisit.slice(0, 10) : null,
    },
  };
}

export function parseMap(spec: string | undefined): Partial<Record<Field, string>> {
  if (!spec) return {};
  return Object.fromEntries(
    spec.split(',').map((pair) => {
      const [field, column] = pair.split('=').map((s) => s.trim());
      if (!field || !column || !(FIELDS as readonly string[]).includes(field))
        throw new Error(`--map: "${pair}" is not field=column (fields: ${FIELDS.join(', ')})`);
      return [field, column];
    }),
  );
}
