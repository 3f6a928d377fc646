import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { clientFromEnv } from '../lib/cli';

/**
 * Exports the audit log (events) as JSON Lines, page by page in commit order.
 *
 *   TOBEOUT_TOKEN=tbo_… npm run job:export-events -- --out events.jsonl [--after <cursor>] [--follow]
 *
 * The last line's `cursor` can be passed as --after next time to export only what is new;
 * --follow keeps streaming live events after the backlog (Ctrl-C to stop).
 */
async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      after: { type: 'string' },
      follow: { type: 'boolean', default: false },
    },
  });
  const api = clientFromEnv();
  const out = values.out
    ? createWriteStream(resolve(process.env.INIT_CWD ?? process.cwd(), values.out), {
        flags: values.after ? 'a' : 'w',
      })
    : process.stdout;
  const writeLine = (line: string) =>
    new Promise<void>((resolve, reject) => out.write(`${line}\n`, (err) => (err ? reject(err) : resolve())));

  let after: string | null = values.after ?? null;
  let count = 0;
  for (;;) {
    const page = await api.events.list.query({ after, limit: 1000 });
    for (const e of page.items) await writeLine(JSON.stringify(e));
    count += page.items.length;
    after = page.items.at(-1)?.cursor ?? after;
    if (!page.nextCursor) break;
  }
  console.error(`exported ${count} events${after ? ` (resume with --after ${after})` : ''}`);

  if (values.follow) {
    console.error('following live events… (Ctrl-C to stop)');
    await new Promise<void>((resolve, reject) => {
      const sub = api.events.stream.subscribe(
        { lastEventId: after },
        {
          // A batch of events in commit order: one line each.
          onData: ({ data }) => void writeLine(data.map((e) => JSON.stringify(e)).join('\n')),
          onError: reject,
        },
      );
      process.once('SIGINT', () => {
        sub.unsubscribe();
        resolve();
      });
    });
  }
  if (out !== process.stdout) out.end();
}

main().catch((err: unknown) => {
  console.error(`export failed: ${(err as Error).message}`);
  process.exit(1);
});
