import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatNumber,
  isIsoDate,
  parseDate,
  parseNumber,
  vietnamDay,
} from '../../shared/format';

describe('Vietnamese numbers', () => {
  it('groups thousands with a dot and writes decimals with a comma', () => {
    expect(formatNumber(3250)).toBe('3.250');
    expect(formatNumber(1500000)).toBe('1.500.000');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(12.5, 1)).toBe('12,5');
    expect(formatNumber(-4200)).toBe('-4.200');
  });

  it('reads them back', () => {
    expect(parseNumber('3.250')).toBe(3250);
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber('3250')).toBe(3250);
    expect(parseNumber('3.25')).toBeNull();
    expect(parseNumber('abc')).toBeNull();
  });
});

describe('dates', () => {
  it('writes dd/mm/yyyy and reads it back', () => {
    expect(formatDate('2023-07-28')).toBe('28/07/2023');
    expect(parseDate('28/07/2023')).toBe('2023-07-28');
    expect(parseDate('1/7/2023')).toBe('2023-07-01');
  });

  it('refuses days that do not exist', () => {
    expect(parseDate('30/02/2023')).toBeNull();
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
  });
});

describe('vietnamDay', () => {
  it('gives the day in Vietnam (UTC+7) whatever the machine time zone', () => {
    expect(vietnamDay('2023-09-24T16:59:59.000Z')).toBe('2023-09-24');
    expect(vietnamDay('2023-09-24T17:00:00.000Z')).toBe('2023-09-25');
    expect(vietnamDay('2023-12-31T18:30:00.000Z')).toBe('2024-01-01');
  });
});
