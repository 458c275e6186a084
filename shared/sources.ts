// Where news items appeared, as a report names them: the sites of online items
// ("www.tintuclangson.vn, stttt.langson.gov.vn và fanpage LangsonNews", seed 000) and the
// press outlets with their programmes ("Báo Lạng Sơn (chuyên mục "Vì an ninh Xứ Lạng")").
import { andList, nameKey } from './text';

const nfc = (t: string) => t.normalize('NFC');

const FANPAGE_HOSTS = /^(?:www\.|m\.|web\.)?(?:facebook\.com|fb\.com)$/iu;

/**
 * A site as officers name it: its host ("www.tintuclangson.vn"), or "fanpage X" for a
 * Facebook page. Text that is no address is kept as typed.
 */
export function siteName(url: string): string {
  const typed = nfc(url.trim());
  if (typed === '') return '';
  let parsed: URL;
  try {
    parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//iu.test(typed) ? typed : `http://${typed}`);
  } catch {
    return typed;
  }
  if (!parsed.hostname.includes('.')) return typed;
  if (FANPAGE_HOSTS.test(parsed.hostname)) {
    const page = parsed.pathname.split('/').find((p) => p !== '' && p !== 'pages');
    return page ? `fanpage ${decodeURIComponent(page)}` : 'fanpage';
  }
  return parsed.hostname.toLowerCase();
}

/** A programme's name in quotes, once: "Vì an ninh Xứ Lạng" typed with or without them. */
function quoted(name: string): string {
  return `"${name.replace(/^["“”'\s]+|["“”'\s]+$/gu, '')}"`;
}

/** "Báo Lạng Sơn (chuyên mục "Vì an ninh Xứ Lạng", "Pháp luật")", or the programmes alone. */
export function outletPhrase(outlet: string, programmes: readonly string[]): string {
  const name = nfc(outlet.trim());
  const list = programmes.map((p) => nfc(p.trim())).filter(Boolean);
  const named = list.length > 0 ? `chuyên mục ${list.map(quoted).join(', ')}` : '';
  if (!name) return named;
  return named ? `${name} (${named})` : name;
}

export interface PressSource {
  outlet: string;
  programme: string;
  /** How many activities name it, for the order. */
  count: number;
}

/** Names in the order of how often they occur, then as met; one per name however spelt. */
function byUse<T>(rows: readonly T[], key: (r: T) => string, count: (r: T) => number) {
  const groups = new Map<string, { key: string; rows: T[]; count: number }>();
  for (const r of rows) {
    const k = key(r);
    const folded = nameKey(k);
    const g = groups.get(folded);
    if (g) {
      g.rows.push(r);
      g.count += count(r);
    } else groups.set(folded, { key: k, rows: [r], count: count(r) });
  }
  // Array.prototype.sort is stable: equal counts keep the order they were met in.
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

/** The sites of the online items, most used first (counts by address). */
export function siteNames(urls: readonly { url: string; count: number }[]): string[] {
  return byUse(
    urls.map((u) => ({ name: siteName(u.url), count: u.count })).filter((u) => u.name !== ''),
    (u) => u.name,
    (u) => u.count,
  ).map((g) => g.key);
}

/** The press outlets with their programmes, most used first. */
export function outletNames(rows: readonly PressSource[]): string[] {
  return byUse(
    rows,
    (r) => nfc(r.outlet.trim()),
    (r) => r.count,
  ).map((g) => {
    const programmes = byUse(
      g.rows,
      (r) => nfc(r.programme.trim()),
      (r) => r.count,
    )
      .map((p) => p.key)
      .filter(Boolean);
    return outletPhrase(g.key, programmes);
  });
}

/** How many names a sentence lists before "và N … khác". */
export const SOURCES_SHOWN = 5;

/** "a, b và c"; past SOURCES_SHOWN, "a, b, c, d, e và 3 trang khác". */
export function sourceList(names: readonly string[], other: string): string {
  if (names.length === 0) return '';
  if (names.length > SOURCES_SHOWN) {
    const rest = names.length - SOURCES_SHOWN;
    return `${names.slice(0, SOURCES_SHOWN).join(', ')} và ${rest} ${other} khác`;
  }
  return andList(names);
}

/** The source of one activity for the appendix: its address, or its outlet and programme. */
export function activitySource(measures: Record<string, unknown>): string {
  const text = (k: string) => (typeof measures[k] === 'string' ? measures[k] : '');
  if (text('url').trim()) return nfc(text('url').trim());
  return outletPhrase(text('outlet'), [text('programme')]);
}
