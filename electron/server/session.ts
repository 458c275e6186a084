// Browser mode's credentials, all derived from one secret kept in the data folder, so the
// printed address and a bookmark of it survive a restart: the token of the printed URL, and
// the session cookie a visit with it sets. A folder's cookie means nothing to another
// folder's server (another secret, another cookie name).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeDurably } from '../core/durable';

/** 32 random bytes (base64url) in the data folder, readable by the owner only. */
export const SECRET_FILE = 'browser-session.key';
const SECRET_RE = /^[A-Za-z0-9_-]{43}$/;

/** Chromium caps a cookie's lifetime at 400 days; a bookmark keeps working that long unused. */
export const COOKIE_MAX_AGE_S = 400 * 24 * 60 * 60;

export interface SessionKeys {
  /** The `?token=` of the printed URL; also accepted in the x-tuyentruyen-token header. */
  token: string;
  cookieName: string;
  cookieValue: string;
}

/** The folder's secret, made on first use. A file damaged by hand is replaced. */
export function loadSecret(dataDir: string): string {
  const file = path.join(dataDir, SECRET_FILE);
  try {
    const text = fs.readFileSync(file, 'utf8').trim();
    if (SECRET_RE.test(text)) return text;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const secret = randomBytes(32).toString('base64url');
  fs.mkdirSync(dataDir, { recursive: true });
  writeDurably(file, Buffer.from(`${secret}\n`), 0o600);
  return secret;
}

const derive = (secret: string, label: string): string =>
  createHmac('sha256', secret).update(label).digest('base64url');

export function sessionKeys(secret: string): SessionKeys {
  return {
    token: derive(secret, 'tuyentruyen/url-token/1'),
    // Cookies are not kept apart by port: two folders served side by side need two names.
    cookieName: `tuyentruyen_${derive(secret, 'tuyentruyen/cookie-name/1').slice(0, 12)}`,
    cookieValue: derive(secret, 'tuyentruyen/session-cookie/1'),
  };
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The value of cookie `name` in a Cookie header, or ''. */
export function cookieOf(header: string | undefined, name: string): string {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return '';
}

/** HttpOnly: the page's scripts never see it; Strict: no other site's page sends it. */
export function setCookieHeader(keys: SessionKeys): string {
  return (
    `${keys.cookieName}=${keys.cookieValue}; Path=/; HttpOnly; SameSite=Strict; ` +
    `Max-Age=${COOKIE_MAX_AGE_S}`
  );
}
