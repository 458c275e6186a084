// Periods as people type them, read into the keys used across the app.
import { describe, expect, it } from 'vitest';
import { PeriodError } from '../../shared/period';
import { parsePeriodText } from '../../shared/periodText';

const key = (text: string) => parsePeriodText(text, 'decree09').key;

describe('parsePeriodText', () => {
  it.each([
    ['Quý 3/2023', '2023-Q3'],
    ['Q3 2023', '2023-Q3'],
    ['q3/2023', '2023-Q3'],
    ['quý III năm 2023', '2023-Q3'],
    ['Quy iv nam 2022', '2022-Q4'],
    ['QUÝ I - 2024', '2024-Q1'],
    ['2023 Q2', '2023-Q2'],
    ['2023-Q3', '2023-Q3'],
    ['2023-q3', '2023-Q3'],
  ])('reads the quarter %s', (text, expected) => {
    expect(key(text)).toBe(expected);
  });

  it.each([
    ['6 tháng đầu năm 2023', '2023-H1'],
    ['6 tháng cuối 2023', '2023-H2'],
    ['6 thang cuoi nam 2023', '2023-H2'],
    ['  6   tháng   đầu  2024 ', '2024-H1'],
    ['H2/2023', '2023-H2'],
    ['2023-H1', '2023-H1'],
  ])('reads the half %s', (text, expected) => {
    expect(key(text)).toBe(expected);
  });

  it.each([
    ['2023', '2023-Y'],
    ['năm 2023', '2023-Y'],
    ['Năm 2023', '2023-Y'],
    ['2023-Y', '2023-Y'],
  ])('reads the year %s', (text, expected) => {
    expect(key(text)).toBe(expected);
  });

  it.each([
    ['15/06/2023 - 14/09/2023', '2023-06-15..2023-09-14'],
    ['15/6/2023-14/9/2023', '2023-06-15..2023-09-14'],
    ['từ ngày 1/7/2023 đến ngày 30/9/2023', '2023-07-01..2023-09-30'],
    ['01.07.23 – 30.09.23', '2023-07-01..2023-09-30'],
    ['2023-07-01..2023-09-30', '2023-07-01..2023-09-30'],
  ])('reads the range %s', (text, expected) => {
    expect(key(text)).toBe(expected);
  });

  it('applies the cut-off rule of the office', () => {
    const decree = parsePeriodText('Q3 2023', 'decree09');
    expect([decree.from, decree.to]).toEqual(['2023-06-15', '2023-09-14']);
    const calendar = parsePeriodText('Q3 2023', 'calendar');
    expect([calendar.from, calendar.to]).toEqual(['2023-07-01', '2023-09-30']);
  });

  it.each([
    ['', /Không đọc được kỳ/],
    ['quý 5/2023', /Không đọc được kỳ/],
    ['hôm qua', /Không đọc được kỳ "hôm qua"/],
    ['Q3', /Không đọc được kỳ/],
    ['31/02/2024 - 01/03/2024', /Ngày 31\/02\/2024 không có thật/],
    ['14/09/2023 - 15/06/2023', /ngày kết thúc 15\/06\/2023 trước ngày bắt đầu 14\/09\/2023/],
  ])('refuses %j in Vietnamese', (text, message) => {
    expect(() => key(text)).toThrow(PeriodError);
    expect(() => key(text)).toThrow(message);
  });
});
