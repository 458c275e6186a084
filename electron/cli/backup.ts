// `tuyentruyen backup`, `backup list`, `restore FILE --yes` and `transfer --out FILE`
// (INTERCHANGE.md): the same backup service as the settings screen, through core.call.
import path from 'node:path';
import { BACKUP_KIND_LABELS, type BackupEntry } from '../../shared/backup';
import type { Output } from '../../shared/contract';
import type { Lang } from '../../shared/errors';
import { PACKAGE_EXTENSION } from '../../shared/package';
import { formatDate, formatNumber } from '../../shared/format';
import { openCore as openEngine } from '../core';
import { copyBackup } from '../core/backup/store';
import { defaultDataDir } from '../core/paths';
import { EXIT_OK, EXIT_USAGE, openCore, parse, refused, unwrap, UsageError, type Io } from './args';
import { passphraseNow } from './passphrase';

const when = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${formatDate(iso.slice(0, 10))} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

function describe(e: BackupEntry, lang: Lang): string {
  const kind = BACKUP_KIND_LABELS[e.kind][lang];
  const last = e.lastActivityDate ? formatDate(e.lastActivityDate) : '—';
  const where =
    e.location === 'mirror' ? (lang === 'en' ? ' [second place]' : ' [nơi thứ hai]') : '';
  return lang === 'en'
    ? `${when(e.createdAt)}  ${kind}  ${e.counts.activities} activities (latest ${last})  ${e.path}${where}`
    : `${when(e.createdAt)}  ${kind}  ${formatNumber(e.counts.activities)} hoạt động (mới nhất ${last})  ${e.path}${where}`;
}

/** `backup [--out DIR]` or `backup list [--json]`; `args` follow the word "backup". */
export async function backup(args: string[], io: Io, lang: Lang): Promise<number> {
  if (args[0] === 'list') {
    const { values } = parse(args.slice(1), { json: { type: 'boolean' } }, 0);
    const core = await openCore(values, false);
    try {
      const list = unwrap<Output<'backup:list'>>(await core.call('backup:list', {}, lang));
      if (values.json) io.out(JSON.stringify(list, null, 2));
      else if (list.length === 0)
        io.out(lang === 'en' ? 'No backups yet.' : 'Chưa có bản sao lưu nào.');
      else for (const e of list) io.out(describe(e, lang));
      return EXIT_OK;
    } finally {
      core.close();
    }
  }
  const { values } = parse(args, { out: { type: 'string' } }, 0);
  const core = await openCore(values);
  try {
    const made = unwrap<Output<'backup:make'>>(await core.call('backup:make', {}, lang));
    io.out(
      lang === 'en'
        ? `Backed up and verified (integrity ok): ${made.path} (${made.counts.activities} activities).`
        : `Đã sao lưu và kiểm tra toàn vẹn (ok): ${made.path} (${formatNumber(made.counts.activities)} hoạt động).`,
    );
    if (values.out) {
      const copy = copyBackup(made, path.resolve(values.out));
      io.out(lang === 'en' ? `Copied to ${copy.path}.` : `Đã chép sang ${copy.path}.`);
    }
    return EXIT_OK;
  } finally {
    core.close();
  }
}

/** `restore PACKAGE.ttpkg`: the activities of an exported package missing from the data. */
async function fromPackage(
  file: string,
  values: { yes?: boolean | undefined; 'data-dir'?: string | undefined },
  io: Io,
  lang: Lang,
): Promise<number> {
  const core = await openCore(values);
  try {
    const p = unwrap<Output<'backup:packagePreview'>>(
      await core.call('backup:packagePreview', { path: file }, lang),
    );
    io.out(
      lang === 'en'
        ? `${file}: package ${p.sequence} of ${p.office.code}, ${p.period.key}: ${p.activities} activities, ${p.missing} missing here.`
        : `${file}: gói số ${p.sequence} của ${p.office.code}, ${p.period.label}: ${formatNumber(p.activities)} hoạt động, ${formatNumber(p.missing)} hoạt động chưa có trong dữ liệu.`,
    );
    if (!values.yes) {
      io.err(
        lang === 'en'
          ? 'Nothing was changed: add --yes to take them back.'
          : 'Chưa thay đổi gì: thêm --yes để lấy lại.',
      );
      return EXIT_USAGE;
    }
    const done = unwrap<Output<'backup:recoverPackage'>>(
      await core.call('backup:recoverPackage', { path: file }, lang),
    );
    const registered = done.registeredPackage
      ? lang === 'en'
        ? ' The package, its reports and its lock are registered again.'
        : ' Gói, báo cáo đã ký và khóa kỳ được ghi nhận lại.'
      : '';
    io.out(
      lang === 'en'
        ? `Took back ${done.added} activities from ${file}.${registered}`
        : `Đã lấy lại ${formatNumber(done.added)} hoạt động từ ${file}.${registered}`,
    );
    return EXIT_OK;
  } finally {
    core.close();
  }
}

