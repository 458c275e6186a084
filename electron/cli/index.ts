// `tuyentruyen`: argument parsing only, then the core (INTERCHANGE.md, "Command line").
// Exit status: 0 success; 1 the input was refused; 2 wrong usage.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CHANNELS, DEFAULT_SUBJECT, REPORT_SUBJECTS } from '../../shared/domain';
import { areaKind, areaNoun } from '../../shared/areas';
import { toErrorInfo, type Lang } from '../../shared/errors';
import { describeIssue } from '../../shared/issues';
import type { Output } from '../../shared/contract';
import { ProfileSchema } from '../../shared/schemas';
import { verifyPackage } from '../core/package';
import {
  EXIT_OK,
  EXIT_REFUSED,
  EXIT_USAGE,
  GLOBAL_OPTIONS,
  openCore,
  parse,
  refused,
  stdio,
  unwrap,
  UsageError,
  type Io,
} from './args';
import { parseJson, readText } from './files';
import { activities } from './activities';
import { backup, restore, transfer } from './backup';
import { inbox } from './inbox';
import { openKeyCore } from './passphrase';
import { report } from './report';
import { serve } from './serve';

export { EXIT_OK, EXIT_REFUSED, EXIT_USAGE, type Io } from './args';

const USAGE = `Sổ tuyên truyền — dòng lệnh

Cách dùng:
  tuyentruyen setup --profile TỆP.json
  tuyentruyen activities import TỆP.json|TỆP.jsonl|TỆP.xlsx|TỆP.csv [--map CỘT.json]
  tuyentruyen activities list [--period P] [--channel C] [--commune TÊN] [--search CHỮ] [--json]
  tuyentruyen activities export --out TỆP.xlsx [bộ lọc như activities list]
  tuyentruyen activities attach MÃ_HOẠT_ĐỘNG TỆP_ẢNH… [--report]
  tuyentruyen report --period P [--theme T] [--out TỆP.docx] [--json] [--texts TỆP.json]
  tuyentruyen report texts --period P [--theme T]
  tuyentruyen export --period P --out THƯ_MỤC [--allow-empty]
  tuyentruyen verify TỆP.ttpkg…
  tuyentruyen key show
  tuyentruyen key cert --out TỆP.pem
  tuyentruyen inbox trust TỆP.pem [--code MÃ] [--name TÊN]
  tuyentruyen inbox import TỆP_HOẶC_THƯ_MỤC… [--json]
  tuyentruyen inbox status --period P [--json]
  tuyentruyen inbox report --period P [--theme T] (--out TỆP.docx | --json)
  tuyentruyen serve [--port N] [--open]
  tuyentruyen backup [--out THƯ_MỤC]
  tuyentruyen backup list [--json]
  tuyentruyen restore TỆP --yes
  tuyentruyen transfer --out TỆP.ttmove [--retire]

Tùy chọn chung:
  --data-dir THƯ_MỤC   nơi lưu dữ liệu (hoặc biến môi trường TUYENTRUYEN_DATA_DIR)
  --lang vi|en         ngôn ngữ của thông báo lỗi (mặc định vi)
  --help               hiện hướng dẫn này

Khóa ký được bảo vệ bằng mật khẩu: đặt biến môi trường TUYENTRUYEN_PASSPHRASE,
hoặc nhập khi được hỏi (trong cửa sổ dòng lệnh).
"restore" nhận bản sao lưu (.sqlite), tệp chuyển máy (.ttmove) hoặc gói đã xuất (.ttpkg: lấy lại
các hoạt động chưa có); không có --yes thì chỉ cho xem trước.
"transfer" gói dữ liệu và khóa ký (bảo vệ bằng mật khẩu) để khôi phục trên máy khác; --retire
đánh dấu khóa của máy này ngưng dùng.
Nhập bảng Excel/CSV: cột nhận theo tên tiếng Việt (Ngày, Hình thức, Địa bàn, Nội dung, Số người,
Kinh phí, Số lượng…); cột lạ thì chỉ rõ bằng --map, ví dụ {"Đơn vị phối hợp": "notes"} hoặc
{"STT cũ": null} để bỏ qua. Có lỗi ở bất kỳ dòng nào thì không nhập gì.
Gắn ảnh: JPEG, PNG hoặc WebP; ảnh được xoay đúng chiều và thu nhỏ (cạnh dài 1600 điểm) để gửi
kèm gói; --report đưa ảnh vào phụ lục "Hình ảnh hoạt động" của báo cáo.
Kỳ P: 2023-Q3, 2023-H1, 2023-Y hoặc 2023-07-01..2023-09-30.
Kênh C: ${CHANNELS.join(', ')}.
Chủ đề báo cáo T: ${REPORT_SUBJECTS.join(', ')} (mặc định ${DEFAULT_SUBJECT}).
"report texts" in nội dung báo cáo dạng JSON; sửa rồi đưa lại bằng --texts (kỳ đã khóa thì không sửa được).
`;

