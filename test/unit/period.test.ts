import { describe, expect, it } from 'vitest';
import { parsePeriod, periodContaining } from '../../shared/period';

describe('reporting periods', () => {
  it('Q3 2023 under decree09 is 15/06/2023–14/09/2023', () => {
    const p = parsePeriod('2023-Q3', 'decree09');
    expect([p.from, p.to, p.label]).toEqual(['2023-06-15', '2023-09-14', 'quý III năm 2023']);
  });

  it('Q3 2023 under calendar is 01/07/2023–30/09/2023', () => {
    const p = parsePeriod('2023-Q3', 'calendar');
    expect([p.from, p.to]).toEqual(['2023-07-01', '2023-09-30']);
  });

  it('Q1 under decree09 starts on 15 December of the year before', () => {
    expect(parsePeriod('2024-Q1', 'decree09').from).toBe('2023-12-15');
    expect(parsePeriod('2024-Q1', 'decree09').to).toBe('2024-03-14');
  });

  it('halves and years', () => {
    const h1 = parsePeriod('2024-H1', 'decree09');
    expect([h1.from, h1.to, h1.label]).toEqual([
      '2023-12-15',
      '2024-06-14',
      '6 tháng đầu năm 2024',
    ]);
    const h2 = parsePeriod('2024-H2', 'decree09');
    expect([h2.from, h2.to, h2.label]).toEqual([
      '2024-06-15',
      '2024-12-14',
      '6 tháng cuối năm 2024',
    ]);
    const y = parsePeriod('2024-Y', 'decree09');
    expect([y.from, y.to]).toEqual(['2023-12-15', '2024-12-14']);
    const yc = parsePeriod('2024-Y', 'calendar');
    expect([yc.from, yc.to]).toEqual(['2024-01-01', '2024-12-31']);
    expect(parsePeriod('2024-Q1', 'calendar').to).toBe('2024-03-31');
  });

  it('ad hoc ranges, inclusive, refusing an end before the start', () => {
    const p = parsePeriod('2023-07-01..2023-09-30', 'decree09');
    expect([p.from, p.to]).toEqual(['2023-07-01', '2023-09-30']);
    expect(p.label).toBe('từ ngày 01/07/2023 đến ngày 30/09/2023');
    expect(() => parsePeriod('2023-09-30..2023-07-01', 'decree09')).toThrow(/trước ngày bắt đầu/);
    expect(() => parsePeriod('2023-Q5', 'decree09')).toThrow(/không đúng dạng/);
  });

  it('finds the period around a boundary day', () => {
    expect(periodContaining('2023-09-14', 'quarter', 'decree09').key).toBe('2023-Q3');
    expect(periodContaining('2023-09-15', 'quarter', 'decree09').key).toBe('2023-Q4');
    expect(periodContaining('2023-12-15', 'quarter', 'decree09').key).toBe('2024-Q1');
  });
});
