// What the office's kind (OFFICE_KINDS: a commune's office, the department, a press agency,
// a district-era office) means for the profile screen: the office fields choosing it on the
// first run fills, the desks it works at, and how the form names its areas.
import { areaHeading, areaKind, areaNoun, orderedKinds } from '../../../../shared/areas';
import type { DeskSettings } from '../../../../shared/inbox';
import {
  DEFAULT_DEPARTMENT,
  DEFAULT_STEERING,
  OFFICE_KIND_INFO,
  defaultRecipients,
  type OfficeKind,
} from '../../../../shared/offices';
import type { CommuneRowValues, ProfileFormValues } from './profileForm';

type OfficeValues = ProfileFormValues['office'];

interface Filled {
  name: string;
  parent: string;
  docSymbol: string;
  recipients: string;
  signerTitle: string;
}

function filledBy(kind: OfficeKind, office: OfficeValues): Filled {
  const info = OFFICE_KIND_INFO[kind];
  const line = {
    department: office.department ?? DEFAULT_DEPARTMENT,
    steering: office.steering ?? DEFAULT_STEERING,
  };
  return {
    name: info.name,
    parent: info.parent,
    docSymbol: info.docSymbol,
    recipients: defaultRecipients(kind, line).join('\n'),
    signerTitle: info.signerTitle,
  };
}

/**
 * The office as choosing `to` leaves it: its kind set, and each of name, parent, document
 * symbol, recipients and signer's title filled from OFFICE_KIND_INFO where it is empty or
 * still as choosing `from` filled it (a second choice replaces the first one's guesses,
 * never what the user typed).
 */
export function prefillOffice(
  office: OfficeValues,
  to: OfficeKind,
  from?: OfficeKind,
): OfficeValues {
  const next = filledBy(to, office);
  const prev = from ? filledBy(from, office) : null;
  const take = (current: string | undefined, key: keyof Filled) =>
    (current ?? '').trim() === '' || (prev !== null && current === prev[key]);
  const signer = office.signer ?? { title: '', name: '' };
  return {
    ...office,
    kind: to,
    name: take(office.name, 'name') ? next.name : office.name,
    parent: take(office.parent, 'parent') ? next.parent : office.parent,
    docSymbol: take(office.docSymbol, 'docSymbol') ? next.docSymbol : office.docSymbol,
    recipients: take(office.recipients, 'recipients') ? next.recipients : office.recipients,
    signer: {
      ...signer,
      title: take(signer.title, 'signerTitle') ? next.signerTitle : signer.title,
    },
  };
}

/**
 * The desks an office of this kind works at: every office keeps its logbook; the department
 * also takes in and merges the offices' packages (it records its own work as well).
 */
export function desksFor(kind: OfficeKind): Pick<DeskSettings, 'office' | 'province'> {
  return { office: true, province: OFFICE_KIND_INFO[kind].province };
}

export interface FormAreaWords {
  /** "thôn, bản, tổ dân phố" */
  noun: string;
  /** "Thôn, bản, tổ dân phố" */
  heading: string;
  /** A name to show in an empty row. */
  example: string;
}

/**
 * How the profile form names the areas: by the kinds of the rows typed so far, else by what
 * an office of its kind has, else "địa bàn".
 */
export function formAreaWords(
  rows: readonly Partial<CommuneRowValues>[] | undefined,
  kind: OfficeKind | undefined,
): FormAreaWords {
  const typed = (rows ?? [])
    .filter((r) => (r?.name ?? '').trim() !== '')
    .map((r) => areaKind({ name: r.name ?? '', kind: r.kind ?? null }));
  const info = kind ? OFFICE_KIND_INFO[kind] : null;
  const kinds = typed.length > 0 ? orderedKinds(typed) : (info?.areas.split(', ') ?? []);
  return {
    noun: areaNoun(kinds),
    heading: areaHeading(kinds),
    example: info?.areaExample || OFFICE_KIND_INFO.commune.areaExample,
  };
}

/** What the areas card says an office of this kind lists (or need not). */
export function areasHint(kind: OfficeKind | undefined): string | null {
  switch (kind) {
    case 'commune':
      return (
        'Từ 01/7/2025 không còn cấp huyện: địa bàn của Phòng Văn hóa - Xã hội là các thôn, bản, ' +
        'tổ dân phố của xã. Hãy ghi tên đầy đủ, ví dụ “Thôn Nà Lệnh”, “Tổ dân phố 1”; loại ' +
        'được đọc từ chữ đầu của tên, hoặc ghi ở cột “Loại”.'
      );
    case 'province':
      return (
        'Sở không cần khai báo địa bàn: hoạt động do Sở thực hiện được ghi chung cho toàn đơn ' +
        'vị; số liệu theo từng xã, phường đến từ báo cáo của các đơn vị gửi lên.'
      );
    case 'press':
      return 'Cơ quan báo chí không cần khai báo địa bàn: tin, bài được ghi chung cho toàn đơn vị.';
    case 'district':
      return 'Các xã, thị trấn của huyện trước ngày 01/7/2025, để ghi và báo cáo số liệu các kỳ trước.';
    default:
      return null;
  }
}
