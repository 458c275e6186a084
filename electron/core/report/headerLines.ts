// Breaking the names of the header's left column into lines the way Vietnamese offices write
// them: never inside a word of two syllables ("VĂN HÓA", "THÔNG TIN") or inside a place
// name ("HUYỆN VĂN LÃNG"), a continuation line starting with "VÀ" rather than a line
// ending with it ("SỞ VĂN HÓA, THỂ THAO" / "VÀ DU LỊCH"), and only when the name does not
// fit the column, measured with the font's own widths.
//
// Vietnamese puts a space between syllables, so a word of two looks like two words and only
// a dictionary would find every compound. Names of offices are regular enough without one:
// a head noun ("PHÒNG", "SỞ", "ỦY BAN") and fields of two syllables joined by "VÀ", commas
// or a dash, then perhaps the level and name of a place.

/**
 * Advance widths of the capitals A–Z in Times New Roman, in thousandths of an em (Liberation
 * Serif, which LibreOffice substitutes, has the same metrics). Marks above or below a
 * letter do not change its width, except for the horn of Ư.
 */
const CAPS = {
  regular: [
    722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556,
    611, 722, 722, 944, 722, 722, 611,
  ],
  bold: [
    722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556,
    667, 722, 722, 1000, 722, 722, 667,
  ],
} as const;

const OTHER: Record<string, readonly [regular: number, bold: number]> = {
  ' ': [250, 250],
  '\u00A0': [250, 250],
  ',': [250, 250],
  '.': [250, 250],
  '-': [333, 333],
  '/': [278, 278],
  '(': [333, 333],
  ')': [333, 333],
  '&': [778, 833],
  Đ: [722, 722],
  Ư: [776, 796],
};

/** The width in points of `text` (capitals) in Times New Roman of `size` points. */
export function textWidth(text: string, size: number, bold = false): number {
  let total = 0;
  for (const ch of text.normalize('NFC')) {
    const other = OTHER[ch];
    const base = ch.normalize('NFD').charAt(0);
    const capital = base.charCodeAt(0) - 65;
    if (other) total += other[bold ? 1 : 0];
    else if (/\d/.test(base)) total += 500;
    else if (capital >= 0 && capital < 26) total += CAPS[bold ? 'bold' : 'regular'][capital]!;
    else total += 1000; // an unexpected character: counted as wide, so the line breaks early
  }
  return (total * size) / 1000;
}

/** Levels of a place, longest first; the words after one are the place's name. */
const LEVELS = [
  'THÀNH PHỐ',
  'THỊ XÃ',
  'THỊ TRẤN',
  'ĐẶC KHU',
  'TỈNH',
  'HUYỆN',
  'QUẬN',
  'XÃ',
  'PHƯỜNG',
];

/** A Vietnamese syllable, marks stripped: initial consonants, vowels, final consonants. */
const SYLLABLE =
  /^(NGH|NG|NH|CH|GH|GI|KH|PH|QU|TH|TR|[BCDĐGHKLMNPRSTVX])?[AEIOUY]{1,3}(NG|NH|CH|[CMNPT])?,?$/;
const isSyllable = (word: string) =>
  SYLLABLE.test(word.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));

/** Where the last place of `words` starts ("HUYỆN" of "UBND HUYỆN CAO LỘC"), or -1. */
function placeStart(words: readonly string[]): number {
  for (let i = words.length - 2; i >= 0; i--) {
    for (const level of LEVELS) {
      const n = level.split(' ').length;
      if (i + n < words.length && words.slice(i, i + n).join(' ') === level) {
        // "XÃ" of "THỊ XÃ" is part of the level before it.
        const before = i > 0 ? `${words[i - 1]} ${words[i]}` : '';
        return LEVELS.includes(before) ? i - 1 : i;
      }
    }
  }
  return -1;
}

/**
 * The words of a name before its place, grouped: a run of syllables between separators
 * ("VÀ", a dash, a comma, an abbreviation such as "UBND") is paired from its end, so the
 * head noun of an odd run stands alone ("PHÒNG" | "VĂN HÓA") and an even run is all pairs
 * ("ỦY BAN" | "NHÂN DÂN").
 */
