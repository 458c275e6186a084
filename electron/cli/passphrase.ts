// The office key's passphrase on the command line: from the environment, else asked on the
// terminal without echo, and a core opened with it for the commands that sign.
import path from 'node:path';
import type { Lang } from '../../shared/errors';
import { openCore, type Core } from '../core';
import { defaultDataDir } from '../core/paths';
import type { PassphraseSource } from '../core/services/packages';
import { refused, requireData, UsageError } from './args';

/** The key's passphrase: TUYENTRUYEN_PASSPHRASE, else asked on the terminal, else none. */
export function passphraseSource(lang: Lang): PassphraseSource | undefined {
  const env = process.env.TUYENTRUYEN_PASSPHRASE;
  if (env !== undefined && env !== '') return env;
  if (!process.stdin.isTTY) return undefined;
  return async (purpose) => {
    const first = await askHidden(
      lang === 'en'
        ? purpose === 'create'
          ? 'New passphrase for the office signing key: '
          : 'Passphrase of the office signing key: '
        : purpose === 'create'
          ? 'Đặt mật khẩu cho khóa ký mới của cơ quan: '
          : 'Mật khẩu khóa ký của cơ quan: ',
    );
    if (purpose === 'create') {
      const again = await askHidden(lang === 'en' ? 'Again: ' : 'Nhập lại mật khẩu: ');
      if (again !== first) {
        throw refused({
          vi: 'Hai lần nhập mật khẩu không giống nhau; khóa chưa được tạo.',
          en: 'The two passphrases differ; no key was created.',
        });
      }
    }
    return first;
  };
}

/** The passphrase itself, asked now when it is not in the environment; undefined: none. */
export async function passphraseNow(
  lang: Lang,
  purpose: 'create' | 'open',
): Promise<string | undefined> {
  const source = passphraseSource(lang);
  return typeof source === 'function' ? source(purpose) : source;
}

/** Reads one line from the terminal without echoing it. */
function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let text = '';
    const finish = (err: Error | null) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(text);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return finish(null);
        if (ch === '\u0003') return finish(new UsageError('đã hủy'));
        if (ch === '\u007f' || ch === '\b') text = [...text].slice(0, -1).join('');
        else text += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

export async function openKeyCore(
  values: { 'data-dir'?: string | undefined },
  lang: Lang,
): Promise<Core> {
  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir();
  const passphrase = passphraseSource(lang);
  const core = await openCore({
    dataDir,
    mode: 'cli',
    source: 'cli',
    ...(passphrase !== undefined ? { passphrase } : {}),
  });
  return requireData(core);
}
