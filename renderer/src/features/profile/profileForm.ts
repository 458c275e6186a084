// The office profile as the form holds it, and the ways its areas come in: typed, pasted
// as a list, or read from a profile JSON file (INTERCHANGE.md, "Office profile").
import { AREA_KINDS, normalKind } from '../../../../shared/areas';
import type { ProfileView } from '../../../../shared/contract';
import {
  COMMUNE_FLAGS,
  COMMUNE_FLAG_LABELS,
  CUTOFFS,
  REPORT_SUBJECTS,
  type CommuneFlag,
  type Cutoff,
  type ReportSubject,
} from '../../../../shared/domain';
import {
  DEFAULT_DEPARTMENT,
  DEFAULT_STEERING,
  OFFICE_KINDS,
  type OfficeKind,
} from '../../../../shared/offices';
import type { ProfileInput } from '../../../../shared/schemas';
import { fold, nameKey } from '../../../../shared/text';

export type FlagValues = Record<CommuneFlag, boolean>;

export interface CommuneRowValues {
  code: string;
  name: string;
  /** As typed; absent or blank: the name's leading word says it. */
  kind?: string;
  flags: FlagValues;
  /** Codes of the areas merged into this one. */
  absorbed?: string[];
}

export interface ProfileFormValues {
  office: {
    /** Who the office is; absent in profiles made before it was asked. */
    kind?: OfficeKind;
    code: string;
    name: string;
    parent: string;
    province: string;
    place: string;
    docSymbol: string;
    /** One recipient per line. */
    recipients: string;
    signer: { title: string; name: string };
    /** "Nơi nhận" of a new report after "Như trên", one per line. */
    copies: string;
    /** After "Lưu:" ("VT, TTBCXB"), and the drafter's initials after it. */
    filing: string;
    drafter: string;
    cutoff: Cutoff;
    /** The department reported to, and the province's steering committee. */
    department: string;
    steering: string;
    /** The subjects the office reports on, one report each. */
    subjects: ReportSubject[];
  };
  communes: CommuneRowValues[];
}

export function flagValues(flags: readonly string[] = []): FlagValues {
  return Object.fromEntries(COMMUNE_FLAGS.map((f) => [f, flags.includes(f)])) as FlagValues;
}

export function emptyCommune(): CommuneRowValues {
  return { code: '', name: '', flags: flagValues() };
}

export function emptyProfile(): ProfileFormValues {
  return {
    office: {
      code: '',
      name: '',
      parent: '',
      province: '',
      place: '',
      docSymbol: '',
      recipients: '',
      signer: { title: '', name: '' },
      copies: '',
      filing: 'VT',
      drafter: '',
      cutoff: 'decree09',
      department: DEFAULT_DEPARTMENT,
      steering: DEFAULT_STEERING,
      subjects: ['trafficking'],
    },
    communes: [emptyCommune(), emptyCommune()],
  };
}

export function toFormValues(view: ProfileView): ProfileFormValues {
  const o = view.office;
  return {
    office: {
      ...(o.kind ? { kind: o.kind } : {}),
      code: o.code,
      name: o.name,
      parent: o.parent,
      province: o.province,
      place: o.place,
      docSymbol: o.docSymbol,
      recipients: o.recipients.join('\n'),
      signer: { title: o.signer.title, name: o.signer.name },
      copies: o.copies.join('\n'),
      filing: o.filing,
      drafter: o.drafter,
      cutoff: o.cutoff,
      department: o.department,
      steering: o.steering,
      subjects: [...o.subjects],
    },
    communes: view.communes
      .filter((c) => c.active)
      .map((c) => row(c.code, c.name, c.kind, c.flags, c.absorbed)),
  };
}

/**
 * A draft kept in localStorage over the saved profile: one typed before the subjects, the
 * reporting line or the report's "Nơi nhận" were asked keeps the saved ones.
 */
export function restoreDraft(
  saved: ProfileFormValues,
  draft: ProfileFormValues,
): ProfileFormValues {
  // Typed as the form's, a draft from localStorage may lack any field (or its office).
  const o: Partial<ProfileFormValues['office']> | undefined = draft.office;
  return {
    ...draft,
    office: {
      ...draft.office,
      subjects: o?.subjects ?? saved.office.subjects,
      department: o?.department ?? saved.office.department,
      steering: o?.steering ?? saved.office.steering,
      copies: o?.copies ?? saved.office.copies,
      filing: o?.filing ?? saved.office.filing,
      drafter: o?.drafter ?? saved.office.drafter,
    },
  };
}

/** A form row; kind and absorbed only when there are some, as the profile file has them. */
function row(
  code: string,
  name: string,
  kind: string | undefined,
  flags: readonly string[],
  absorbed: readonly string[] = [],
): CommuneRowValues {
  return {
    code,
    name,
    ...(kind ? { kind } : {}),
    flags: flagValues(flags),
    ...(absorbed.length > 0 ? { absorbed: [...absorbed] } : {}),
  };
}

