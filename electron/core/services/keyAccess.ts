// How the office key is reached: sealed by the OS (desktop) or with a passphrase (CLI,
// browser mode), and a stand-in sealer for reading only the certificate.
import { AppError } from '../../../shared/errors';
import type { KeySealer } from '../signing';

/** A passphrase, or a way to ask for one ('create': a new key is being sealed with it). */
export type PassphraseSource = string | ((purpose: 'create' | 'open') => Promise<string>);

export interface KeyAccess {
  /** Electron's safeStorage, given by the desktop shell; wins over a passphrase. */
  sealer?: KeySealer | undefined;
  passphrase?: PassphraseSource | undefined;
}

export const needPassphrase = (): AppError =>
  new AppError(
    'invalid_input',
    {
      vi: 'Khóa ký của cơ quan được bảo vệ bằng mật khẩu: hãy đặt mật khẩu vào biến môi trường TUYENTRUYEN_PASSPHRASE (hoặc chạy lệnh trong cửa sổ dòng lệnh để được hỏi).',
      en: 'The office signing key is protected by a passphrase: set TUYENTRUYEN_PASSPHRASE (or run the command in a terminal to be asked).',
    },
    'passphrase',
  );

/** Stands in where only the certificate is read: unsealing through it is a bug. */
export const certificateOnly = (kind: KeySealer['kind']): KeySealer => ({
  kind,
  seal: () => {
    throw needPassphrase();
  },
  unseal: () => {
    throw needPassphrase();
  },
});

/**
 * Whether the operating system's store can seal the key. On Linux without a keyring,
 * Electron's safeStorage falls back to a password fixed in Chromium's source
 * (`getSelectedStorageBackend()` is 'basic_text'): that protects nothing, so the key is
 * sealed with a passphrase instead.
 */
export function osSealingUsable(platform: string, available: boolean, backend?: string): boolean {
  if (!available) return false;
  return platform !== 'linux' || (backend !== 'basic_text' && backend !== 'unknown');
}
