// Section 2's sentence for each channel, as officers write it ("- Tổ chức 4 buổi hội nghị,
// nói chuyện chuyên đề, tập huấn với 620 lượt người tham dự."), and the measures phrase of
// the tables. Pure, NFC; the office and merged reports share it.

import type { Channel } from './domain';
import { CHANNELS, CHANNEL_MEASURES, MEASURE_UNITS } from './domain';
import { formatNumber } from './format';
import type { ChannelFigures, ReportData, ReportFigures } from './report';
import { sourceList } from './sources';

const nfc = (text: string): string => text.normalize('NFC');

/**
 * "12 buổi; 340 km; 900 phút": the channel's non-zero count measures, for the tables. A
 * semicolon between them, since a unit has its own comma ("46 tin, bài; 138 lượt phát").
 */
export function measuresText(channel: Channel, figures: ChannelFigures): string {
  const parts = CHANNEL_MEASURES[channel].counts.flatMap((m) => {
    const value = figures.measures[m] ?? 0;
    return value > 0 ? [`${formatNumber(value)} ${MEASURE_UNITS[m]}`] : [];
  });
  return nfc(parts.join('; '));
}

/** Channels with at least one activity, in the order of CHANNELS. */
export function activeChannels(figures: ReportFigures): Channel[] {
  return CHANNELS.filter((c) => figures.byChannel[c].activities > 0);
}

/** What a channel's sentence needs besides its figures. */
interface ClauseInput {
  f: ChannelFigures;
  /** " trên www.tintuclangson.vn": where its news appeared, or "". */
  where: string;
}

/** How a channel's sentence reads: what was done, then how its audience joins on. */
interface ChannelWording {
  /** "- Tổ chức 4 buổi hội nghị, nói chuyện chuyên đề, tập huấn", from the figures. */
  clause: (input: ClauseInput) => string;
  /** ", 5.200 lượt người nghe" is `join` + the number + `audience`; none for banners. */
  join: string;
  audience: string;
}

const n = formatNumber;
/** A measure, or nothing when it is zero. */
const some = (value: number | undefined, text: (v: string) => string): string[] =>
  (value ?? 0) > 0 ? [text(n(value!))] : [];

/**
 * Radio and press: what was broadcast, where (the press outlets), then how often and how
 * long ("46 tin, bài (138 lượt phát), tổng thời lượng 690 phút") rather than a list of
 * units; with no item counted, "tin, bài (2 hoạt động)".
 */
function broadcastText({ f, where }: ClauseInput): string {
  const m = f.measures;
  let s =
    (m.items ?? 0) > 0
      ? `${n(m.items!)} tin, bài${where}`
      : `tin, bài${where} (${n(f.activities)} hoạt động)`;
  if ((m.broadcasts ?? 0) > 0) s += ` (${n(m.broadcasts!)} lượt phát)`;
  if ((m.minutes ?? 0) > 0) s += `, tổng thời lượng ${n(m.minutes!)} phút`;
  return s;
}

/**
 * Each channel as an officer writes it, an item under "cụ thể như sau:" ("+ Tổ chức 4 buổi
 * hội nghị …", "+ Treo 45 băng rôn …"); a medium's output after what it is ("+ Trên hệ
 * thống đài truyền thanh cấp xã: đã phát …"). Units are named and zero measures left out;
 * with no measure recorded, the activities are counted in words that still read ("trong 2
 * đợt", "(2 hoạt động)"), never as the object of the verb.
 */