function langOf(args: string[]): Lang {
  const i = args.indexOf('--lang');
  const value = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith('--lang='))?.slice(7);
  return value === 'en' ? 'en' : 'vi';
}

async function setup(args: string[], io: Io, lang: Lang): Promise<number> {
  const { values } = parse(args, { profile: { type: 'string' } }, 0);
  if (!values.profile) throw new UsageError('thiếu --profile TỆP.json');
  const file = values.profile;
  const parsed = ProfileSchema.safeParse(parseJson(file, readText(file)));
  if (!parsed.success) {
    const issue = describeIssue(parsed.error.issues[0]!);
    throw refused({ vi: `Tệp ${file}: ${issue.msg.vi}.`, en: `File ${file}: ${issue.msg.en}.` });
  }
  const core = await openCore(values);
  try {
    // Through core.call, like the app: a damaged data file refuses the write.
    const profile = unwrap<Output<'profile:save'>>(
      await core.call('profile:save', parsed.data, lang),
    );
    const active = profile.communes.filter((c) => c.active);
    const noun = areaNoun(active.map((c) => areaKind(c)));
    io.out(
      lang === 'en'
        ? `Saved the profile of ${profile.office.name} (${profile.office.code}) with ${active.length} areas.`
        : `Đã lưu thông tin ${profile.office.name} (${profile.office.code}) với ${active.length} ${noun}.`,
    );
    return EXIT_OK;
  } finally {
    core.close();
  }
}

async function exportPackage(args: string[], io: Io, lang: Lang): Promise<number> {
  const { values } = parse(
    args,
    { period: { type: 'string' }, out: { type: 'string' }, 'allow-empty': { type: 'boolean' } },
    0,
  );
  if (!values.period) throw new UsageError('thiếu --period P');
  if (!values.out) throw new UsageError('thiếu --out THƯ_MỤC');
  const core = await openKeyCore(values, lang);
  try {
    // Through core.call, like the app: a damaged data file refuses the export and its lock.
    const result = unwrap<Output<'package:export'>>(
      await core.call(
        'package:export',
        {
          period: values.period,
          outDir: path.resolve(values.out),
          allowEmpty: values['allow-empty'] === true,
        },
        lang,
      ),
    );
    if (result.reused) {
      io.err(
        lang === 'en'
          ? `${result.period.key} is locked and was already exported (sequence ${result.sequence}); the same package is given again. Unlock it for correction to export a new one.`
          : `${result.period.label} đã khóa và đã được xuất (số ${result.sequence}); gói cũ được đưa lại. Muốn xuất gói mới, hãy mở khóa để sửa.`,
      );
    }
    io.out(result.path);
    return EXIT_OK;
  } finally {
    core.close();
  }
}

async function verify(args: string[], io: Io, lang: Lang): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: GLOBAL_OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (parsed.positionals.length === 0) throw new UsageError('thiếu tệp gói cần kiểm tra');
  let failed = false;
  for (const file of parsed.positionals) {
    const check = await verifyPackage(file);
    if (check.ok) {
      const m = check.manifest;
      io.out(`OK ${file} ${m.office.code} ${m.period.key} ${m.sequence}`);
    } else {
      failed = true;
      io.out(`FAIL ${file}: ${check.reason[lang]}`);
    }
  }
  return failed ? EXIT_REFUSED : EXIT_OK;
}

