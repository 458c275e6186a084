// Reading a verified package's data.json for the province desk. `verify` has already checked
// the signature, the hashes and that data.json agrees with the manifest; this checks every
// record the desk will count, with the same schemas the office's own import uses, so a
// genuine but malformed file is refused with a sentence naming the record and field.
import { z } from 'zod';
import type { Msg } from '../../../shared/errors';
import { describeIssue } from '../../../shared/issues';
import { DATA_FILE, type Manifest } from '../../../shared/package';
import { ActivityInputSchema, CommuneSchema, type ActivityData } from '../../../shared/schemas';
import { mergeTargets } from '../../../shared/areas';
import { officeDisplayName } from '../../../shared/offices';
import { nameKey } from '../../../shared/text';
import type { InboxPhotoRow } from './photos';

export class DataRefused extends Error {
  constructor(readonly msg: Msg) {
    super(msg.en);
  }
}

const DataSchema = z.object({
  profile: z.object({
    communes: z.array(z.unknown()).max(2000),
    /** Only its parent is read here, to tell offices of the same name apart. */
    office: z.object({ parent: z.string().max(300).optional() }).optional(),
  }),
  /** Absent in packages made before it existed. */
  formerCommunes: z.array(z.unknown()).max(2000).optional(),
  activities: z.array(z.unknown()),
});

export interface InboxCommune {
  code: string;
  name: string;
  /** As the office's profile gives it ('' : the name's leading word says it). */
  kind: string;
  flags: string[];
  /** False for a commune dropped from the office's list that the period's activities name. */
  active: boolean;
  /** For one merged into another of the package's areas: that one's code. */
  countsAs: string | null;
}

export type InboxActivity = ActivityData & { id: string; communeCodes: string[] };

export interface PackageContents {
  /**
   * The office as provinces name it, from the package: its name with its parent's place
   * ("Phòng Văn hóa và Thông tin huyện Cao Lộc"), as the register names it from a certificate.
   */
  officeName: string;
  communes: InboxCommune[];
  activities: InboxActivity[];
  /**
   * A version 1 package's one report was the trafficking report and counted every activity
   * of the period: each counts under trafficking, as the office signed it.
   */
  allTrafficking: boolean;
  /** The photos carried, each already decoded (inbox/photos.ts). */
  photos: InboxPhotoRow[];
}

const refuse = (vi: string, en: string): DataRefused =>
  new DataRefused({ vi: `Tệp ${DATA_FILE}: ${vi}`, en: `The file ${DATA_FILE}: ${en}` });

/** Reads data.json, already parsed by verify (which checked it agrees with the manifest). */
export function readPackageData(
  manifest: Manifest,
  json: unknown,
  photos: InboxPhotoRow[] = [],
): PackageContents {
  const head = DataSchema.safeParse(json);
  if (!head.success) {
    throw refuse(
      'thiếu danh sách địa bàn hoặc danh sách hoạt động.',
      'lacks the areas or activities.',
    );
  }
  const communes: InboxCommune[] = [];
  const byName = new Map<string, string>();
  const codes = new Set<string>();
  const absorbed = new Map<string, string[]>();
  const listed = head.data.profile.communes.map((raw) => ({ raw, active: true }));
  const former = (head.data.formerCommunes ?? []).map((raw) => ({ raw, active: false }));
  [...listed, ...former].forEach(({ raw, active }, i) => {
    const parsed = CommuneSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = describeIssue(parsed.error.issues[0]!);
      throw refuse(`địa bàn thứ ${i + 1}: ${issue.msg.vi}.`, `area ${i + 1}: ${issue.msg.en}.`);
    }
    const c = parsed.data;
    if (codes.has(c.code)) {
      throw refuse(`mã địa bàn ${c.code} bị trùng.`, `the area code ${c.code} is repeated.`);
    }
    codes.add(c.code);
    // The active list first: a former commune never shadows a current one's name.
    for (const key of [nameKey(c.name), nameKey(c.code)]) {
      if (!byName.has(key)) byName.set(key, c.code);
    }
    communes.push({
      code: c.code,
      name: c.name,
      kind: c.kind ?? '',
      flags: c.flags,
      active,
      countsAs: null,
    });
    absorbed.set(c.code, c.absorbed);
  });
  const targets = mergeTargets(
    communes.map((c) => ({ code: c.code, absorbed: absorbed.get(c.code) ?? [], active: c.active })),
  );
  for (const c of communes) c.countsAs = targets.get(c.code) ?? null;

  const ids = new Set<string>();
  const byRaw = new Map<string, string>();
  const { from, to } = manifest.period;
  // Thousands of records per package: what names a record in a refusal is built only when
  // one is refused, and a parsed record (zod's own copy) is completed in place.
  const activities = head.data.activities.map((raw, i): InboxActivity => {
    const where = (): Msg => {
      const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : null;
      return typeof rawId === 'string'
        ? { vi: `hoạt động ${rawId}`, en: `activity ${rawId}` }
        : { vi: `hoạt động thứ ${i + 1}`, en: `activity ${i + 1}` };
    };
    const parsed = ActivityInputSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = describeIssue(parsed.error.issues[0]!);
      throw refuse(`${where().vi}: ${issue.msg.vi}.`, `${where().en}: ${issue.msg.en}.`);
    }
    const a = parsed.data;
    const id = a.id;
    if (id === undefined) {
      throw refuse(`${where().vi} không có mã (id).`, `${where().en} has no id.`);
    }
    if (ids.has(id)) {
      throw refuse(`mã hoạt động ${id} bị trùng.`, `the activity id ${id} is repeated.`);
    }
    ids.add(id);
    // The office counted it in the period by its date (INTERCHANGE.md); so does the desk.
    if (a.date < from || a.date > to) {
      throw refuse(
        `${where().vi} có ngày ${a.date} nằm ngoài kỳ báo cáo.`,
        `${where().en} is dated ${a.date}, outside the period.`,
      );
    }
    const communeCodes: string[] = [];
    for (const name of a.communes) {
      // Thousands of activities repeat a few dozen names: fold each name once.
      let code = byRaw.get(name);
      if (code === undefined) {
        code = byName.get(nameKey(name));
        if (code !== undefined) byRaw.set(name, code);
      }
      if (code === undefined) {
        throw refuse(
          `${where().vi} ghi địa bàn "${name}" không có trong danh sách địa bàn của đơn vị.`,
          `${where().en} names the area "${name}", which is not in the office's list.`,
        );
      }
      if (!communeCodes.includes(code)) communeCodes.push(code);
    }
    return Object.assign(a, { id, communeCodes });
  });
  return {
    officeName: officeDisplayName(manifest.office.name, head.data.profile.office?.parent ?? ''),
    communes,
    activities,
    allTrafficking: manifest.schemaVersion === 1,
    photos,
  };
}