function headGroups(words: readonly string[]): string[][] {
  const groups: string[][] = [];
  let run: string[] = [];
  const flush = () => {
    const odd = run.length % 2;
    if (odd) groups.push(run.slice(0, 1));
    for (let i = odd; i < run.length; i += 2) groups.push(run.slice(i, i + 2));
    run = [];
  };
  for (const word of words) {
    if (word === 'VÀ' || !isSyllable(word)) {
      flush();
      groups.push([word]);
    } else {
      run.push(word);
      if (word.endsWith(',')) flush();
    }
  }
  flush();
  return groups;
}

/** Words that stay on one line, and whether a line break before them reads naturally. */
interface Group {
  words: string[];
  /** A break before this group is where an officer would break ("VÀ …", the place). */
  preferred: boolean;
}

/**
 * The name in groups that must not be split: each two-syllable word, the place with its
 * level, "VÀ" with what follows it, a dash with what precedes it.
 */
export function wordGroups(text: string): string[][] {
  return groupsOf(text).map((g) => g.words);
}

function groupsOf(text: string): Group[] {
  const words = text.split(/\s+/).filter(Boolean);
  const place = placeStart(words);
  const head = place < 0 ? words : words.slice(0, place);
  const raw: Group[] = headGroups(head).map((w) => ({ words: w, preferred: false }));
  if (place >= 0) raw.push({ words: words.slice(place), preferred: true });
  const groups: Group[] = [];
  let pendingAnd: string[] = [];
  for (const g of raw) {
    const first = g.words[0];
    if (first === 'VÀ' && g.words.length === 1) {
      pendingAnd.push(first);
    } else if ((first === '-' || first === '–') && g.words.length === 1 && groups.length > 0) {
      groups.at(-1)!.words.push(first);
    } else {
      const preferred = g.preferred || pendingAnd.length > 0;
      groups.push({ words: [...pendingAnd, ...g.words], preferred });
      pendingAnd = [];
    }
  }
  if (pendingAnd.length > 0) groups.push({ words: pendingAnd, preferred: false });
  return groups;
}

/** Styles of a header line that decide its width. */
export interface LineStyle {
  /** Size in points. */
  size: number;
  bold?: boolean;
}

const NBSP = '\u00A0';

/**
 * The lines of `text` in a column `width` points wide. Fewest lines first; then breaks
 * where an officer would break (before "VÀ …", before the place); then the most even
 * lines, the first no shorter ("PHÒNG VĂN HÓA" / "VÀ THÔNG TIN"). Inside a group the
 * words are joined by no-break spaces, so that Word or LibreOffice, finding a line a
 * little wider than measured here, still breaks between groups only; a group wider
 * than the column on its own keeps ordinary spaces and wraps where it must.
 */
export function headerLines(text: string, width: number, style: LineStyle): string[] {
  const groups = groupsOf(text);
  const measure = (s: string) => textWidth(s, style.size, style.bold);
  const joined = groups.map((g) => {
    const tight = g.words.join(NBSP);
    return measure(tight) <= width ? tight : g.words.join(' ');
  });
  const n = groups.length;
  if (n < 2 || measure(joined.join(' ')) <= width) return [joined.join(' ')];

  // The best lines for groups i… on, from the last group back: compared on the number of
  // lines, then on breaks where an officer would not break, then on the longest line, each
  // of which adds up (or takes the maximum) line by line.
  interface Layout {
    ends: number[];
    lines: number;
    penalty: number;
    longest: number;
  }
  const compare = (a: Layout, b: Layout) =>
    a.lines - b.lines || a.penalty - b.penalty || a.longest - b.longest;
  const best: Layout[] = [];
  best[n] = { ends: [], lines: 0, penalty: 0, longest: 0 };
  for (let i = n - 1; i >= 0; i--) {
    let chosen: (Layout & { first: number }) | undefined;
    for (let j = i + 1; j <= n; j++) {
      const first = measure(joined.slice(i, j).join(' '));
      // A group alone on its line is as narrow as it can be made.
      if (first > width && j > i + 1) break;
      const rest = best[j]!;
      const layout = {
        ends: [j, ...rest.ends],
        lines: rest.lines + 1,
        penalty: rest.penalty + (j < n && !groups[j]!.preferred ? 1 : 0),
        longest: Math.max(first, rest.longest),
        first,
      };
      const order = chosen ? compare(layout, chosen) : -1;
      if (order < 0 || (order === 0 && i === 0 && first > chosen!.first)) chosen = layout;
    }
    best[i] = chosen!;
  }
  let start = 0;
  return best[0]!.ends.map((end) => joined.slice(start, (start = end)).join(' '));
}
