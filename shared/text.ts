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

/**
 * Matching key for names that must match exactly up to Unicode normal form, letter case
 * and spacing (commune names): diacritics still count, since "Xã Hà" and "Xã Hạ" differ.
 */
export function nameKey(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

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
