// The office profile as the form holds it, and the ways communes come in: typed, pasted
// as a list, or read from a profile JSON file (INTERCHANGE.md, "Office profile").
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
import type { ProfileInput } from '../../../../shared/schemas';
import { fold } from '../../../../shared/text';

export type FlagValues = Record<CommuneFlag, boolean>;

export interface CommuneRowValues {
  code: string;
  name: string;
  flags: FlagValues;
}

export interface ProfileFormValues {
  office: {
    code: string;
    name: string;
    parent: string;
    province: string;
    place: string;
    docSymbol: string;
    /** One recipient per line. */
    recipients: string;
    signer: { title: string; name: string };
    cutoff: Cutoff;
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
      cutoff: 'decree09',
      subjects: ['trafficking'],
    },
    communes: [emptyCommune(), emptyCommune()],
  };
}

export function toFormValues(view: ProfileView): ProfileFormValues {
  const o = view.office;
  return {
    office: {
      code: o.code,
      name: o.name,
      parent: o.parent,
      province: o.province,
      place: o.place,
      docSymbol: o.docSymbol,
      recipients: o.recipients.join('\n'),
      signer: { title: o.signer.title, name: o.signer.name },
      cutoff: o.cutoff,
      subjects: [...o.subjects],
    },
    communes: view.communes
      .filter((c) => c.active)
      .map((c) => ({ code: c.code, name: c.name, flags: flagValues(c.flags) })),
  };
}

function isBlankRow(row: Partial<CommuneRowValues> | undefined): boolean {
  return !row || ((row.code ?? '').trim() === '' && (row.name ?? '').trim() === '');
}

/** What profile:save receives. Wholly empty commune rows are left out. */
export function toProfileInput(values: ProfileFormValues): ProfileInput {
  const o = values.office;
  return {
    office: {
      code: o.code.trim(),
      name: o.name,
      parent: o.parent ?? '',
      province: o.province ?? '',
      place: o.place ?? '',
      docSymbol: o.docSymbol ?? '',
      recipients: (o.recipients ?? '')
        .split('\n')
        .map((r) => r.trim())
        .filter((r) => r !== ''),
      signer: { title: o.signer?.title ?? '', name: o.signer?.name ?? '' },
      cutoff: o.cutoff,
      subjects: o.subjects?.length ? o.subjects : ['trafficking'],
    },
    communes: (values.communes ?? [])
      .filter((row) => !isBlankRow(row))
      .map((row) => ({
        code: (row.code ?? '').trim(),
        name: (row.name ?? '').trim(),
        flags: COMMUNE_FLAGS.filter((f) => row.flags?.[f] === true),
      })),
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

const NAME_PREFIXES = /^(xa|phuong|thi tran|tt|p|x)\.?\s+/;

/** "Xã Hợp Thành" → "HOP-THANH"; unique against `taken` (case-insensitive). */
export function makeCommuneCode(name: string, taken: Set<string>): string {
  const base =
    fold(name)
      .replace(NAME_PREFIXES, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toUpperCase() || 'XA';
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

export interface PasteResult {
  rows: CommuneRowValues[];
  /** Lines that named flags we do not know, for the user to check. */
  unknownFlags: string[];
}

/**
 * One commune per line: "CODE<TAB or ;>Name<;flags>" or just a name. Flags may be
 * separated by "," or further ";" and written as keys or Vietnamese labels.
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
    for (const token of rest.flatMap((r) => r.split(','))) {
      if (token.trim() === '') continue;
      const f = flagOf(token);
      if (f) flags.push(f);
      else unknownFlags.push(`${name}: "${token.trim()}"`);
    }
    rows.push({ code, name, flags: flagValues(flags) });
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
  if (!Array.isArray(communes)) throw new Error('Tệp thiếu phần "communes" (danh sách xã).');
  const o = office as Record<string, unknown>;
  const signer = (typeof o.signer === 'object' && o.signer !== null ? o.signer : {}) as Record<
    string,
    unknown
  >;
  const cutoff = CUTOFFS.includes(o.cutoff as Cutoff) ? (o.cutoff as Cutoff) : 'decree09';
  return {
    office: {
      code: str(o.code),
      name: str(o.name),
      parent: str(o.parent),
      province: str(o.province),
      place: str(o.place),
      docSymbol: str(o.docSymbol),
      recipients: Array.isArray(o.recipients) ? o.recipients.map(str).join('\n') : '',
      signer: { title: str(signer.title), name: str(signer.name) },
      cutoff,
      subjects: Array.isArray(o.subjects)
        ? REPORT_SUBJECTS.filter((s) => (o.subjects as unknown[]).includes(s))
        : ['trafficking'],
    },
    communes: communes.map((c: unknown) => {
      const r = (typeof c === 'object' && c !== null ? c : {}) as Record<string, unknown>;
      const flags = Array.isArray(r.flags) ? r.flags.map(str) : [];
      return { code: str(r.code), name: str(r.name), flags: flagValues(flags) };
    }),
  };
}
