// Errors that cross a boundary (IPC, HTTP, CLI) as data, never as lost throws
// (Signal's wrapResult pattern). Every message exists in Vietnamese and English.

export type Lang = 'vi' | 'en';

export interface Msg {
  vi: string;
  en: string;
}

export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'no_profile'
  | 'conflict'
  | 'db_damaged'
  | 'db_newer'
  | 'forbidden'
  | 'unknown_method'
  | 'unsupported'
  | 'locked'
  | 'empty_period'
  | 'in_use'
  /** A photo file of the store is missing or no longer matches its name. */
  | 'photo_missing'
  | 'photo_damaged'
  /** The package would be larger than the office's limit (photos to leave out are named). */
  | 'package_too_large'
  /** The office key is sealed with a passphrase and this process holds none (ask, then 'key:unlock'). */
  | 'passphrase_required'
  | 'internal';

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** Dotted path of the field at fault, when there is one ("measures.km"). */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly msg: Msg;
  readonly field: string | undefined;

  constructor(code: ErrorCode, msg: Msg, field?: string) {
    super(msg.vi);
    this.name = 'AppError';
    this.code = code;
    this.msg = msg;
    this.field = field;
  }

  info(lang: Lang = 'vi'): ErrorInfo {
    return this.field === undefined
      ? { code: this.code, message: this.msg[lang] }
      : { code: this.code, message: this.msg[lang], field: this.field };
  }
}

/** The error a caller sees, whatever was thrown. */
export function toErrorInfo(err: unknown, lang: Lang = 'vi'): ErrorInfo {
  if (err instanceof AppError) return err.info(lang);
  const detail = err instanceof Error ? err.message : String(err);
  return {
    code: 'internal',
    message:
      lang === 'vi'
        ? `Lỗi không mong đợi: ${detail}. Dữ liệu chưa bị thay đổi; hãy thử lại hoặc báo cho người hỗ trợ kỹ thuật.`
        : `Unexpected error: ${detail}. Nothing was changed; try again or report it.`,
  };
}
