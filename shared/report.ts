// The report of a period: its figures (the `report --json` shape of INTERCHANGE.md), what
// the screen and the Word file add to them, and the texts staff write.

import type { AreaKinds } from './areas';
import type { Channel, CommuneFlag, CountMeasure, ReportSubject, Theme } from './domain';

export interface PeriodRef {
  key: string;
  from: string;
  to: string;
  label: string;
}

export interface ChannelFigures {
  activities: number;
  audience: number;
  costVnd: number;
  /** Every count measure of the channel, zero where none. */
  measures: Partial<Record<CountMeasure, number>>;
}

export interface CommuneFigures {
  code: string;
  name: string;
  activities: number;
  audience: number;
}

export interface FlagFigures {
  /** Active communes of the profile carrying the flag. */
  communes: number;
  /** Of those, the ones with at least one activity in the period. */
  reached: number;
  /** Activities in at least one commune carrying the flag (each counted once). */
  activities: number;
}

/** Exactly what `tuyentruyen report --period P --json` prints (INTERCHANGE.md). */
export interface ReportFigures {
  period: PeriodRef;
  activities: number;
  byChannel: Record<Channel, ChannelFigures>;
  byCommune: CommuneFigures[];
  flagged: Record<CommuneFlag, FlagFigures>;
}

export interface ThemeFigures {
  activities: number;
  audience: number;
}

/** A flagged commune reached in the period, with its activities (for the report's text). */
export interface FlaggedCommune {
  code: string;
  name: string;
  flags: CommuneFlag[];
  activities: number;
  audience: number;
}

/** One line of the appendix table. */
export interface AppendixRow {
  date: string;
  endDate: string | null;
  channel: Channel;
  communes: string;
  title: string;
  measures: string;
  audience: number;
}

/** Activities that name no area (work of the whole office): in totals, not per area. */
export interface AreaFreeFigures {
  activities: number;
  audience: number;
}

/** Everything the screen and the Word file show; `figures` is the public JSON. */
export interface ReportData {
  /** What the report is about: only activities tagged with it are counted. */
  subject: ReportSubject;
  figures: ReportFigures;
  audience: number;
  costVnd: number;
  byTheme: Record<Theme, ThemeFigures>;
  flaggedCommunes: FlaggedCommune[];
  /** The previous period of the same kind (none for ad hoc ranges). */
  previous: ReportFigures | null;
  /**
   * The kinds of the areas counted, for the sentences' nouns ("thôn, bản"). Absent from
   * reports signed before areas had kinds: those name communes.
   */
  areaKinds?: AreaKinds;
  /** Absent from reports signed before activities could name no area. */
  withoutArea?: AreaFreeFigures;
  /** Where news items appeared: online sites and press outlets, most used first. */
  sources?: NewsSources;
  /** Channels whose audience holds an estimate the user marked: "khoảng" before it. */
  estimated?: Channel[];
}

/** The sites of online items and the press outlets with their programmes, as named. */
export interface NewsSources {
  sites: string[];
  outlets: string[];
}

/** The sections staff write (1, 3.1, 3.2 and 4), by their field in ReportTexts. */
export const WRITTEN_SECTIONS = ['directives', 'strengths', 'limitations', 'nextSteps'] as const;
export type WrittenSection = (typeof WRITTEN_SECTIONS)[number];

/** What staff write, saved as a draft per period and subject while they type. */
export interface ReportTexts {
  /** "Số: …/BC-VHTT": the number part. */
  number: string;
  /** Date of the report, YYYY-MM-DD. */
  date: string;
  recipients: string[];
  /**
   * The letter the report answers, cited as in the opening ("Công văn số 4502/BCĐ-CAT ngày
   * 08/9/2023 của Ban Chỉ đạo 138 tỉnh về việc báo cáo …"); empty for the generic opening.
   */
  request: string;
  /** Section 1, one paragraph each (start: the period's directives from the register). */
  directives: string[];
  /** Section 2's own paragraphs before and after the ones made from the logbook. */
  resultsBefore: string;
  resultsAfter: string;
  strengths: string;
  limitations: string;
  nextSteps: string;
  /** "Nơi nhận" before the filing line: "Như trên", "Lãnh đạo Sở", … */
  copies: string[];
  /** Who files the original, after "Lưu:": "VT, TTBCXB". */
  filing: string;
  /** The drafter's initials, written after the filing: "Lưu: VT, TTBCXB (LMV)." */
  drafter: string;
}

/** The fields texts saved before they existed take: what those reports printed. */
export const LEGACY_TEXTS: Pick<
  ReportTexts,
  'request' | 'resultsBefore' | 'resultsAfter' | 'copies' | 'filing' | 'drafter'
> = {
  request: '',
  resultsBefore: '',
  resultsAfter: '',
  copies: ['Như trên'],
  filing: 'VT',
  drafter: '',
};

/** Texts as stored or received, completed with what older ones lack. */
export function completeTexts(
  texts: Partial<ReportTexts> & Omit<ReportTexts, keyof typeof LEGACY_TEXTS>,
): ReportTexts {
  return { ...LEGACY_TEXTS, ...texts };
}

/** One period of the chart on the report screen. */
export interface SeriesPoint {
  period: PeriodRef;
  byChannel: Record<Channel, { activities: number; audience: number }>;
}

/** A generated Word file, as it crosses the contract. */
export interface ReportFileView {
  fileName: string;
  /** The app's own copy, under the data folder's reports/. */
  path: string;
  base64: string;
}
