// `tuyentruyen inbox …`: the province desk from the command line (INTERCHANGE.md). Import
// prints one line per file as it goes, so a folder of eighty packages shows its progress.
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SUBJECT, REPORT_SUBJECTS, type ReportSubject } from '../../shared/domain';
import type { Output } from '../../shared/contract';
import type { Lang } from '../../shared/errors';
import { formatDate, vietnamDay } from '../../shared/format';
import type { ImportOutcome, InboxState, TrustResult } from '../../shared/inbox';
import { SECTION_HEADINGS, type DocxWarning } from '../../shared/mergedText';
import type { WrittenSection } from '../../shared/report';
import {
  EXIT_OK,
  EXIT_REFUSED,
  openCore,
  parse,
  refused,
  requireWritable,
  unwrap,
  UsageError,
  type Io,
} from './args';

const STATE_VI: Record<InboxState, string> = {
  received: 'đã nhận',
  corrected: 'đã nhận bản sửa',
  missing: 'chưa nộp',
  quarantined: 'cách ly',
};

async function trust(args: string[], io: Io, lang: Lang): Promise<number> {
  const { values, positionals } = parse(
    args,
    { code: { type: 'string' }, name: { type: 'string' } },
    1,
  );
  const file = positionals[0]!;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw refused({ vi: `Không đọc được tệp ${file}.`, en: `Cannot read the file ${file}.` });
  }
  const core = await openCore(values);
  try {
    const r = await core.call(
      'trust:addCertificate',
      {
        base64: bytes.toString('base64'),
        ...(values.code !== undefined ? { code: values.code } : {}),
        ...(values.name !== undefined ? { name: values.name } : {}),
      },
      lang,
    );
    if (!r.ok) {
      io.err(`${file}: ${r.error.message}`);
      return EXIT_REFUSED;
    }
    const { office, fingerprint, released } = r.value as TrustResult;
    io.out(
      lang === 'en'
        ? `Registered ${office.name} (${office.code}), fingerprint ${fingerprint}.`
        : `Đã đăng ký ${office.name} (${office.code}), vân tay ${fingerprint}.`,
    );
    for (const x of released) io.out(`${x.outcome} ${x.file}: ${x.message[lang]}`);
    return EXIT_OK;
  } finally {
    core.close();
  }
}

async function importPackages(args: string[], io: Io, lang: Lang): Promise<number> {
  const parsed = parse(args, { json: { type: 'boolean' } }, -1);
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('thiếu tệp gói hoặc thư mục cần tiếp nhận');
  const core = await openCore(values);
  try {
    // Packages are read from paths here, not through core.call ('inbox:import' takes one
    // file's bytes), so the damaged-file guard is applied first, before any file is read.
    requireWritable(core);
    const counts: Record<ImportOutcome, number> = {
      accepted: 0,
      corrected: 0,
      duplicate: 0,
      quarantined: 0,
      refused: 0,
    };
    const results = await core.inbox.importPaths(
      positionals.map((p) => path.resolve(p)),
      (r, done, total) => {
        counts[r.outcome] += 1;
        const shown = path.relative(process.cwd(), r.file) || r.file;
        // The JSON goes to stdout in one piece at the end; progress to stderr meanwhile.
        const line = `[${done}/${total}] ${r.outcome} ${shown}: ${r.message[lang]}`;
        if (values.json) io.err(line);
        else io.out(line);
      },
    );
    if (values.json) io.out(JSON.stringify(results, null, 2));
    const summary =
      lang === 'en'
        ? `${results.length} files: ${counts.accepted} accepted, ${counts.corrected} corrections, ${counts.duplicate} already received, ${counts.quarantined} quarantined, ${counts.refused} refused.`
        : `${results.length} tệp: tiếp nhận ${counts.accepted}, bản sửa ${counts.corrected}, đã nhận trước đó ${counts.duplicate}, cách ly ${counts.quarantined}, từ chối ${counts.refused}.`;
    if (values.json) io.err(summary);
    else io.out(summary);
    // Exit 1 when a file was not counted (refused or quarantined): a script should look at it.
    return counts.refused + counts.quarantined > 0 ? EXIT_REFUSED : EXIT_OK;
  } finally {
    core.close();
  }
}

