// How the office key is reached: sealed by the OS (desktop) or with a passphrase (CLI,
// browser mode), and a stand-in sealer for reading only the certificate.
import { AppError } from '../../../shared/errors';
import { createKeyStore, createPassphraseSealer, type KeySealer } from '../signing';

/** A passphrase, or a way to ask for one ('create': a new key is being sealed with it). */
export type PassphraseSource = string | ((purpose: 'create' | 'open') => Promise<string>);

/** Shared by the services of one core: 'key:unlock' sets the passphrase the page typed. */
export interface KeyAccess {
  /** Electron's safeStorage, given by the desktop shell; wins over a passphrase. */
  sealer?: KeySealer | undefined;
  passphrase?: PassphraseSource | undefined;
}

// Its own code (not 'invalid_input'): the page tells it apart from a wrong passphrase typed
// in a form, asks for the key's passphrase and retries (renderer/src/api.ts).
export const needPassphrase = (): AppError =>
  new AppError(
    'passphrase_required',
    {
      vi: 'Khóa ký của cơ quan được bảo vệ bằng mật khẩu: hãy đặt mật khẩu vào biến môi trường TUYENTRUYEN_PASSPHRASE (hoặc chạy lệnh trong cửa sổ dòng lệnh để được hỏi).',
      en: 'The office signing key is protected by a passphrase: set TUYENTRUYEN_PASSPHRASE (or run the command in a terminal to be asked).',
    },
    'passphrase',
  );

/**
 * Holds `passphrase` for the key from now on, in this process's memory only. When a key
 * sealed with a passphrase exists it must open it: a wrong one throws ("Mật khẩu không
 * đúng…") and nothing is held. Without a key, it is the passphrase the new key will be
 * sealed with (the page asks for it twice).
 */
export function unlockKey(access: KeyAccess, keysDir: string, passphrase: string): void {
  if (access.sealer) {
    throw new AppError('unsupported', {
      vi: 'Khóa ký trên máy này do hệ điều hành bảo vệ, không cần nhập mật khẩu.',
      en: 'The signing key on this computer is protected by the operating system; no passphrase is needed.',
    });
  }
  const store = createKeyStore(keysDir, certificateOnly('passphrase'));
  if (store.exists() && store.certificate().sealedWith === 'passphrase') {
    createKeyStore(keysDir, createPassphraseSealer(passphrase)).load();
  }
  access.passphrase = passphrase;
}

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
