// The renderer's helpers behind the report texts' newer fields: the choices of "Căn cứ báo
// cáo" and the letter a request cites, what a save sends, a local draft written before the
// fields existed, and the profile's "Nơi nhận" defaults through the form.
import { describe, expect, it } from 'vitest';
import type { DirectiveRow, ProfileView } from '../../shared/contract';
import { LEGACY_TEXTS, type ReportTexts } from '../../shared/report';
import { copiesLines, openingParagraph } from '../../shared/reportText';
import { ProfileSchema } from '../../shared/schemas';
import {
  matchRequest,
  NO_REQUEST,
  requestChoices,
} from '../../renderer/src/features/report/requestChoices';
import { cleanTexts, restoreDraft } from '../../renderer/src/stores/textsDraft';
import {
  emptyProfile,
  parseProfileFile,
  restoreDraft as restoreProfileDraft,
  toFormValues,
  toProfileInput,
} from '../../renderer/src/features/profile/profileForm';

function directive(patch: Partial<DirectiveRow>): DirectiveRow {
  return {
    id: 'd',
    number: '4502/BCĐ-CAT',
    date: '2023-09-08',
    issuer: 'Ban Chỉ đạo 138 tỉnh',
    subject: 'báo cáo kết quả tuyên truyền quý III năm 2023',
    direction: 'incoming',
    createdAt: '2023-09-10T01:00:00.000Z',
    updatedAt: '2023-09-10T01:00:00.000Z',
    deletedAt: null,
    ...patch,
  };
}

function texts(patch: Partial<ReportTexts> = {}): ReportTexts {
  return {
    number: '12',
    date: '2023-10-05',
    recipients: ['Sở Văn hóa'],
    request: '',
    directives: [],
    resultsBefore: '',
    resultsAfter: '',
    strengths: '',
    limitations: '',
    nextSteps: '',
    copies: ['Như trên'],
    filing: 'VT',
    drafter: '',
    ...patch,
  };
}

const REGISTER = [
  directive({ id: 'old', number: '12/KH-UBND', date: '2023-03-02', issuer: 'UBND huyện' }),
  directive({ id: 'bcd', number: '4502/BCĐ-CAT', date: '2023-09-08' }),
  directive({ id: 'out', number: '125/BC-VHTT', date: '2023-10-01', direction: 'outgoing' }),
  directive({ id: 'gone', number: '9/CV-SVH', date: '2023-09-20', deletedAt: '2023-09-21' }),
  directive({ id: 'ubnd', number: '112/KH-UBND', date: '2023-06-30', issuer: 'UBND tỉnh' }),
];

describe('requestChoices', () => {
  it('offers the incoming directives still in the register, most recent first', () => {
    const choices = requestChoices(REGISTER);
    expect(choices.map((c) => c.value)).toEqual(['bcd', 'ubnd', 'old']);
    expect(choices[0]).toMatchObject({
      label: '4502/BCĐ-CAT ngày 08/09/2023 — Ban Chỉ đạo 138 tỉnh',
      citation:
        'Công văn số 4502/BCĐ-CAT ngày 08/9/2023 của Ban Chỉ đạo 138 tỉnh về việc báo cáo kết quả tuyên truyền quý III năm 2023',
    });
    // The subject is searched too ("bao cao quy III" finds it).
    expect(choices[0]?.searchText).toContain('báo cáo kết quả tuyên truyền');
  });

  it('orders two letters of one day by when they were registered', () => {
    const choices = requestChoices([
      directive({ id: 'a', createdAt: '2023-09-08T01:00:00.000Z' }),
      directive({ id: 'b', createdAt: '2023-09-08T03:00:00.000Z' }),
    ]);
    expect(choices.map((c) => c.value)).toEqual(['b', 'a']);
  });
});

describe('matchRequest', () => {
  const choices = requestChoices(REGISTER);

  it('reads an empty request as "none": the generic opening', () => {
    expect(matchRequest('', choices)).toBe(NO_REQUEST);
    expect(matchRequest('  \n', choices)).toBe(NO_REQUEST);
  });

  it('finds the letter picked, and keeps it once its wording is fixed by hand', () => {
    const picked = choices[0]!.citation;
    expect(matchRequest(picked, choices)).toBe('bcd');
    expect(matchRequest(`Thực hiện ${picked.replace('về việc', 'V/v')}`, choices)).toBe('bcd');
  });

  it('reads a number whole: "112/KH-UBND" is not "12/KH-UBND"', () => {
    expect(matchRequest('Kế hoạch số 112/KH-UBND ngày 30/6/2023', choices)).toBe('ubnd');
    expect(matchRequest('Kế hoạch số 12/KH-UBND ngày 02/3/2023', choices)).toBe('old');
    expect(matchRequest('Kế hoạch số 212/KH-UBND', choices)).toBeUndefined();
  });

  it('gives no choice for a letter that is not in the register', () => {
    expect(matchRequest('Công văn số 77/SVHTTDL-QLVH ngày 01/9/2023', choices)).toBeUndefined();
  });
});

describe('cleanTexts', () => {
  it('drops blank copies and trims the one-line fields', () => {
    const clean = cleanTexts(
      texts({
        request: '  Công văn số 1/CV ngày 01/9/2023 \n',
        copies: ['Như trên', '  ', ' Lãnh đạo Sở ', ''],
        filing: ' VT, TTBCXB ',
        drafter: ' LMV ',
        resultsAfter: 'Đoạn một\nĐoạn hai',
      }),
    );
    expect(clean).toMatchObject({
      request: 'Công văn số 1/CV ngày 01/9/2023',
      copies: ['Như trên', 'Lãnh đạo Sở'],
      filing: 'VT, TTBCXB',
      drafter: 'LMV',
      resultsAfter: 'Đoạn một\nĐoạn hai',
    });
    expect(copiesLines(clean)).toEqual([
      '- Như trên;',
      '- Lãnh đạo Sở;',
      '- Lưu: VT, TTBCXB (LMV).',
    ]);
  });
});

