import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Transform } from 'node:stream';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { parse } from 'csv-parse';
import { clientFromEnv } from '../lib/cli';
import { type Field, mapColumns, parseMap, type RowError, toRow } from '../lib/guest-csv';

/**
 * Imports guests from a CSV file through the typed client.
 *
 *   TOBEOUT_TOKEN=tbo_… npm run job:import-guests -- guests.csv [--dry-run] [--map phone=Mobile,name=Guest]
 *
 * Columns are recognised by their header (name or first/last name, phone, email, language,
 * tags, notes, last visit); --map names them when the file uses other words. Phones are
 * normalised by the server with the restaurant's country; guests are matched by phone (then
 * e-mail, then name), so running the same file again changes nothing. Bad rows are reported
 * with their line number and skipped; --dry-run prints what would change and writes nothing.
 */

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      map: { type: 'string' },
      delimiter: { type: 'string', default: ',' },
      batch: { type: 'string', default: '500' },
    },
  });
  // npm runs workspace scripts in the workspace folder: resolve the path from where it was typed.
  const file = positionals[0] && resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]);
  if (!file) {
    console.error(
      'Usage: npm run job:import-guests -- <file.csv> [--dry-run] [--map field=Column,…] [--delimiter ;]',
    );
    process.exit(2);
  }
  const dryRun = values['dry-run'];
  const batchSize = Math.min(1000, Math.max(1, Number(values.batch)));
  const overrides = parseMap(values.map);
  const api = clientFromEnv();

  const total = statSync(file).size;
  let read = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      read += chunk.length;
      done(null, chunk);
    },
  });
  const bar = new SingleBar({
    format: 'importing [{bar}] {percentage}% | {rows} rows | {errors} errors',
    stream: process.stderr,
    noTTYOutput: false,
    hideCursor: true,
  });
  if (process.stderr.isTTY) bar.start(total, 0, { rows: 0, errors: 0 });

  const parser = createReadStream(file)
    .pipe(counter)
    .pipe(
      parse({
        bom: true,
        columns: true,
        delimiter: values.delimiter,
        skip_empty_lines: true,
        trim: true,
        info: true,
        relax_column_count: true,
      }),
    );

  const totals = { created: 0, updated: 0, unchanged: 0 };
  const errors: RowError[] = [];
  let rows = 0;
  let map: Partial<Record<Field, string>> | null = null;
  let batch: { line: number; row: NonNullable<ReturnType<typeof toRow>['row']> }[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const result = await api.guests.import.mutate({ rows: batch.map((b) => b.row), dryRun });
    totals.created += result.created;
    totals.updated += result.updated;
    totals.unchanged += result.unchanged;
    for (const e of result.errors)
      errors.push({ line: batch[e.index]!.line, field: e.field, message: e.message });
    batch = [];
  };

  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    map ??= mapColumns(Object.keys(record), overrides);
    rows++;
    const parsed = toRow(record, map);
    if (parsed.error) errors.push({ line: info.lines, ...parsed.error });
    else batch.push({ line: info.lines, row: parsed.row });
    if (batch.length >= batchSize) await flush();
    if (process.stderr.isTTY) bar.update(read, { rows, errors: errors.length });
  }
  await flush();
  if (process.stderr.isTTY) {
    bar.update(total, { rows, errors: errors.length });
    bar.stop();
  }

  errors.sort((a, b) => a.line - b.line);
  for (const e of errors.slice(0, 100)) console.error(`line ${e.line}: ${e.field}: ${e.message}`);
  if (errors.length > 100) console.error(`… and ${errors.length - 100} more`);
  const verb = dryRun ? 'would create' : 'created';
  console.log(
    `${dryRun ? '[dry run] ' : ''}${rows} rows: ${verb} ${totals.created}, ${dryRun ? 'would update' : 'updated'} ${totals.updated}, unchanged ${totals.unchanged}, ${errors.length} with errors`,
  );
  process.exitCode = errors.length > 0 ? 1 : 0;
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(2);
});