/** Codes typed for "Sáp nhập từ": trimmed, blank and repeated ones left out. */
function cleanCodes(codes: readonly string[] | undefined): string[] {
  const byKey = new Map<string, string>();
  for (const code of codes ?? []) {
    const c = code.trim();
    if (c !== '' && !byKey.has(nameKey(c))) byKey.set(nameKey(c), c);
  }
  return [...byKey.values()];
}

export function isBlankRow(row: Partial<CommuneRowValues> | undefined): boolean {
  return !row || ((row.code ?? '').trim() === '' && (row.name ?? '').trim() === '');
}

/** A textarea's lines, trimmed, blank ones left out. */
function lines(text: string | undefined): string[] {
  return (text ?? '')
    .split('\n')
    .map((r) => r.trim())
    .filter((r) => r !== '');
}

/** The rows with a code each: one left empty (as its placeholder offers) is made from the name. */
function withCodes(rows: readonly CommuneRowValues[]): (CommuneRowValues & { code: string })[] {
  const taken = new Set(
    rows.map((r) => (r.code ?? '').trim().toLowerCase()).filter((c) => c !== ''),
  );
  return rows.map((r) => {
    const typed = (r.code ?? '').trim();
    if (typed !== '' || (r.name ?? '').trim() === '') return { ...r, code: typed };
    const code = makeCommuneCode(r.name, taken);
    taken.add(code.toLowerCase());
    return { ...r, code };
  });
}

/** What profile:save receives. Wholly empty commune rows are left out. */
export function toProfileInput(values: ProfileFormValues): ProfileInput {
  const o = values.office;
  return {
    office: {
      ...(o.kind ? { kind: o.kind } : {}),
      code: o.code.trim(),
      name: o.name,
      parent: o.parent ?? '',
      province: o.province ?? '',
      place: o.place ?? '',
      docSymbol: o.docSymbol ?? '',
      recipients: lines(o.recipients),
      signer: { title: o.signer?.title ?? '', name: o.signer?.name ?? '' },
      copies: lines(o.copies),
      filing: (o.filing ?? '').trim() || 'VT',
      drafter: (o.drafter ?? '').trim(),
      cutoff: o.cutoff,
      department: o.department ?? DEFAULT_DEPARTMENT,
      steering: o.steering ?? DEFAULT_STEERING,
      subjects: o.subjects?.length ? o.subjects : ['trafficking'],
    },
    communes: withCodes((values.communes ?? []).filter((r) => !isBlankRow(r))).map((r) => {
      const kind = (r.kind ?? '').trim();
      const absorbed = cleanCodes(r.absorbed);
      return {
        code: r.code,
        name: (r.name ?? '').trim(),
        ...(kind !== '' ? { kind } : {}),
        flags: COMMUNE_FLAGS.filter((f) => r.flags?.[f] === true),
        ...(absorbed.length > 0 ? { absorbed } : {}),
      };
    }),
  };
}

/** Index of a commune in the input (blank rows removed) → index of its form row. */
export function formRowIndex(values: ProfileFormValues, inputIndex: number): number {
  let seen = -1;
  const rows = values.communes ?? [];
  for (let i = 0; i < rows.length; i++) {
    if (!isBlankRow(rows[i])) seen++;
    if (seen === inputIndex) return i;
  }
  return inputIndex;
}

// ---------- codes ----------

// The kinds a name starts with, longest first ("to dan pho" before "to"), and the short
// forms people write for communes and wards.
const NAME_PREFIXES = new RegExp(
  `^(${[...AREA_KINDS.map(fold), 'tdp', 'tt', 'p', 'x']
    .sort((a, b) => b.length - a.length)
    .join('|')})\\.?\\s+`,
);

const asCode = (text: string) =>
  text
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toUpperCase();

/**
 * "Xã Hợp Thành" → "HOP-THANH", "Thôn Nà Lệnh" → "NA-LENH"; a numbered area keeps its kind
 * ("Tổ dân phố 1" → "TO-DAN-PHO-1"), since a commune's office often has "Thôn 1" and "Tổ
 * dân phố 1" both. Unique against `taken` (case-insensitive).
 */
export function makeCommuneCode(name: string, taken: Set<string>): string {
  const folded = fold(name);
  const rest = asCode(folded.replace(NAME_PREFIXES, ''));
  const base = (/^[0-9-]*$/.test(rest) ? asCode(folded) : rest) || 'XA';
  let code = base;
  for (let n = 2; taken.has(code.toLowerCase()); n++) code = `${base}-${String(n)}`;
  taken.add(code.toLowerCase());
  return code;
}

// ---------- pasting a list ----------

/**
 * "biên giới", "border", "bien gioi" → 'border'. A part of a label counts only as whole
 * words of at least three letters: an "x" ticked in a spreadsheet column is not "vùng xa".
 */
function flagOf(text: string): CommuneFlag | null {
  const t = fold(text);
  if (t === '') return null;
  for (const f of COMMUNE_FLAGS) {
    const label = fold(COMMUNE_FLAG_LABELS[f]);
    if (t === f || label === t) return f;
    if (t.length >= 3 && ` ${label.replace(/,/g, '')} `.includes(` ${t} `)) return f;
  }
  if (t.includes('dan toc')) return 'ethnic';
  if (t.includes('trong diem')) return 'key';
  if (t.includes('vung sau') || t.includes('vung xa')) return 'remote';
  return null;
}

