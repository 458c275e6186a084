// The outbox's pure parts: backoff, the message's subject and Message-ID, the upload address
// rule and how SMTP refusals are classified.
import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../electron/core/outbox/backoff';
import {
  bodyOf,
  classifySmtpError,
  messageIdOf,
  subjectOf,
  type MailPackage,
} from '../../electron/core/outbox/email';
import { uploadUrlProblem } from '../../electron/core/outbox/upload';

const sha = 'ab'.repeat(32);
const pkg: MailPackage = {
  sha256: sha,
  fileName: 'LS-CAOLOC-VHTT_2023-Q3_0001.ttpkg',
  bytes: Buffer.from('x'),
  sequence: 1,
  supersedes: null,
  office: { code: 'LS-CAOLOC-VHTT', name: 'Phòng Văn hóa và Thông tin' },
  period: { key: '2023-Q3', from: '2023-07-01', to: '2023-09-30', label: 'quý III năm 2023' },
};

describe('outbox', () => {
  it('names the office and the period in Vietnamese', () => {
    expect(subjectOf(pkg)).toBe(
      '[Sổ tuyên truyền] Gói báo cáo quý III năm 2023 – Phòng Văn hóa và Thông tin (LS-CAOLOC-VHTT)',
    );
    expect(subjectOf({ ...pkg, supersedes: 'cd'.repeat(32) })).toContain('Gói báo cáo đính chính');
    expect(bodyOf(pkg)).toContain('từ ngày 01/07/2023 đến ngày 30/09/2023');
    expect(bodyOf(pkg)).toContain(sha);
  });

  it('derives one Message-ID per package and recipient', () => {
    const a = messageIdOf(sha, 'so.tttt@example.vn');
    expect(a).toMatch(new RegExp(`^<${sha}\\.[0-9a-f]{16}@sotuyentruyen\\.local>$`));
    expect(messageIdOf(sha, ' SO.TTTT@example.vn ')).toBe(a);
    expect(messageIdOf(sha, 'other@example.vn')).not.toBe(a);
  });

  it('backs off exponentially with jitter, up to the cap', () => {
    const b = { baseMs: 30_000, capMs: 3_600_000 };
    expect(retryDelay({ ...b, random: () => 0 }, 1)).toBe(15_000);
    expect(retryDelay({ ...b, random: () => 1 }, 1)).toBe(30_000);
    expect(retryDelay({ ...b, random: () => 0.5 }, 3)).toBe(90_000);
    expect(retryDelay({ ...b, random: () => 1 }, 40)).toBe(3_600_000);
  });

  it('allows https, and http only to this machine', () => {
    expect(uploadUrlProblem('https://baocao.langson.gov.vn/api')).toBeNull();
    expect(uploadUrlProblem('http://127.0.0.1:8080/p')).toBeNull();
    expect(uploadUrlProblem('http://localhost/p')).toBeNull();
    expect(uploadUrlProblem('http://baocao.langson.gov.vn/api')).toContain('HTTPS');
    expect(uploadUrlProblem('ftp://x')).toContain('HTTPS');
    expect(uploadUrlProblem('không phải địa chỉ')).toContain('không hợp lệ');
  });

  it('retries 4xx and lost connections, stops on 5xx with the server’s words', () => {
    expect(classifySmtpError({ responseCode: 421, response: '421 busy' }).kind).toBe('retry');
    expect(classifySmtpError({ code: 'ECONNECTION', message: 'connect ECONNREFUSED' }).kind).toBe(
      'retry',
    );
    const f = classifySmtpError({ responseCode: 550, response: '550 No such user' });
    expect(f.kind).toBe('failed');
    expect(f.kind === 'failed' && f.error).toContain('550 No such user');
  });
});
