// Dates as clerks type them (renderer/src/lib/dates.ts): every accepted shape, two-digit
// years, and the refusals in words for days the calendar does not have or text that is
// not a date.
import { describe, expect, it } from 'vitest';
import { parseTypedDate } from '../../renderer/src/lib/dates';

const TODAY = new Date(2026, 11, 2);
const read = (text: string) => parseTypedDate(text, TODAY);

describe('parseTypedDate', () => {
  it.each([
    ['28/7/2023', '2023-07-28'],
    ['28/07/2023', '2023-07-28'],
    ['28/07/23', '2023-07-28'],
    ['28/7/23', '2023-07-28'],
    ['5/8/2023', '2023-08-05'],
    ['28-7-2023', '2023-07-28'],
    ['28.7.2023', '2023-07-28'],
    ['28 7 2023', '2023-07-28'],
    ['28072023', '2023-07-28'],
    ['280723', '2023-07-28'],
    ['2023-07-28', '2023-07-28'],
    ['2023-7-8', '2023-07-08'],
    ['2023/07/28', '2023-07-28'],
    ['  28/07/2023 ', '2023-07-28'],
    ['29/02/2024', '2024-02-29'],
    ['31/12/2025', '2025-12-31'],
  ])('reads %s as %s', (text, iso) => {
    expect(read(text)).toEqual({ iso });
  });

  it('reads two-digit years in this century, or the last one when far ahead', () => {
    expect(read('1/1/00')).toEqual({ iso: '2000-01-01' });
    expect(read('1/1/23')).toEqual({ iso: '2023-01-01' });
    expect(read('1/1/36')).toEqual({ iso: '2036-01-01' });
    expect(read('15/3/98')).toEqual({ iso: '1998-03-15' });
    expect(read('150398')).toEqual({ iso: '1998-03-15' });
  });

  it.each([
    ['31/02/2024', 'Ngày 31/02/2024 không có trong lịch.'],
    ['29/02/2023', 'Ngày 29/02/2023 không có trong lịch.'],
    ['31/4/2023', 'Ngày 31/04/2023 không có trong lịch.'],
    ['12/13/2023', 'Ngày 12/13/2023 không có trong lịch.'],
    ['0/7/2023', 'Ngày 00/07/2023 không có trong lịch.'],
    ['31022024', 'Ngày 31/02/2024 không có trong lịch.'],
    ['2024-02-30', 'Ngày 30/02/2024 không có trong lịch.'],
    ['31/02/24', 'Ngày 31/02/2024 không có trong lịch.'],
  ])('refuses the impossible day %s', (text, error) => {
    expect(read(text)).toEqual({ error });
  });

  it.each(['hôm qua', '28/7', '2807', '28/07/202', '1/1/0023', '123456789', ''])(
    'refuses %j as not a date, saying how to type one',
    (text) => {
      expect(read(text)).toEqual({
        error: `Không đọc được ngày “${text.trim()}”; hãy gõ dạng 28/07/2023.`,
      });
    },
  );
});
