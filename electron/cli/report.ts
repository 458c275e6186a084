// `tuyentruyen report …`: an office's report of a period about one subject (INTERCHANGE.md).
// Every read and write goes through core.call, as the report screen's do, so the command
// starts from the same drafts and meets the same lock and the same refusals.
import fs from 'node:fs';
import path from 'node:path';
import type { Output } from '../../shared/contract';
import { DEFAULT_SUBJECT, REPORT_SUBJECTS, type ReportSubject } from '../../shared/domain';
import type { Lang } from '../../shared/errors';
import { describeIssue } from '../../shared/issues';
import type { WrittenSection } from '../../shared/report';
import { ReportTextsSchema, type ReportTextsInput } from '../../shared/schemas';
import { EXIT_OK, openCore, parse, refused, unwrap, UsageError, type Io } from './args';
import { parseJson, readText } from './files';

/** The written sections as the Word file numbers and titles them, for the warnings. */
const SECTIONS: Record<WrittenSection, { number: string; vi: string; en: string }> = {
  directives: {
    number: '1',
    vi: 'Công tác chỉ đạo, triển khai thực hiện',
    en: 'Direction and implementation',
  },
  strengths: { number: '3.1', vi: 'Ưu điểm', en: 'Strengths' },
  limitations: { number: '3.2', vi: 'Tồn tại, hạn chế', en: 'Shortcomings and limitations' },
  nextSteps: {
    number: '4',
    vi: 'Phương hướng, nhiệm vụ trong thời gian tới',
    en: 'Tasks for the time ahead',
  },
};

function emptySectionWarning(section: WrittenSection, lang: Lang): string {
  const s = SECTIONS[section];
  return lang === 'en'
    ? `Warning: section ${s.number} "${s.en}" is empty.`
    : `Cảnh báo: mục ${s.number} "${s.vi}" đang trống.`;
}

function subjectOf(value: string | undefined): ReportSubject {
  if (value === undefined) return DEFAULT_SUBJECT;
  if ((REPORT_SUBJECTS as readonly string[]).includes(value)) return value as ReportSubject;
  throw new UsageError(
    `chủ đề báo cáo "${value}" không có; dùng một trong: ${REPORT_SUBJECTS.join(', ')}`,
  );
}

/**
 * The texts of `--texts FILE.json`, checked with the contract's own schema here so that a
 * refusal names the file as well as the field (core.call knows neither).
 */
function readTexts(file: string): ReportTextsInput {
  const parsed = ReportTextsSchema.safeParse(parseJson(file, readText(file)));
  if (!parsed.success) {
    const issue = describeIssue(parsed.error.issues[0]!);
    throw refused({ vi: `Tệp ${file}: ${issue.msg.vi}.`, en: `File ${file}: ${issue.msg.en}.` });
  }
  return parsed.data;
}

/** `--out FILE.xlsx` asks for the figures as a spreadsheet; any other name, the Word file. */
const isSheet = (file: string) => /\.xlsx$/i.test(file);

/** `report --period P [--theme T] [--out FILE.docx|FILE.xlsx] [--json] [--texts FILE.json]` */
async function make(args: string[], io: Io, lang: Lang): Promise<number> {
  const { values } = parse(
    args,
    {
      period: { type: 'string' },
      theme: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      texts: { type: 'string' },
    },
    0,
  );
  if (!values.period) throw new UsageError('thiếu --period P');
  const subject = subjectOf(values.theme);
  if (!values.out && !values.json && values.texts === undefined)
    throw new UsageError('cần --out TỆP.docx (hoặc TỆP.xlsx), --json hoặc --texts TỆP.json');
  // Read and checked before the data is opened: a bad file changes nothing.
  const texts = values.texts === undefined ? undefined : readTexts(values.texts);
  const key = { period: values.period, subject };
  // With --json on stdout, the notes go to stderr so the JSON stays parseable.
  const note = (text: string) => (values.json ? io.err(text) : io.out(text));
  const core = await openCore(values);
  try {
    if (texts !== undefined) {
      // Saved first, so the figures and the Word file below are made with them; a locked
      // period refuses here, before anything is written.
      unwrap<Output<'report:saveTexts'>>(
        await core.call('report:saveTexts', { ...key, texts }, lang),
      );
      note(
        lang === 'en'
          ? `Saved the report texts from ${values.texts}`
          : `Đã lưu nội dung báo cáo từ ${values.texts}`,
      );
    }
    if (values.json) {
      const data = unwrap<Output<'report:data'>>(await core.call('report:data', key, lang));
      io.out(JSON.stringify(data.figures, null, 2));
    }
    if (values.out && isSheet(values.out)) {
      // The figures alone, as a workbook: no texts, so no warnings about empty sections.
      const file = unwrap<Output<'report:sheet'>>(await core.call('report:sheet', key, lang));
      const out = path.resolve(values.out);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, Buffer.from(file.base64, 'base64'));
      note(lang === 'en' ? `Wrote the report figures to ${out}` : `Đã ghi bảng số liệu vào ${out}`);
    } else if (values.out) {
      const used = unwrap<Output<'report:texts'>>(await core.call('report:texts', key, lang));
      const file = unwrap<Output<'report:docx'>>(await core.call('report:docx', key, lang));
      const out = path.resolve(values.out);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, Buffer.from(file.base64, 'base64'));
      note(lang === 'en' ? `Wrote the report to ${out}` : `Đã ghi báo cáo vào ${out}`);
      // The screen shows empty sections before the report is made; here a line each says
      // so, without failing: an office may send a report with a section left blank.
      for (const section of core.report.emptySections(used)) {
        io.err(emptySectionWarning(section, lang));
      }
    }
    return EXIT_OK;
  } finally {
    core.close();
  }
}

/** `report texts --period P [--theme T]`: the texts as JSON, the shape `--texts` takes. */
async function printTexts(args: string[], io: Io, lang: Lang): Promise<number> {
  const { values } = parse(args, { period: { type: 'string' }, theme: { type: 'string' } }, 0);
  if (!values.period) throw new UsageError('thiếu --period P');
  const key = { period: values.period, subject: subjectOf(values.theme) };
  const core = await openCore(values);
  try {
    const value = unwrap<Output<'report:texts'>>(await core.call('report:texts', key, lang));
    io.out(JSON.stringify(value, null, 2));
    return EXIT_OK;
  } finally {
    core.close();
  }
}

/** `report …`, given the words after "report". */
export function report(args: string[], io: Io, lang: Lang): Promise<number> {
  return args[0] === 'texts' ? printTexts(args.slice(1), io, lang) : make(args, io, lang);
}