const CODE_LIKE = /^[A-Za-z0-9._-]+$/;

/** A part of a pasted line that names a kind of area ("thôn", "Tổ dân phố"), or null. */
function kindOf(text: string): string | null {
  const key = nameKey(text);
  return AREA_KINDS.find((k) => nameKey(k) === key) ?? null;
}

export interface PasteResult {
  rows: CommuneRowValues[];
  /** Lines that named flags we do not know, for the user to check. */
  unknownFlags: string[];
}

/**
 * One area per line: "CODE<TAB or ;>Name<;flags>" or just a name. Flags may be separated by
 * "," or further ";" and written as keys or Vietnamese labels; a part that is a kind of
 * area ("thôn", "tổ dân phố") gives the row's kind.
 */
export function parseCommuneList(text: string, takenCodes: Iterable<string>): PasteResult {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => l.split(/\t|;/).map((p) => p.trim()));
  // Codes typed anywhere in the list are taken before any code is generated.
  const taken = new Set([...takenCodes].map((c) => c.toLowerCase()));
  for (const parts of lines) {
    if (parts.length >= 2 && CODE_LIKE.test(parts[0] ?? ''))
      taken.add((parts[0] ?? '').toLowerCase());
  }
  const rows: CommuneRowValues[] = [];
  const unknownFlags: string[] = [];
  for (const parts of lines) {
    let code = '';
    let name: string;
    let rest: string[];
    if (parts.length >= 2 && CODE_LIKE.test(parts[0] ?? '')) {
      code = parts[0] ?? '';
      name = parts[1] ?? '';
      rest = parts.slice(2);
    } else {
      name = parts[0] ?? '';
      rest = parts.slice(1);
    }
    if (name === '') continue;
    if (code === '') code = makeCommuneCode(name, taken);
    const flags: CommuneFlag[] = [];
    let kind: string | undefined;
    for (const token of rest.flatMap((r) => r.split(','))) {
      if (token.trim() === '') continue;
      // Kinds first: "bản" folds to a word of "địa bàn trọng điểm".
      const k = kindOf(token);
      const f = k ? null : flagOf(token);
      if (k) kind = normalKind(k);
      else if (f) flags.push(f);
      else unknownFlags.push(`${name}: "${token.trim()}"`);
    }
    rows.push(row(code, name, kind, flags));
  }
  return { rows, unknownFlags };
}

// ---------- reading a profile file ----------

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Reads a profile JSON file's text; throws an Error with a Vietnamese message. */
export function parseProfileFile(text: string): ProfileFormValues {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new Error('Tệp không phải JSON hợp lệ.');
  }
  if (typeof data !== 'object' || data === null) throw new Error('Tệp không chứa hồ sơ đơn vị.');
  const { office, communes } = data as { office?: unknown; communes?: unknown };
  if (typeof office !== 'object' || office === null) {
    throw new Error('Tệp thiếu phần "office" (thông tin đơn vị).');
  }
  if (!Array.isArray(communes)) {
    throw new Error('Tệp thiếu phần "communes" (danh sách địa bàn của đơn vị).');
  }
  const o = office as Record<string, unknown>;
  const signer = (typeof o.signer === 'object' && o.signer !== null ? o.signer : {}) as Record<
    string,
    unknown
  >;
  const cutoff = CUTOFFS.includes(o.cutoff as Cutoff) ? (o.cutoff as Cutoff) : 'decree09';
  const kind = OFFICE_KINDS.find((k) => k === o.kind);
  return {
    office: {
      ...(kind ? { kind } : {}),
      code: str(o.code),
      name: str(o.name),
      parent: str(o.parent),
      province: str(o.province),
      place: str(o.place),
      docSymbol: str(o.docSymbol),
      recipients: Array.isArray(o.recipients) ? o.recipients.map(str).join('\n') : '',
      signer: { title: str(signer.title), name: str(signer.name) },
      copies: Array.isArray(o.copies) ? o.copies.map(str).join('\n') : '',
      filing: typeof o.filing === 'string' ? o.filing : 'VT',
      drafter: str(o.drafter),
      cutoff,
      department: typeof o.department === 'string' ? o.department : DEFAULT_DEPARTMENT,
      steering: typeof o.steering === 'string' ? o.steering : DEFAULT_STEERING,
      subjects: Array.isArray(o.subjects)
        ? REPORT_SUBJECTS.filter((s) => (o.subjects as unknown[]).includes(s))
        : ['trafficking'],
    },
    communes: communes.map((c: unknown) => {
      const r = (typeof c === 'object' && c !== null ? c : {}) as Record<string, unknown>;
      const flags = Array.isArray(r.flags) ? r.flags.map(str) : [];
      const absorbed = Array.isArray(r.absorbed) ? cleanCodes(r.absorbed.map(str)) : [];
      return row(str(r.code), str(r.name), str(r.kind).trim() || undefined, flags, absorbed);
    }),
  };
}
