// The vocabulary of the domain: channels and their measures, themes, commune flags,
// languages. Keys are the public names of INTERCHANGE.md; labels are what users read.
// See ../shared/DOMAIN.md ("Channels and what is counted").

export const CHANNELS = [
  'van',
  'banner',
  'cinema',
  'radio',
  'leaflet',
  'meeting',
  'online',
  'press',
  'sms',
  'model',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** The four channels district offices run themselves (seed 000, section 2). */
export const CORE_CHANNELS: readonly Channel[] = ['van', 'banner', 'cinema', 'radio'];

/** The channels as lists and pickers show them: the core ones first, then the others in contract order. */
export const CHANNEL_ORDER: readonly Channel[] = [
  ...CORE_CHANNELS,
  ...CHANNELS.filter((c) => !CORE_CHANNELS.includes(c)),
];

export const CHANNEL_LABELS: Record<Channel, string> = {
  van: 'Xe thông tin lưu động',
  banner: 'Băng rôn, khẩu hiệu, pano, áp phích',
  cinema: 'Chiếu phim lưu động (lồng ghép trước buổi chiếu)',
  radio: 'Đài truyền thanh cấp xã',
  leaflet: 'Tờ rơi, tài liệu in',
  meeting: 'Hội nghị, nói chuyện chuyên đề, tập huấn',
  online: 'Tin, bài trên trang thông tin điện tử, fanpage',
  press: 'Báo, đài phát thanh - truyền hình',
  sms: 'Tin nhắn qua doanh nghiệp viễn thông',
  model: 'Mô hình, câu lạc bộ',
};

export const CHANNEL_SHORT_LABELS: Record<Channel, string> = {
  van: 'Xe lưu động',
  banner: 'Băng rôn',
  cinema: 'Chiếu phim',
  radio: 'Truyền thanh',
  leaflet: 'Tờ rơi',
  meeting: 'Hội nghị',
  online: 'Trực tuyến',
  press: 'Báo, đài',
  sms: 'Tin nhắn',
  model: 'Mô hình',
};

/** Numeric measures: non-negative integers, required for their channel. */
export const COUNT_MEASURES = [
  'sessions',
  'km',
  'minutes',
  'pieces',
  'screenings',
  'messageMinutes',
  'items',
  'broadcasts',
  'copies',
  'messages',
  'count',
] as const;
export type CountMeasure = (typeof COUNT_MEASURES)[number];

/** Optional descriptive measures (INTERCHANGE.md marks them "optional"). */
export const EXTRA_MEASURES = [
  'kind',
  'slogan',
  'film',
  'relayed',
  'permitNo',
  'url',
  'outlet',
  'programme',
] as const;
export type ExtraMeasure = (typeof EXTRA_MEASURES)[number];

export const CHANNEL_MEASURES: Record<
  Channel,
  { counts: readonly CountMeasure[]; extras: readonly ExtraMeasure[] }
> = {
  van: { counts: ['sessions', 'km', 'minutes'], extras: [] },
  banner: { counts: ['pieces'], extras: ['kind', 'slogan'] },
  cinema: { counts: ['screenings', 'messageMinutes'], extras: ['film'] },
  radio: { counts: ['items', 'broadcasts', 'minutes'], extras: ['relayed'] },
  leaflet: { counts: ['copies'], extras: ['permitNo'] },
  meeting: { counts: ['sessions'], extras: [] },
  online: { counts: ['items'], extras: ['url'] },
  press: { counts: ['items', 'minutes'], extras: ['outlet', 'programme'] },
  sms: { counts: ['messages'], extras: [] },
  model: { counts: ['count'], extras: [] },
};

export const MEASURE_LABELS: Record<CountMeasure | ExtraMeasure, string> = {
  sessions: 'Số buổi',
  km: 'Số km',
  minutes: 'Số phút',
  pieces: 'Số chiếc',
  screenings: 'Số buổi chiếu',
  messageMinutes: 'Số phút tuyên truyền lồng ghép',
  items: 'Số tin, bài',
  broadcasts: 'Số lượt phát',
  copies: 'Số bản',
  messages: 'Số tin nhắn',
  count: 'Số mô hình, câu lạc bộ',
  kind: 'Loại',
  slogan: 'Nội dung khẩu hiệu',
  film: 'Tên phim',
  relayed: 'Tiếp âm',
  permitNo: 'Số giấy phép xuất bản',
  url: 'Địa chỉ trang',
  outlet: 'Cơ quan báo chí, đài',
  programme: 'Chuyên mục, chương trình',
};

/** Units as written in report sentences ("3 buổi", "45 km"). */
export const MEASURE_UNITS: Record<CountMeasure, string> = {
  sessions: 'buổi',
  km: 'km',
  minutes: 'phút',
  pieces: 'chiếc',
  screenings: 'buổi chiếu',
  messageMinutes: 'phút',
  items: 'tin, bài',
  broadcasts: 'lượt phát',
  copies: 'bản',
  messages: 'tin nhắn',
  count: 'mô hình',
};

export const BANNER_KINDS = ['banner', 'panel', 'poster'] as const;
export type BannerKind = (typeof BANNER_KINDS)[number];
export const BANNER_KIND_LABELS: Record<BannerKind, string> = {
  banner: 'Băng rôn',
  panel: 'Pano',
  poster: 'Áp phích',
};

export const THEMES = ['trafficking', 'drugs', 'crime'] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_LABELS: Record<Theme, string> = {
  trafficking: 'Phòng, chống mua bán người',
  drugs: 'Phòng, chống ma túy',
  crime: 'Phòng, chống tội phạm',
};

/**
 * What a report is about: one theme, or `all` of them in one combined report. Offices
 * report on drugs and on trafficking separately, to different programmes (seed 004), so a
 * report counts only the activities tagged with its subject.
 */
export const REPORT_SUBJECTS = ['trafficking', 'drugs', 'crime', 'all'] as const;
export type ReportSubject = (typeof REPORT_SUBJECTS)[number];
export const DEFAULT_SUBJECT: ReportSubject = 'trafficking';

/** The subject as the report's title and sentences name it ("công tác phòng, chống …"). */
export const SUBJECT_PHRASES: Record<ReportSubject, string> = {
  trafficking: 'phòng, chống mua bán người',
  drugs: 'phòng, chống ma túy',
  crime: 'phòng, chống tội phạm',
  all: 'phòng, chống tội phạm, ma túy và mua bán người',
};

/** Short labels for the screen's subject switch. */
export const SUBJECT_LABELS: Record<ReportSubject, string> = {
  trafficking: 'Mua bán người',
  drugs: 'Ma túy',
  crime: 'Tội phạm',
  all: 'Tổng hợp',
};

/** The themes a subject counts. */
export const subjectThemes = (subject: ReportSubject): readonly Theme[] =>
  subject === 'all' ? THEMES : [subject];

export const COMMUNE_FLAGS = ['border', 'remote', 'ethnic', 'key'] as const;
export type CommuneFlag = (typeof COMMUNE_FLAGS)[number];
export const COMMUNE_FLAG_LABELS: Record<CommuneFlag, string> = {
  border: 'Biên giới',
  remote: 'Vùng sâu, vùng xa',
  ethnic: 'Vùng đồng bào dân tộc thiểu số',
  key: 'Địa bàn trọng điểm',
};

export const LANGUAGES = [
  'vi',
  'tay',
  'nung',
  'dao',
  'hmong',
  'thai',
  'muong',
  'khmer',
  'sanchay',
  'giay',
  'lolo',
  'other',
] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_LABELS: Record<Language, string> = {
  vi: 'Tiếng Việt',
  tay: 'Tiếng Tày',
  nung: 'Tiếng Nùng',
  dao: 'Tiếng Dao',
  hmong: "Tiếng H'Mông",
  thai: 'Tiếng Thái',
  muong: 'Tiếng Mường',
  khmer: 'Tiếng Khmer',
  sanchay: 'Tiếng Sán Chay',
  giay: 'Tiếng Giáy',
  lolo: 'Tiếng Lô Lô',
  other: 'Tiếng dân tộc khác',
};

export const CUTOFFS = ['decree09', 'calendar'] as const;
export type Cutoff = (typeof CUTOFFS)[number];

export const DIRECTIVE_DIRECTIONS = ['incoming', 'outgoing'] as const;
export type DirectiveDirection = (typeof DIRECTIVE_DIRECTIONS)[number];
export const DIRECTIVE_DIRECTION_LABELS: Record<DirectiveDirection, string> = {
  incoming: 'Văn bản đến',
  outgoing: 'Văn bản đi',
};