describe('restoreDraft (report texts)', () => {
  const engine = texts({
    request: 'Công văn số 4502/BCĐ-CAT ngày 08/9/2023 của Ban Chỉ đạo 138 tỉnh về việc báo cáo',
    copies: ['Như trên', 'Lãnh đạo Sở'],
    drafter: 'LMV',
  });

  it("keeps the engine's new fields under a draft written before they existed", () => {
    const old = {
      number: '125',
      date: '2023-10-05',
      recipients: ['Sở Văn hóa'],
      directives: ['- Đã triển khai'],
      strengths: 'nháp chưa lưu',
      limitations: '',
      nextSteps: '',
    };
    const restored = restoreDraft(engine, JSON.parse(JSON.stringify(old)));
    expect(restored).toEqual({ ...engine, ...old });
    expect(restored.copies).toEqual(['Như trên', 'Lãnh đạo Sở']);
    expect(cleanTexts(restored).drafter).toBe('LMV');
  });

  it('takes every field the draft has, and none of a wrong shape', () => {
    const draft = { ...texts({ drafter: 'ABC', copies: ['Như trên'] }), request: 42, extra: 'x' };
    const restored = restoreDraft(engine, draft);
    expect(restored.drafter).toBe('ABC');
    expect(restored.copies).toEqual(['Như trên']);
    expect(restored.request).toBe(engine.request);
    expect(restored).not.toHaveProperty('extra');
    expect(restoreDraft(engine, null)).toBe(engine);
    expect(restoreDraft(engine, { copies: 'Như trên' }).copies).toEqual(engine.copies);
  });

  it('opens as seed 000 does once the letter is restored', () => {
    expect(openingParagraph('Sở X', 'quý III năm 2023', 'trafficking', engine.request)).toMatch(
      /^Thực hiện Công văn số 4502\/BCĐ-CAT .* về việc báo cáo, Sở X báo cáo kết quả/u,
    );
    expect(LEGACY_TEXTS.copies).toEqual(['Như trên']);
  });
});

// ---------- the profile's "Nơi nhận" defaults ----------

const view: ProfileView = {
  office: {
    code: 'LS-CAOLOC-VHTT',
    name: 'Phòng Văn hóa và Thông tin',
    parent: 'UBND huyện Cao Lộc',
    province: 'Lạng Sơn',
    place: 'Cao Lộc',
    docSymbol: 'BC-VHTT',
    recipients: ['Sở Văn hóa, Thể thao và Du lịch'],
    signer: { title: 'TRƯỞNG PHÒNG', name: 'Nguyễn Văn A' },
    copies: ['Lãnh đạo UBND huyện', 'Phòng Tư pháp'],
    filing: 'VT, VHTT',
    drafter: 'LMV',
    cutoff: 'decree09',
    department: 'Sở Văn hóa, Thể thao và Du lịch',
    steering: 'Ban Chỉ đạo 138 tỉnh',
    subjects: ['trafficking'],
  },
  communes: [],
};

describe('profile form: copies, filing, drafter', () => {
  it('shows the copies one per line and saves them back as they were', () => {
    const values = toFormValues(view);
    expect(values.office).toMatchObject({
      copies: 'Lãnh đạo UBND huyện\nPhòng Tư pháp',
      filing: 'VT, VHTT',
      drafter: 'LMV',
    });
    const input = toProfileInput(values);
    expect(input.office).toEqual(view.office);
    expect(ProfileSchema.safeParse(input).success).toBe(true);
  });

  it('trims what was typed, drops blank lines and files under "VT" when left blank', () => {
    const values = toFormValues(view);
    values.office.copies = '\n  Lãnh đạo Sở \n\n';
    values.office.filing = '   ';
    values.office.drafter = ' ABC ';
    expect(toProfileInput(values).office).toMatchObject({
      copies: ['Lãnh đạo Sở'],
      filing: 'VT',
      drafter: 'ABC',
    });
    expect(emptyProfile().office).toMatchObject({ copies: '', filing: 'VT', drafter: '' });
  });

  it('reads them from a profile file, with the defaults when it has none', () => {
    const file = parseProfileFile(JSON.stringify({ office: view.office, communes: [] }));
    expect(toProfileInput(file).office).toMatchObject({
      copies: ['Lãnh đạo UBND huyện', 'Phòng Tư pháp'],
      filing: 'VT, VHTT',
      drafter: 'LMV',
    });
    const bare = parseProfileFile(
      JSON.stringify({ office: { code: 'A', name: 'B' }, communes: [] }),
    );
    expect(bare.office).toMatchObject({ copies: '', filing: 'VT', drafter: '' });
  });

  it('keeps the saved ones under a draft typed before they were asked', () => {
    const saved = toFormValues(view);
    const { copies: _c, filing: _f, drafter: _d, ...older } = saved.office;
    const draft = JSON.parse(
      JSON.stringify({ ...saved, office: { ...older, name: 'Phòng mới' } }),
    ) as typeof saved;
    const restored = restoreProfileDraft(saved, draft);
    expect(restored.office).toMatchObject({
      name: 'Phòng mới',
      copies: saved.office.copies,
      filing: 'VT, VHTT',
      drafter: 'LMV',
    });
    // What the draft typed wins.
    const typed = restoreProfileDraft(saved, {
      ...saved,
      office: { ...saved.office, drafter: '' },
    });
    expect(typed.office.drafter).toBe('');
  });
});