export async function restore(args: string[], io: Io, lang: Lang): Promise<number> {
  const { values, positionals } = parse(args, { yes: { type: 'boolean' } }, 1);
  const file = path.resolve(positionals[0]!);
  if (file.toLowerCase().endsWith(PACKAGE_EXTENSION)) return fromPackage(file, values, io, lang);
  const core = await openCore(values, false);
  let preview: Output<'backup:preview'>;
  try {
    preview = unwrap(await core.call('backup:preview', { path: file }, lang));
  } finally {
    core.close();
  }
  const s = preview.source;
  const summary =
    lang === 'en'
      ? `${file}: ${s.kind === 'transfer' ? 'transfer file' : 'backup'} of ${s.office?.code ?? '(no office)'}` +
        `, ${s.counts.activities} activities. Restoring loses or reverts ${preview.lost} and brings back ${preview.regained}.`
      : `${file}: ${s.kind === 'transfer' ? 'tệp chuyển máy' : 'bản sao lưu'} của ${s.office?.code ?? '(chưa có đơn vị)'}` +
        `, ${formatNumber(s.counts.activities)} hoạt động. Khôi phục sẽ mất hoặc đưa về bản cũ ${formatNumber(preview.lost)} hoạt động và lấy lại ${formatNumber(preview.regained)}.`;
  io.out(summary);
  if (preview.otherOffice) {
    io.err(
      lang === 'en'
        ? `Warning: the file belongs to another office (${s.office?.code}) than the data in use (${preview.current?.office?.code}).`
        : `Cảnh báo: tệp là của đơn vị khác (${s.office?.code}), không phải đơn vị của dữ liệu đang dùng (${preview.current?.office?.code}).`,
    );
  }
  if (!values.yes) {
    io.err(
      lang === 'en'
        ? 'Nothing was changed: add --yes to restore.'
        : 'Chưa thay đổi gì: thêm --yes để khôi phục.',
    );
    return EXIT_USAGE;
  }
  const passphrase = preview.needsPassphrase ? await passphraseNow(lang, 'open') : undefined;
  if (preview.needsPassphrase && !passphrase) {
    throw refused({
      vi: 'Tệp chuyển máy có khóa ký: hãy đặt mật khẩu vào TUYENTRUYEN_PASSPHRASE hoặc chạy lệnh trong cửa sổ dòng lệnh để được hỏi.',
      en: 'The transfer file holds a signing key: set TUYENTRUYEN_PASSPHRASE or run the command in a terminal to be asked.',
    });
  }
  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir();
  const engine = await openEngine({
    dataDir,
    mode: 'cli',
    source: 'cli',
    ...(passphrase ? { passphrase } : {}),
  });
  try {
    const done = unwrap<Output<'backup:restore'>>(
      await engine.call(
        'backup:restore',
        { path: file, ...(passphrase ? { passphrase } : {}) },
        lang,
      ),
    );
    const kept = done.safetyBackup?.path;
    io.out(
      lang === 'en'
        ? `Restored from ${file}: ${done.counts.activities} activities.` +
            (kept ? ` The replaced data was backed up to ${kept}.` : '') +
            (done.keyFingerprint ? ` Signing key ${done.keyFingerprint}.` : '')
        : `Đã khôi phục từ ${file}: ${formatNumber(done.counts.activities)} hoạt động.` +
            (kept ? ` Dữ liệu cũ đã được sao lưu vào ${kept}.` : '') +
            (done.keyFingerprint ? ` Khóa ký ${done.keyFingerprint}.` : ''),
    );
    return EXIT_OK;
  } finally {
    engine.close();
  }
}

export async function transfer(args: string[], io: Io, lang: Lang): Promise<number> {
  const { values } = parse(args, { out: { type: 'string' }, retire: { type: 'boolean' } }, 0);
  if (!values.out) throw new UsageError('thiếu --out TỆP.ttmove');
  const passphrase = await passphraseNow(lang, 'create');
  if (!passphrase) {
    throw refused({
      vi: 'Tệp chuyển máy cần mật khẩu để bảo vệ khóa ký: đặt TUYENTRUYEN_PASSPHRASE hoặc chạy lệnh trong cửa sổ dòng lệnh để được hỏi.',
      en: 'A transfer file needs a passphrase to protect the signing key: set TUYENTRUYEN_PASSPHRASE or run the command in a terminal to be asked.',
    });
  }
  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir();
  const core = await openEngine({ dataDir, mode: 'cli', source: 'cli', passphrase });
  try {
    const done = unwrap<Output<'backup:transfer'>>(
      await core.call('backup:transfer', { outFile: values.out, passphrase }, lang),
    );
    io.out(done.path);
    io.err(
      lang === 'en'
        ? `${done.counts.activities} activities, ${done.packages} packages, key ${done.keyFingerprint ?? '(none)'}; ${done.sizeBytes} bytes, SHA-256 ${done.sha256}.`
        : `${formatNumber(done.counts.activities)} hoạt động, ${done.packages} gói, khóa ký ${done.keyFingerprint ?? '(chưa có)'}; ${formatNumber(done.sizeBytes)} byte, SHA-256 ${done.sha256}.`,
    );
    if (values.retire) {
      unwrap(await core.call('key:retire', { retired: true }, lang));
      io.err(
        lang === 'en'
          ? "This computer's key is marked retired: it signs nothing more."
          : 'Khóa ký của máy này đã được đánh dấu ngưng dùng: máy này không ký thêm gói nào.',
      );
    }
    return EXIT_OK;
  } finally {
    core.close();
  }
}
