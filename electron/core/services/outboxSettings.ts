// The outbox's settings: the SMTP account (its password sealed, never returned), the
// sender, the recipients and the province's upload address; and the account as a delivery
// needs it, or the sentence saying what is missing and where to set it.
import type { DeliverySettings, ParsedInput } from '../../../shared/contract';
import { looksLikeEmail } from '../../../shared/email';
import { AppError } from '../../../shared/errors';
import type { Context } from '../context';
import type { SmtpAccount } from '../outbox/email';
import { getDeliverySettings, saveDeliverySettings } from '../outbox/queries';
import { uploadUrlProblem } from '../outbox/upload';
import { getProfile } from '../queries/profile';
import { createPassphraseSealer, type KeySealer } from '../signing';
import type { KeyAccess } from './packages';

/** Where the office sets these, as the menu names it. */
const WHERE = 'ở màn hình "Khóa ký và gửi", phần "Cài đặt gửi email và tải lên"';

export class OutboxSettings {
  constructor(
    private readonly ctx: Context,
    private readonly access: KeyAccess,
  ) {}

  private profileEmails(): string[] {
    const profile = getProfile(this.ctx.db);
    return (profile?.office.recipients ?? []).map((r) => r.trim()).filter(looksLikeEmail);
  }

  get(): DeliverySettings {
    const s = getDeliverySettings(this.ctx.db);
    const recipients = JSON.parse(s.recipients) as string[];
    return {
      smtpHost: s.smtp_host,
      smtpPort: s.smtp_port,
      smtpSecurity: s.smtp_security,
      smtpUser: s.smtp_user,
      hasPassword: s.smtp_password_sealed !== null,
      passwordSealedWith: s.smtp_password_sealed_with,
      sender: s.sender,
      recipients,
      effectiveRecipients: recipients.length > 0 ? recipients : this.profileEmails(),
      uploadUrl: s.upload_url,
    };
  }

  private async sealer(purpose: 'create' | 'open'): Promise<KeySealer | null> {
    if (this.access.sealer) return this.access.sealer;
    const source = this.access.passphrase;
    const passphrase = typeof source === 'function' ? await source(purpose) : source;
    if (passphrase === undefined || passphrase === '') return null;
    return createPassphraseSealer(passphrase);
  }

  async save(input: ParsedInput<'settings:saveDelivery'>): Promise<DeliverySettings> {
    const bad = (field: string, vi: string, en: string): AppError =>
      new AppError('invalid_input', { vi, en }, field);
    if (input.smtpHost !== '' && !/^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:.]+\]$/.test(input.smtpHost)) {
      throw bad(
        'smtpHost',
        `Tên máy chủ thư "${input.smtpHost}" không hợp lệ.`,
        `The mail server name "${input.smtpHost}" is not valid.`,
      );
    }
    if (input.sender !== '' && !looksLikeEmail(input.sender)) {
      throw bad(
        'sender',
        `Địa chỉ người gửi "${input.sender}" không phải địa chỉ email.`,
        `The sender "${input.sender}" is not an email address.`,
      );
    }
    const recipients = [...new Set(input.recipients.filter((r) => r !== ''))];
    recipients.forEach((r, i) => {
      if (!looksLikeEmail(r)) {
        throw bad(
          `recipients[${i}]`,
          `Người nhận "${r}" không phải địa chỉ email.`,
          `The recipient "${r}" is not an email address.`,
        );
      }
    });
    if (input.uploadUrl !== '') {
      const problem = uploadUrlProblem(input.uploadUrl);
      if (problem) {
        throw bad(
          'uploadUrl',
          problem,
          'The upload address must be https:// (http:// only to this machine).',
        );
      }
    }
    const old = getDeliverySettings(this.ctx.db);
    let sealed = old.smtp_password_sealed;
    let sealedWith = old.smtp_password_sealed_with;
    if (input.smtpPassword === '') {
      sealed = null;
      sealedWith = null;
    } else if (input.smtpPassword !== undefined) {
      const sealer = await this.sealer('create');
      if (!sealer) {
        throw bad(
          'smtpPassword',
          'Không lưu được mật khẩu thư: chưa có cách niêm phong mật khẩu trên máy này. Hãy mở ứng dụng trên máy tính (dùng kho khóa của hệ điều hành) hoặc đặt mật khẩu bảo vệ vào biến môi trường TUYENTRUYEN_PASSPHRASE; mật khẩu không bao giờ được lưu dưới dạng chữ thường.',
          'The mail password cannot be stored: there is no way to seal it on this machine. Use the desktop app (the OS keychain) or set TUYENTRUYEN_PASSPHRASE; the password is never stored in plain text.',
        );
      }
      sealed = sealer.seal(Buffer.from(input.smtpPassword, 'utf8'));
      sealedWith = sealer.kind;
    }
    saveDeliverySettings(
      this.ctx.db,
      {
        smtp_host: input.smtpHost,
        smtp_port: input.smtpPort,
        smtp_security: input.smtpSecurity,
        smtp_user: input.smtpUser,
        smtp_password_sealed: sealed,
        smtp_password_sealed_with: sealedWith,
        sender: input.sender,
        recipients,
        upload_url: input.uploadUrl,
      },
      this.ctx.now(),
    );
    return this.get();
  }

  /** The account an email delivery logs in with, or what is missing as a plain sentence. */
  async account(): Promise<SmtpAccount | { message: string; detail: string | null }> {
    const s = getDeliverySettings(this.ctx.db);
    const missing = (message: string, detail: string | null = null) => ({ message, detail });
    if (s.smtp_host === '') {
      return missing(
        `Chưa cài đặt máy chủ thư (SMTP) để gửi email: hãy điền máy chủ thư ${WHERE}.`,
      );
    }
    const sender = s.sender || (looksLikeEmail(s.smtp_user) ? s.smtp_user : '');
    if (sender === '') {
      return missing(`Chưa có địa chỉ email người gửi: hãy điền địa chỉ người gửi ${WHERE}.`);
    }
    let password: string | null = null;
    if (s.smtp_password_sealed) {
      const sealer = await this.sealer('open');
      if (!sealer || sealer.kind !== s.smtp_password_sealed_with) {
        return missing(
          `Không mở được mật khẩu thư đã niêm phong trên máy này: hãy nhập lại mật khẩu thư ${WHERE}.`,
        );
      }
      try {
        password = sealer.unseal(s.smtp_password_sealed).toString('utf8');
      } catch (err) {
        return missing(
          `Không mở được mật khẩu thư đã niêm phong: hãy nhập lại mật khẩu thư ${WHERE}.`,
          err instanceof AppError ? err.msg.vi : String(err),
        );
      }
    }
    return {
      host: s.smtp_host,
      port: s.smtp_port,
      security: s.smtp_security,
      user: s.smtp_user,
      password,
      sender,
    };
  }
}