async function status(args: string[], io: Io, lang: Lang): Promise<number> {
  const { values } = parse(args, { period: { type: 'string' }, json: { type: 'boolean' } }, 0);
  if (!values.period) throw new UsageError('thiếu --period P');
  const core = await openCore(values);
  try {
    const s = core.inbox.status(values.period);
    if (values.json) {
      io.out(JSON.stringify(s, null, 2));
      return EXIT_OK;
    }
    io.out(
      lang === 'en'
        ? `${s.period.key} (${s.period.from} .. ${s.period.to}), due ${s.deadline}`
        : `${s.period.label} (${formatDate(s.period.from)} – ${formatDate(s.period.to)}), hạn nộp ${formatDate(s.deadline)}`,
    );
    for (const o of s.offices) {
      const when = o.receivedAt ? formatDate(vietnamDay(o.receivedAt)) : '';
      const state = lang === 'en' ? o.state : STATE_VI[o.state];
      const late = o.late ? (lang === 'en' ? ' LATE' : ' TRỄ HẠN') : '';
      const seq = o.sequence === null ? '' : ` #${o.sequence}`;
      // A half year or year made of quarters, some still missing.
      const partial = o.partial
        ? `\t${lang === 'en' ? 'missing' : 'thiếu'} ${o.missing.join(', ')}`
        : '';
      io.out(`${o.code}\t${o.name}\t${state}${seq}\t${when}${late}${partial}`);
    }
    return EXIT_OK;
  } finally {
    core.close();
  }
}

function subjectOf(value: string | undefined): ReportSubject {
  if (value === undefined) return DEFAULT_SUBJECT;
  if ((REPORT_SUBJECTS as readonly string[]).includes(value)) return value as ReportSubject;
  throw new UsageError(
    `chủ đề báo cáo "${value}" không có; dùng một trong: ${REPORT_SUBJECTS.join(', ')}`,
  );
}

/** English names of the written sections, for the warnings under `--lang en`. */
const SECTION_EN: Record<WrittenSection, string> = {
  directives: 'Direction and implementation',
  strengths: 'Strengths',
  limitations: 'Shortcomings and limitations',
  nextSteps: 'Tasks for the time ahead',
};

function warningLine(w: DocxWarning, periodKey: string, lang: Lang): string {
  if (w.what === 'offices') {
    return lang === 'en'
      ? `Warning: no office has reported for ${periodKey}.`
      : `Cảnh báo: ${w.text.charAt(0).toLocaleLowerCase('vi')}${w.text.slice(1)}.`;
  }
  const h = SECTION_HEADINGS[w.what];
  return lang === 'en'
    ? `Warning: section ${h.number} "${SECTION_EN[w.what]}" is empty.`
    : `Cảnh báo: mục ${h.number} "${h.title}" đang trống.`;
}

/** `inbox report --period P [--theme T] (--out FILE.docx | --out FILE.xlsx | --json)` */
async function report(args: string[], io: Io, lang: Lang): Promise<number> {
  const { values } = parse(
    args,
    {
      period: { type: 'string' },
      theme: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
    },
    0,
  );
  if (!values.period) throw new UsageError('thiếu --period P');
  const subject = subjectOf(values.theme);
  if (values.json && values.out)
    throw new UsageError('dùng --out TỆP.docx hoặc --json, không cả hai');
  if (!values.json && !values.out) throw new UsageError('thiếu --out TỆP.docx hoặc --json');
  const core = await openCore(values);
  try {
    if (values.json) {
      // Exactly `report --json`'s shape: the merged figures are an office report's figures.
      io.out(JSON.stringify(core.inbox.figures(values.period, subject).figures, null, 2));
      return EXIT_OK;
    }
    if (/\.xlsx$/i.test(values.out!)) {
      // The tables (completeness, merged figures, by office) as a workbook.
      const sheet = unwrap<Output<'inbox:sheet'>>(
        await core.call('inbox:sheet', { period: values.period, subject }, lang),
      );
      const out = path.resolve(values.out!);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, Buffer.from(sheet.base64, 'base64'));
      io.out(
        lang === 'en' ? `Wrote the province tables to ${out}` : `Đã ghi bảng tổng hợp vào ${out}`,
      );
      return EXIT_OK;
    }
    const file = await core.inbox.docx(values.period, subject);
    const out = path.resolve(values.out!);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, file.bytes);
    // Worth a second look, never a refusal: the file is written all the same.
    for (const w of file.warnings) io.err(warningLine(w, values.period.trim(), lang));
    io.out(
      lang === 'en' ? `Wrote the merged report to ${out}` : `Đã ghi báo cáo tổng hợp vào ${out}`,
    );
    return EXIT_OK;
  } finally {
    core.close();
  }
}

export function inbox(
  sub: string | undefined,
  args: string[],
  io: Io,
  lang: Lang,
): Promise<number> | number {
  if (sub === 'trust') return trust(args, io, lang);
  if (sub === 'import') return importPackages(args, io, lang);
  if (sub === 'status') return status(args, io, lang);
  if (sub === 'report') return report(args, io, lang);
  throw new UsageError(
    sub === undefined
      ? 'thiếu "trust", "import", "status" hoặc "report" sau "inbox"'
      : `không có lệnh "inbox ${sub}"`,
  );
}
