// Upload to the province's address: one POST of the package bytes with an Idempotency-Key
// equal to its SHA-256, so that a retry after a lost answer cannot make a second copy
// (draft-ietf-httpapi-idempotency-key-header). 2xx: sent; 408, 429, 5xx or no connection:
// retried; any other answer: failed, with the status and the server's text.
import { failed, retry, sent, technicalText, type Outcome } from './outcome';

const MAX_BODY_TEXT = 500;

/** HTTPS only; plain HTTP only to this machine (tests, a local relay). */
export function uploadUrlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'Địa chỉ tải lên không hợp lệ (cần dạng https://…).';
  }
  if (u.protocol === 'https:') return null;
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  if (u.protocol === 'http:' && local) return null;
  return 'Địa chỉ tải lên phải dùng HTTPS (https://…); chỉ máy này (127.0.0.1, localhost) mới được dùng http://.';
}

export async function uploadPackage(
  url: string,
  p: { sha256: string; fileName: string; bytes: Buffer },
  timeoutMs: number,
): Promise<Outcome> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/octet-stream',
        'Idempotency-Key': p.sha256,
        'Content-Disposition': `attachment; filename="${p.fileName}"`,
      },
      body: new Uint8Array(p.bytes),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (err) {
    return retry(
      'Không kết nối được địa chỉ tải lên của tỉnh: hãy kiểm tra mạng Internet; ứng dụng sẽ tự gửi lại khi có mạng.',
      technicalText(err),
    );
  }
  let text = '';
  try {
    text = (await res.text()).trim().slice(0, MAX_BODY_TEXT);
  } catch {
    /* the status says enough */
  }
  const status = `${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
  if (res.status >= 200 && res.status < 300) return sent();
  const detail = `HTTP ${status}${text ? `: ${text}` : ''}`;
  if (res.status === 408 || res.status === 429 || res.status >= 500) {
    return retry(
      'Máy chủ của tỉnh tạm thời chưa nhận gói; không cần làm gì, ứng dụng sẽ tự gửi lại sau.',
      detail,
    );
  }
  return failed(
    'Máy chủ của tỉnh từ chối gói: hãy kiểm tra địa chỉ tải lên trong cài đặt gửi gói, hoặc gửi gói bằng email hay ổ USB; bấm "Gửi ngay" sau khi sửa.',
    detail,
  );
}
