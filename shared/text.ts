// Text rules: everything is stored NFC; search and matching fold away what users
// cannot see or do not type reliably (Unikey may send NFC or NFD, caps lock, missing
// diacritics). See docs/ARCHITECTURE.md, "Text".

/** Store form: NFC, trimmed, inner runs of whitespace kept as typed. */
export function toNfc(text: string): string {
  return text.normalize('NFC').trim();
}

/**
 * Search form: no diacritics, lower case, "đ" as "d", single spaces.
 * An NFD "băng rôn", the NFC one and "BANG RON" all fold to "bang ron".
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Vietnamese tone marks, as NFD writes them apart from their letter. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/**
 * Matching key for names that must match exactly up to Unicode normal form, letter case,
 * spacing and tone placement (commune, village and office names): diacritics still count,
 * since "Xã Hà" and "Xã Hạ" differ, but where a word's tone mark sits does not. Unikey puts
 * it on the "o" of "Hòa" in its new style and on the "a" of "Hoà" in the old one; both are
 * one name, and so are "Thuý"/"Thúy", "Khoẻ"/"Khỏe", "Quý"/"Qúy". Each word's tone marks
 * move to its end; the key is only ever compared, never shown.
 */
export function nameKey(text: string): string {
  return text
    .normalize('NFD')
    .toLocaleLowerCase('vi')
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => {
      const tones = word.match(TONE_MARKS);
      return tones ? word.replace(TONE_MARKS, '') + tones.join('') : word;
    })
    .join(' ');
}

/** True when two names are the same as people read them (see nameKey). */
export const sameName = (a: string, b: string): boolean => nameKey(a) === nameKey(b);

/** Words of a search query, folded; empty when the query is blank. */
export function searchTerms(query: string): string[] {
  const folded = fold(query);
  return folded === '' ? [] : folded.split(' ');
}

/** True when every word of `query` occurs in `text`, ignoring case and diacritics. */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = fold(text);
  return searchTerms(query).every((term) => haystack.includes(term));
}

/** A character that a Word file (XML 1.0) cannot hold, and where it is. */
export interface XmlInvalidChar {
  /** UTF-16 index into the string. */
  index: number;
  /** The code point; a lone surrogate is reported as itself (U+D800 to U+DFFF). */
  codePoint: number;
}

/**
 * XML 1.0's Char production, less the Unicode noncharacters (U+FDD0 to U+FDEF and the last
 * two of every plane). Tab, LF and CR are the only controls XML keeps; a stored string must
 * survive being written into the report's XML, or Word and LibreOffice refuse the file.
 */
function isXmlChar(cp: number): boolean {
  if (cp === 0x9 || cp === 0xa || cp === 0xd) return true;
  if (cp < 0x20 || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return false;
  if (cp >= 0xfdd0 && cp <= 0xfdef) return false;
  return (cp & 0xfffe) !== 0xfffe;
}

/**
 * Characters that may be ones XML cannot hold: the controls but tab, LF and CR, every
 * surrogate (a valid pair too: firstXmlInvalid tells), U+FDD0 to U+FDEF, U+FFFE and U+FFFF.
 */
const XML_SUSPECT =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/** False when every character of `text` is one XML holds; a quick test of long texts. */
export function mayHoldXmlInvalid(text: string): boolean {
  return XML_SUSPECT.test(text);
}

/** The first character of `text` that XML cannot hold, or null when every one can. */
export function firstXmlInvalid(text: string): XmlInvalidChar | null {
  for (let i = 0; i < text.length;) {
    // codePointAt joins a surrogate pair and returns a lone surrogate unchanged.
    const cp = text.codePointAt(i)!;
    if (!isXmlChar(cp)) return { index: i, codePoint: cp };
    i += cp > 0xffff ? 2 : 1;
  }
  return null;
}

/** "U+FFFE", "U+1FFFF": how a code point is named to the user. */
export function codePointName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The first string inside `value` (objects and arrays walked in order) holding a character
 * XML cannot hold, with its dotted path ("activities.12.title"); null when all are safe.
 * Text saved before such characters were refused at input can still hold one.
 */
export function findXmlInvalid(
  value: unknown,
  path: string[] = [],
): { path: string; codePoint: number } | null {
  if (typeof value === 'string') {
    const bad = firstXmlInvalid(value);
    return bad ? { path: path.join('.'), codePoint: bad.codePoint } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findXmlInvalid(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      const found = findXmlInvalid(v, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** "A, B và C": a list inside a sentence. */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]!}`;
}