async function key(sub: string | undefined, args: string[], io: Io, lang: Lang): Promise<number> {
  if (sub !== 'show' && sub !== 'cert') {
    throw new UsageError(
      sub === undefined ? 'thiếu "show" hoặc "cert" sau "key"' : `không có lệnh "key ${sub}"`,
    );
  }
  const { values } = parse(args, sub === 'cert' ? { out: { type: 'string' } } : {}, 0);
  const out = (values as { out?: string }).out;
  if (sub === 'cert' && !out) throw new UsageError('thiếu --out TỆP.pem');
  const core = await openKeyCore(values, lang);
  try {
    const cert = await core.packages.certificate();
    if (sub === 'show') {
      io.out(
        lang === 'en'
          ? `Subject: ${cert.subject.text}\nSHA-256 fingerprint: ${cert.fingerprint}`
          : `Chủ thể: ${cert.subject.text}\nVân tay SHA-256: ${cert.fingerprint}`,
      );
    } else {
      const file = path.resolve(out!);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, cert.certificatePem);
      io.out(lang === 'en' ? `Wrote the certificate to ${file}` : `Đã ghi chứng thư vào ${file}`);
    }
    return EXIT_OK;
  } finally {
    core.close();
  }
}

/**
 * Global options written before the command (`tuyentruyen --data-dir D activities list`) moved
 * behind it, where each command's parser takes them, so both orders mean the same.
 */
function liftGlobalOptions(argv: string[]): { words: string[]; lifted: string[] } {
  const lifted: string[] = [];
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i]!;
    if (arg === '--data-dir' || arg === '--lang') {
      // The value goes along; a missing one is left to the command's parser to refuse.
      lifted.push(...argv.slice(i, i + 2));
      i += 2;
    } else if (
      arg.startsWith('--data-dir=') ||
      arg.startsWith('--lang=') ||
      arg === '--help' ||
      arg === '-h'
    ) {
      lifted.push(arg);
      i += 1;
    } else {
      break;
    }
  }
  return { words: argv.slice(i), lifted };
}

export async function run(rawArgv: string[], io: Io = stdio): Promise<number> {
  const lang = langOf(rawArgv);
  const { words, lifted } = liftGlobalOptions(rawArgv);
  const argv = [...words, ...lifted];
  const [command, sub] = words;
  try {
    if (command === undefined || command === 'help') {
      io.out(USAGE);
      // Nothing but global options is wrong usage, unless one of them asked for help.
      return command === 'help' || lifted.includes('--help') || lifted.includes('-h')
        ? EXIT_OK
        : EXIT_USAGE;
    }
    if (argv.includes('--help') || argv.includes('-h')) {
      io.out(USAGE);
      return EXIT_OK;
    }
    if (command === 'setup') return await setup(argv.slice(1), io, lang);
    if (command === 'activities') return await activities(sub, argv.slice(2), io, lang);
    if (command === 'report') return await report(argv.slice(1), io, lang);
    if (command === 'serve') return await serve(argv.slice(1), io);
    if (command === 'export') return await exportPackage(argv.slice(1), io, lang);
    if (command === 'verify') return await verify(argv.slice(1), io, lang);
    if (command === 'key') return await key(sub, argv.slice(2), io, lang);
    if (command === 'inbox') return await inbox(sub, argv.slice(2), io, lang);
    if (command === 'backup') return await backup(argv.slice(1), io, lang);
    if (command === 'restore') return await restore(argv.slice(1), io, lang);
    if (command === 'transfer') return await transfer(argv.slice(1), io, lang);
    throw new UsageError(`không có lệnh "${[command, sub].filter(Boolean).join(' ')}"`);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(
        lang === 'en'
          ? `Wrong usage: ${err.message}. See "tuyentruyen --help".`
          : `Sai cách dùng: ${err.message}. Xem "tuyentruyen --help".`,
      );
      return EXIT_USAGE;
    }
    const info = toErrorInfo(err, lang);
    io.err(info.message);
    return EXIT_REFUSED;
  }
}
