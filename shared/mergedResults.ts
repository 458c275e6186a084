// Section 2 of the province's merged report, as blocks of sentences. When the department
// records its own work on the desk, the section reads like seed 000's: the department's own
// work first, then the offices', then their sum. Pure: the Word file and the screen share it.

import { formatNumber } from './format';
import type { MergedData } from './inbox';
import { coverageSentence, officesNoun, reportingSentence } from './mergedText';
import type { ReportData } from './report';
import { channelSentences } from './channelText';
import { duringPeriod, flaggedSentence, resultsLead } from './reportText';

export interface ResultBlock {
  /** "2.1. Kết quả do Sở … trực tiếp thực hiện"; null for the sentences before any. */
  heading: string | null;
  sentences: string[];
}

/**
 * The offices' part, named as seed 000 names them ("Phòng Văn hóa và Thông tin các huyện,
 * thành phố"): totals, channels, flagged areas (shares only).
 */
function officesSentences(data: ReportData, who: string): string[] {
  // Shares only: a province of many offices reaches hundreds of flagged areas, and the
  // list by office is on the desk's screen (each office report lists its own).
  return [
    resultsLead(data, who),
    ...channelSentences(data),
    flaggedSentence({ ...data, flaggedCommunes: [] }),
  ].filter((s): s is string => s !== null);
}

/**
 * "- Tổng cộng, trong quý III năm 2023 đã thực hiện 158 hoạt động tuyên truyền (Sở Văn hóa,
 * Thể thao và Du lịch: 23 hoạt động; các đơn vị: 135 hoạt động), với 41.200 lượt người
 * được tiếp cận; tổng kinh phí 9.000.000 đồng."
 */
export function totalSentence(data: MergedData): string | null {
  const parts = data.parts;
  if (!parts) return null;
  const own = parts.own.data.figures.activities;
  const offices = parts.offices.figures.activities;
  let s =
    `- Tổng cộng, ${duringPeriod(data.figures.period.label, false)} đã thực hiện ` +
    `${formatNumber(data.figures.activities)} hoạt động tuyên truyền ` +
    `(${parts.own.name.trim()}: ${formatNumber(own)} hoạt động; ` +
    `các đơn vị: ${formatNumber(offices)} hoạt động)`;
  if (data.audience > 0) {
    // Exact, unless an office or the department marked an audience as an estimate.
    const about = (data.estimated ?? []).length > 0 ? 'khoảng ' : '';
    s += `, với ${about}${formatNumber(data.audience)} lượt người được tiếp cận`;
  }
  if (data.costVnd > 0) s += `; tổng kinh phí ${formatNumber(data.costVnd)} đồng`;
  return `${s}.`.normalize('NFC');
}

export function mergedResultBlocks(data: MergedData): ResultBlock[] {
  const coverage = coverageSentence(data);
  const lead = [reportingSentence(data), ...(coverage ? [coverage] : [])];
  const parts = data.parts;
  const offices = data.offices.filter((o) => o.code !== parts?.own.code);
  const who = officesNoun(offices).all;
  if (!parts) return [{ heading: null, sentences: [...lead, ...officesSentences(data, who)] }];
  const own = parts.own;
  return [
    { heading: null, sentences: lead },
    {
      heading: `2.1. Kết quả do ${own.name.trim()} trực tiếp thực hiện`,
      sentences: [resultsLead(own.data, own.name.trim()), ...channelSentences(own.data)],
    },
    { heading: '2.2. Kết quả của các đơn vị', sentences: officesSentences(parts.offices, who) },
    { heading: '2.3. Tổng hợp chung', sentences: [totalSentence(data)!] },
  ].map((b) => ({ ...b, heading: b.heading?.normalize('NFC') ?? null }));
}
