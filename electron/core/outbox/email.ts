// Email delivery over SMTP with nodemailer: one message per recipient, the package attached
// byte for byte and, beside it, each signed Word report exactly as the package holds it (a
// reader without the app can open the report, the package stays the proof), a Message-ID derived from the package's hash and the recipient so that the
// same package to the same recipient is always the same message. A temporary refusal (4xx)
// or no connection is retried; a permanent refusal (5xx) ends the delivery with the server's
// words (RFC 5321 §4.2.1).
import { createHash } from 'node:crypto';
import { SUBJECT_PHRASES } from '../../../shared/domain';
import { formatDate } from '../../../shared/format';
import { failed, retry, sent, type Outcome } from './outcome';
import type { AttachedReport } from './reports';

export const DOCX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface SmtpAccount {
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  user: string;
  password: string | null;
  sender: string;
}

export interface MailPackage {
  sha256: string;
  fileName: string;
  bytes: Buffer;
  sequence: number;
  supersedes: string | null;
  /** The number of the package this one corrects, when known. */
  supersedesSequence?: number | null;
  office: { code: string; name: string };
  period: { key: string; from: string; to: string; label: string };
  /** The signed Word reports inside the package, attached beside it (none: the package alone). */
  reports?: AttachedReport[];
}

export const MESSAGE_ID_DOMAIN = 'sotuyentruyen.local';

/** `<sha256.recipient-hash@sotuyentruyen.local>`: the same for the same package and recipient. */
export function messageIdOf(sha256: string, recipient: string): string {
  const who = createHash('sha256').update(recipient.trim().toLowerCase()).digest('hex');
  return `<${sha256}.${who.slice(0, 16)}@${MESSAGE_ID_DOMAIN}>`;
}

export function subjectOf(p: MailPackage): string {
  const what = p.supersedes ? 'Gói báo cáo đính chính' : 'Gói báo cáo';
  return `[Sổ tuyên truyền] ${what} ${p.period.label} – ${p.office.name} (${p.office.code})`;
}

export function bodyOf(p: MailPackage): string {
  const reports = p.reports ?? [];
  const n = reports.length;
  const lines = [
    'Kính gửi: Quý cơ quan,',
    '',
    `${p.office.name} (mã ${p.office.code}) gửi báo cáo ${p.period.label} ` +
      `(từ ngày ${formatDate(p.period.from)} đến ngày ${formatDate(p.period.to)}).`,
    '',
    n > 0
      ? `Kèm theo: gói dữ liệu có chữ ký số và ${n === 1 ? 'báo cáo' : `${n} báo cáo`} (tệp Word):`
      : 'Kèm theo: gói dữ liệu có chữ ký số:',
    `- Gói dữ liệu có chữ ký số: ${p.fileName} (gói số ${p.sequence}; mã SHA-256 ${p.sha256})`,
    ...reports.map(
      (r) =>
        `- Báo cáo (tệp Word) về công tác ${SUBJECT_PHRASES[r.subject]}: ${r.fileName} ` +
        `(mã SHA-256 ${r.sha256})`,
    ),
  ];
  if (p.supersedes) {
    const which = p.supersedesSequence
      ? `gói số ${p.supersedesSequence} (mã SHA-256 ${p.supersedes})`
      : `gói có mã SHA-256 ${p.supersedes}`;
    lines.push(`- Gói này đính chính (thay thế) ${which}`);
  }
  lines.push('');
  if (n > 0) {
    lines.push(
      `${n === 1 ? 'Tệp Word là bản báo cáo' : 'Các tệp Word là những bản báo cáo'} nằm trong gói ` +
        'dữ liệu, giống hệt từng byte (cùng mã SHA-256), để mở và in trên máy không cài phần mềm; ' +
        'số liệu chính thức là gói dữ liệu có chữ ký số.',
    );
  }
  lines.push(
    'Gói được ký số bằng khóa của cơ quan; có thể kiểm tra bằng lệnh ' +
      `"tuyentruyen verify ${p.fileName}", hoặc nhận vào màn hình "Tiếp nhận gói" của phần mềm.`,
    '',
    'Thư này được gửi tự động từ phần mềm Sổ tuyên truyền; xin vui lòng không trả lời thư này.',
  );
  return `${lines.join('\n')}\n`;
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/**
 * A refusal or a lost connection, told apart by the SMTP reply code when there is one. The
 * sentence says what it means and what to do; the code and the server's words are the detail.
 */
export function classifySmtpError(err: unknown): Outcome {
  const e = (err ?? {}) as SmtpError;
  const words = (e.response ?? e.message ?? String(err)).trim();
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  const detail = code !== null && !words.startsWith(String(code)) ? `${code} ${words}` : words;
  if (code !== null && code >= 500 && code < 600) {
    // The server's reply stays in the sentence too: it usually names what to fix (a mailbox
    // that does not exist, a policy), which the office may need to pass on.
    return failed(
      `Máy chủ thư từ chối hẳn thư này (máy chủ trả lời: "${detail}"): hãy kiểm tra địa chỉ người nhận và cài đặt gửi thư (hoặc hỏi người quản lý hộp thư) rồi bấm "Gửi ngay".`,
      detail,
    );
  }
  if (code !== null && code >= 400 && code < 500) {
    return retry(
      'Máy chủ thư đang bận, tạm thời chưa nhận thư; không cần làm gì, ứng dụng sẽ tự gửi lại sau.',
      detail,
    );
  }
  if (e.code === 'EAUTH') {
    return failed(
      'Không đăng nhập được máy chủ thư: hãy kiểm tra tên đăng nhập và mật khẩu thư trong cài đặt gửi thư rồi bấm "Gửi ngay".',
      detail,
    );
  }
  return retry(
    'Không kết nối được máy chủ thư: hãy kiểm tra mạng Internet và tên máy chủ thư trong cài đặt; ứng dụng sẽ tự gửi lại khi có mạng.',
    e.code && !detail.includes(e.code) ? `${e.code}: ${detail}` : detail,
  );
}

export async function sendMail(
  account: SmtpAccount,
  p: MailPackage,
  recipient: string,
  timeoutMs: number,
): Promise<Outcome> {
  // Loaded with the first mail: a start (and every command) need not run it.
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport({
    host: account.host,
    port: account.port,
    secure: account.security === 'tls',
    requireTLS: account.security === 'starttls',
    ignoreTLS: account.security === 'none',
    auth: account.user ? { user: account.user, pass: account.password ?? '' } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs * 4,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  try {
    await transport.sendMail({
      from: { name: p.office.name, address: account.sender },
      to: recipient,
      subject: subjectOf(p),
      text: bodyOf(p),
      messageId: messageIdOf(p.sha256, recipient),
      headers: { 'X-Package-SHA256': p.sha256 },
      attachments: [
        { filename: p.fileName, content: p.bytes, contentType: 'application/octet-stream' },
        ...(p.reports ?? []).map((r) => ({
          filename: r.fileName,
          content: r.bytes,
          contentType: DOCX_CONTENT_TYPE,
        })),
      ],
    });
    return sent();
  } catch (err) {
    return classifySmtpError(err);
  } finally {
    transport.close();
  }
}