const WORDING: Record<Channel, ChannelWording> = {
  van: {
    clause: ({ f }) => {
      const m = f.measures;
      const parts = [
        ...((m.sessions ?? 0) > 0 ? [`${n(m.sessions!)} buổi`] : [`${n(f.activities)} lượt`]),
        ...some(m.km, (v) => `quãng đường ${v} km`),
        ...some(m.minutes, (v) => `thời lượng phát thanh ${v} phút`),
      ];
      return `+ Tuyên truyền bằng xe thông tin lưu động ${parts.join(', ')}`;
    },
    join: ', ',
    audience: 'lượt người nghe',
  },
  // Banners hang where the records say, and nobody counts who read them: a number of pieces
  // named by what they are, no audience.
  banner: {
    clause: ({ f }) =>
      (f.measures.pieces ?? 0) > 0
        ? `+ Treo ${n(f.measures.pieces!)} băng rôn, khẩu hiệu, pano, áp phích`
        : `+ Treo băng rôn, khẩu hiệu, pano, áp phích trong ${n(f.activities)} đợt`,
    join: '',
    audience: '',
  },
  cinema: {
    clause: ({ f }) => {
      const m = f.measures;
      const shows = (m.screenings ?? 0) > 0 ? m.screenings! : f.activities;
      const message =
        (m.messageMinutes ?? 0) > 0 ? ` với tổng thời lượng ${n(m.messageMinutes!)} phút` : '';
      return (
        `+ Tổ chức ${n(shows)} buổi chiếu phim lưu động, tuyên truyền lồng ghép trước các ` +
        `buổi chiếu${message}`
      );
    },
    join: ', ',
    audience: 'lượt người xem',
  },
  radio: {
    clause: (input) => `+ Trên hệ thống đài truyền thanh cấp xã: đã phát ${broadcastText(input)}`,
    join: ', ',
    audience: 'lượt người nghe',
  },
  leaflet: {
    clause: ({ f }) =>
      (f.measures.copies ?? 0) > 0
        ? `+ Cấp phát ${n(f.measures.copies!)} tờ rơi, tài liệu tuyên truyền`
        : `+ Cấp phát tờ rơi, tài liệu tuyên truyền trong ${n(f.activities)} đợt`,
    join: ' cho ',
    audience: 'lượt người',
  },
  meeting: {
    clause: ({ f }) =>
      (f.measures.sessions ?? 0) > 0
        ? `+ Tổ chức ${n(f.measures.sessions!)} buổi hội nghị, nói chuyện chuyên đề, tập huấn`
        : `+ Tổ chức ${n(f.activities)} hội nghị, buổi nói chuyện chuyên đề, tập huấn`,
    join: ' với ',
    audience: 'lượt người tham dự',
  },
  online: {
    clause: ({ f, where }) =>
      '+ Trên trang thông tin điện tử, fanpage: đã đăng tải ' +
      ((f.measures.items ?? 0) > 0
        ? `${n(f.measures.items!)} tin, bài, ảnh${where}`
        : `tin, bài, ảnh${where} (${n(f.activities)} hoạt động)`),
    join: ', với ',
    audience: 'lượt xem',
  },
  press: {
    clause: (input) =>
      `+ Trên báo, đài phát thanh - truyền hình: đã đăng tải, phát sóng ${broadcastText(input)}`,
    join: ', với ',
    audience: 'lượt người xem, nghe',
  },
  sms: {
    clause: ({ f }) =>
      (f.measures.messages ?? 0) > 0
        ? `+ Gửi ${n(f.measures.messages!)} tin nhắn tuyên truyền qua doanh nghiệp viễn thông`
        : `+ Gửi tin nhắn tuyên truyền qua doanh nghiệp viễn thông trong ${n(f.activities)} đợt`,
    join: ' tới ',
    audience: 'lượt người',
  },
  model: {
    clause: ({ f }) =>
      (f.measures.count ?? 0) > 0
        ? `+ Duy trì hoạt động ${n(f.measures.count!)} mô hình, câu lạc bộ`
        : `+ Duy trì hoạt động các mô hình, câu lạc bộ (${n(f.activities)} hoạt động)`,
    join: ' với ',
    audience: 'lượt người tham gia',
  },
};

/** " trên www.tintuclangson.vn và fanpage LangsonNews": where a channel's news appeared. */
function whereText(channel: Channel, data: ReportData): string {
  const names =
    channel === 'online'
      ? sourceList(data.sources?.sites ?? [], 'trang')
      : channel === 'press'
        ? sourceList(data.sources?.outlets ?? [], 'cơ quan')
        : '';
  return names ? ` trên ${names}` : '';
}

/**
 * One sentence per channel with activity, e.g. "+ Tuyên truyền bằng xe thông tin lưu động 12
 * buổi, quãng đường 340 km, thời lượng phát thanh 900 phút, 5.200 lượt người nghe; kinh phí
 * 6.000.000 đồng." Counts are exact (the logbook's), so no "khoảng" before them; an audience
 * the user marked as an estimate reads "khoảng 5.200 lượt người nghe".
 */
export function channelSentences(data: ReportData): string[] {
  const estimated = new Set(data.estimated ?? []);
  return activeChannels(data.figures).map((channel) => {
    const f = data.figures.byChannel[channel];
    const w = WORDING[channel];
    let sentence = w.clause({ f, where: whereText(channel, data) });
    if (f.audience > 0 && w.audience) {
      const about = estimated.has(channel) ? 'khoảng ' : '';
      sentence += `${w.join}${about}${n(f.audience)} ${w.audience}`;
    }
    if (f.costVnd > 0) sentence += `; kinh phí ${n(f.costVnd)} đồng`;
    return nfc(`${sentence}.`);
  });
}
