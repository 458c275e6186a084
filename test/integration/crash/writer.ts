// The process the crash test kills (run.ts bundles it and runs it as a child): it writes
// through the contract without end, as the app would, and says on stdout what it is about
// to write (`try …`) and what the contract acknowledged (`ack …`). Whatever moment the
// SIGKILL lands on, the parent then knows what must have survived and what may have.
//
//   try create <title>        ack create <id>
//   try update <id> <title>   ack update <id> <title>
//   try delete <id>           ack delete <id>
//   try import <id> <title>   (one line per record)   ack import <id> <id> …
//
// The title is always last, so it may hold spaces; ids never do.
//
// Usage: node writer.cjs <dataDir> <seed>   (the data dir already has its profile)
import fs from 'node:fs';
import { createCore } from '../../../electron/core';
import type { ActivityRow } from '../../../shared/contract';
import type { ActivityInput } from '../../../shared/schemas';
import { makeActivity, rng } from '../../fixtures/activities';

const TITLES = [
  'Tuyên truyền lưu động phòng, chống mua bán người tại chợ phiên',
  'Nói chuyện chuyên đề về tác hại của ma túy cho học sinh',
  'Phát tờ rơi cảnh báo thủ đoạn lừa đảo đưa người qua biên giới',
  'Chiếu phim “Bẫy tình” lồng ghép hỏi đáp về phòng, chống tội phạm',
  'Họp thôn phổ biến đường dây nóng 111 và cách trình báo',
  'Treo băng rôn “Hãy cảnh giác với việc làm lương cao ở nước ngoài”',
];

const [dataDir, seedText] = process.argv.slice(2);
if (dataDir === undefined || seedText === undefined) {
  fs.writeSync(2, 'usage: writer <dataDir> <seed>\n');
  process.exit(2);
}
const random = rng(Number(seedText));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/**
 * fs.writeSync, not process.stdout: the line must be out before the next write starts,
 * and a pipe's stream may buffer. A short or refused (EAGAIN) write is retried; if the
 * kill cuts a line, the parent ignores the unfinished line, which only makes it expect less.
 */
function say(lines: string[]): void {
  const bytes = Buffer.from(lines.map((l) => `${l}\n`).join(''));
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += fs.writeSync(1, bytes, offset);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
    }
  }
}

const core = createCore({ dataDir, mode: 'cli', source: 'crash-test' });

/** Every write must be acknowledged: a refusal is a failure of the run, not a kill point. */
async function write(method: string, input: unknown): Promise<unknown> {
  const r = await core.call(method, input);
  if (!r.ok) {
    fs.writeSync(2, `${method} refused: ${r.error.code} ${r.error.message}\n`);
    process.exit(1);
  }
  return r.value;
}

/** Acknowledged and not deleted: what updates, deletes and imports may touch. */
const live = new Map<string, ActivityInput>();
let serial = 0;

function fresh(): ActivityInput {
  serial++;
  const { id: _id, ...input } = makeActivity(serial, random);
  // Unique titles, so a title read back tells which write it came from; NFC as the core
  // stores it, whatever form this file's literals were saved in.
  return { ...input, title: `${pick(TITLES)} (lượt ${serial})`.normalize('NFC') };
}

function retitled(input: ActivityInput): ActivityInput {
  serial++;
  return { ...input, title: `${pick(TITLES)} (sửa lần ${serial})`.normalize('NFC') };
}

async function create(): Promise<void> {
  const input = fresh();
  say([`try create ${input.title}`]);
  const row = (await write('activities:create', input)) as ActivityRow;
  live.set(row.id, input);
  say([`ack create ${row.id}`]);
}

async function update(id: string): Promise<void> {
  const input = retitled(live.get(id)!);
  say([`try update ${id} ${input.title}`]);
  await write('activities:update', { id, activity: input });
  live.set(id, input);
  say([`ack update ${id} ${input.title}`]);
}

async function remove(id: string): Promise<void> {
  say([`try delete ${id}`]);
  await write('activities:delete', { id });
  live.delete(id);
  say([`ack delete ${id}`]);
}

/** A few new records and sometimes one known id (which the import updates), all or nothing. */
async function importSome(): Promise<void> {
  const records: ActivityInput[] = [];
  const count = 2 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) records.push({ ...fresh(), id: `nhap-${serial}` });
  if (live.size > 0 && random() < 0.5) {
    const id = pick([...live.keys()]);
    records.push({ ...retitled(live.get(id)!), id });
  }
  say(records.map((r) => `try import ${r.id} ${r.title}`));
  await write('activities:import', { fileName: 'crash.json', records });
  for (const r of records) {
    const { id: _id, ...input } = r;
    live.set(r.id!, input);
  }
  say([`ack import ${records.map((r) => r.id).join(' ')}`]);
}

// A function, not top-level await: the bundle is CommonJS, which has none.
async function main(): Promise<never> {
  for (;;) {
    const r = random();
    const ids = [...live.keys()];
    if (r < 0.08) await importSome();
    else if (r < 0.23 && ids.length > 0) await update(pick(ids));
    else if (r < 0.33 && ids.length > 0) await remove(pick(ids));
    else await create();
  }
}

main().catch((err: unknown) => {
  fs.writeSync(
    2,
    `writer failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
