import { describe, expect, it } from 'vitest';
import {
  appendixDate,
  areaList,
  closingParagraph,
  comparisonSentence,
  directiveParagraph,
  flaggedSentence,
  placeDateLine,
  reportSubject,
  summaryTable,
  textParagraphs,
} from '../../shared/reportText';
import { channelSentences } from '../../shared/channelText';
import type { ReportData } from '../../shared/report';
import { REPORT_INPUT } from '../fixtures/reportInput';

const data = REPORT_INPUT.data;

describe('report sentences', () => {
  it('writes one sentence per channel with activity, in Vietnamese numbers', () => {
    const sentences = channelSentences(data);
    expect(sentences).toHaveLength(7);
    expect(sentences[0]).toBe(
      '+ Tuyên truyền bằng xe thông tin lưu động 12 buổi, quãng đường 340 km, thời lượng phát thanh 900 phút, 5.200 lượt người nghe; kinh phí 6.000.000 đồng.',
    );
    expect(sentences).toContain(
      '+ Tổ chức 10 buổi chiếu phim lưu động, tuyên truyền lồng ghép trước các buổi chiếu với tổng thời lượng 150 phút, 3.250 lượt người xem; kinh phí 5.000.000 đồng.',
    );
    expect(sentences.join()).not.toMatch(/Hội nghị|tin nhắn/i);
    // Exact counts from the logbook: never "about".
    expect(sentences.join()).not.toContain('khoảng');
    // Banners: how many, named by what they are, no invented places nor an audience.
    expect(sentences).toContain(
      '+ Treo 45 băng rôn, khẩu hiệu, pano, áp phích; kinh phí 4.800.000 đồng.',
    );
    expect(sentences).toContain(
      '+ Trên hệ thống đài truyền thanh cấp xã: đã phát 46 tin, bài (138 lượt phát), tổng thời lượng 690 phút, 12.400 lượt người nghe.',
    );
  });

  it('writes every channel as officers do: the work and its count, zero measures left out', () => {
    const f = (activities: number, audience: number, measures: Record<string, number>) => ({
      activities,
      audience,
      costVnd: 0,
      measures,
    });
    const all: ReportData = {
      ...data,
      figures: {
        ...data.figures,
        byChannel: {
          van: f(2, 300, { sessions: 2, km: 0, minutes: 60 }),
          banner: f(1, 0, { pieces: 0 }),
          cinema: f(3, 0, { screenings: 3, messageMinutes: 0 }),
          radio: f(1, 0, { items: 2, broadcasts: 0, minutes: 0 }),
          leaflet: f(1, 500, { copies: 500 }),
          meeting: f(4, 620, { sessions: 4 }),
          online: f(5, 1200, { items: 9 }),
          press: f(2, 0, { items: 3, minutes: 20 }),
          sms: f(1, 8000, { messages: 8000 }),
          model: f(1, 120, { count: 2 }),
        },
      },
      sources: { sites: [], outlets: ['Báo Lạng Sơn'] },
      estimated: ['meeting'],
    };
    expect(channelSentences(all)).toEqual([
      '+ Tuyên truyền bằng xe thông tin lưu động 2 buổi, thời lượng phát thanh 60 phút, 300 lượt người nghe.',
      '+ Treo băng rôn, khẩu hiệu, pano, áp phích trong 1 đợt.',
      '+ Tổ chức 3 buổi chiếu phim lưu động, tuyên truyền lồng ghép trước các buổi chiếu.',
      '+ Trên hệ thống đài truyền thanh cấp xã: đã phát 2 tin, bài.',
      '+ Cấp phát 500 tờ rơi, tài liệu tuyên truyền cho 500 lượt người.',
      '+ Tổ chức 4 buổi hội nghị, nói chuyện chuyên đề, tập huấn với khoảng 620 lượt người tham dự.',
      '+ Trên trang thông tin điện tử, fanpage: đã đăng tải 9 tin, bài, ảnh, với 1.200 lượt xem.',
      '+ Trên báo, đài phát thanh - truyền hình: đã đăng tải, phát sóng 3 tin, bài trên Báo Lạng Sơn, tổng thời lượng 20 phút.',
      '+ Gửi 8.000 tin nhắn tuyên truyền qua doanh nghiệp viễn thông tới 8.000 lượt người.',
      '+ Duy trì hoạt động 2 mô hình, câu lạc bộ với 120 lượt người tham gia.',
    ]);
    // Nothing measured but the activities: counted in words that still read, never as the
    // object of the verb ("đã phát 4 hoạt động").
    const bare = (activities: number) => f(activities, 0, {});
    const none: ReportData = {
      ...all,
      figures: {
        ...all.figures,
        byChannel: Object.fromEntries(
          Object.keys(all.figures.byChannel).map((c) => [c, bare(2)]),
        ) as ReportData['figures']['byChannel'],
      },
      sources: undefined,
      estimated: [],
    };
    expect(channelSentences(none)).toEqual([
      '+ Tuyên truyền bằng xe thông tin lưu động 2 lượt.',
      '+ Treo băng rôn, khẩu hiệu, pano, áp phích trong 2 đợt.',
      '+ Tổ chức 2 buổi chiếu phim lưu động, tuyên truyền lồng ghép trước các buổi chiếu.',
      '+ Trên hệ thống đài truyền thanh cấp xã: đã phát tin, bài (2 hoạt động).',
      '+ Cấp phát tờ rơi, tài liệu tuyên truyền trong 2 đợt.',
      '+ Tổ chức 2 hội nghị, buổi nói chuyện chuyên đề, tập huấn.',
      '+ Trên trang thông tin điện tử, fanpage: đã đăng tải tin, bài, ảnh (2 hoạt động).',
      '+ Trên báo, đài phát thanh - truyền hình: đã đăng tải, phát sóng tin, bài (2 hoạt động).',
      '+ Gửi tin nhắn tuyên truyền qua doanh nghiệp viễn thông trong 2 đợt.',
      '+ Duy trì hoạt động các mô hình, câu lạc bộ (2 hoạt động).',
    ]);
  });

  it('names the flagged communes reached and the ones not reached', () => {
    expect(flaggedSentence(data)).toContain(
      '3/3 xã biên giới (thị trấn Đồng Đăng, các xã: Hợp Thành, Thụy Hùng) với 58 hoạt động',
    );
    const none: ReportData = {
      ...data,
      figures: {
        ...data.figures,
        flagged: {
          border: { communes: 0, reached: 0, activities: 0 },
          remote: { communes: 0, reached: 0, activities: 0 },
          ethnic: { communes: 0, reached: 0, activities: 0 },
          key: { communes: 2, reached: 0, activities: 0 },
        },
      },
    };
    expect(flaggedSentence(none)).toBe(
      '- Hoạt động tuyên truyền đã được triển khai tại 0/2 xã trọng điểm (chưa có hoạt động).',
    );
  });

  it('lists areas in a sentence as Appendix II of Decree 30 writes them', () => {
    expect(areaList(['Xã Hợp Thành', 'Xã Thụy Hùng', 'Thị trấn Đồng Đăng'])).toBe(
      'thị trấn Đồng Đăng, các xã: Hợp Thành, Thụy Hùng',
    );
    expect(areaList(['Thôn Nà Lệnh'])).toBe('thôn Nà Lệnh');
    expect(areaList(['Tổ dân phố 1', 'Tổ dân phố 2', 'Khuổi Phầy'])).toBe(
      'Khuổi Phầy, các tổ dân phố: 1, 2',
    );
    expect(areaList(['Xã A', 'Xã B', 'Thôn C', 'Thôn D'])).toBe('các xã: A, B; các thôn: C, D');
  });

  it('compares with the previous period, both ways', () => {
    expect(comparisonSentence(data)).toBe(
      '- So với quý II năm 2023, số hoạt động tuyên truyền tăng 14 hoạt động (14,6%), từ 96 lên 110 hoạt động; số lượt người được tiếp cận tăng 4.350 lượt người (23,5%), từ 18.500 lên 22.850 lượt người.',
    );
    const fewer: ReportData = {
      ...data,
      audience: 18_500,
      figures: { ...data.figures, activities: 90 },
    };
    expect(comparisonSentence(fewer)).toContain(
      'giảm 6 hoạt động (6,3%), từ 96 xuống 90 hoạt động',
    );
    expect(comparisonSentence(fewer)).toContain('không thay đổi (18.500 lượt người)');
    expect(comparisonSentence({ ...data, previous: null })).toBeNull();
  });

  it('builds the summary table model', () => {
    const table = summaryTable(data);
    expect(table.rows.map((r) => r.channel)).toEqual([
      'van',
      'banner',
      'cinema',
      'radio',
      'leaflet',
      'online',
      'press',
    ]);
    expect(table.rows[0]).toMatchObject({ activities: 12, measures: '12 buổi; 340 km; 900 phút' });
    expect(table.total).toEqual({ activities: 110, audience: 22_850, costVnd: 19_300_000 });
  });

  it('writes the subject, the closing and the dates as Decree 30 asks', () => {
    expect(reportSubject('quý III năm 2023', 'trafficking')).toBe(
      'Kết quả tuyên truyền công tác phòng, chống mua bán người quý III năm 2023',
    );
    expect(
      closingParagraph('Phòng Văn hóa và Thông tin', 'quý III năm 2023', ['Sở A.'], 'trafficking'),
    ).toBe(
      'Trên đây là Báo cáo kết quả tuyên truyền công tác phòng, chống mua bán người quý III năm 2023 của Phòng Văn hóa và Thông tin, kính gửi Sở A tổng hợp theo quy định./.',
    );
    expect(placeDateLine('Cao Lộc', '2023-10-05')).toBe('Cao Lộc, ngày 05 tháng 10 năm 2023');
    expect(placeDateLine('Cao Lộc', '2024-02-15')).toBe('Cao Lộc, ngày 15 tháng 02 năm 2024');
    expect(placeDateLine('Cao Lộc', '2024-03-09')).toBe('Cao Lộc, ngày 09 tháng 3 năm 2024');
    expect(appendixDate({ date: '2023-07-28', endDate: null })).toBe('28/7/2023');
    expect(appendixDate({ date: '2023-07-28', endDate: '2023-07-30' })).toBe(
      '28/7/2023 - 30/7/2023',
    );
    expect(appendixDate({ date: '2024-02-05', endDate: null })).toBe('05/02/2024');
  });

  it('splits staff text into NFC paragraphs and marks directives with a dash', () => {
    expect(textParagraphs('a\n\n  b  \r\nc'.normalize('NFD'))).toEqual(['a', 'b', 'c']);
    expect(textParagraphs('Hòa'.normalize('NFD'))[0]).toBe('Hòa'.normalize('NFC'));
    expect(directiveParagraph('Công văn số 1')).toBe('- Công văn số 1');
    expect(directiveParagraph('- Công văn số 1')).toBe('- Công văn số 1');
  });
});
