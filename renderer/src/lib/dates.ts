// Dates as users read and type them (dd/mm/yyyy) and as the contract carries them
// (YYYY-MM-DD). dayjs is what antd's pickers speak.
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/vi';

dayjs.locale('vi');

/** Shown format first; the others are accepted when typed. */
export const DATE_FORMATS = ['DD/MM/YYYY', 'D/M/YYYY', 'DD-MM-YYYY', 'DD.MM.YYYY'];

export function toIso(value: Dayjs): string {
  return value.format('YYYY-MM-DD');
}

export function fromIso(iso: string | undefined | null): Dayjs | null {
  if (!iso) return null;
  const d = dayjs(iso, 'YYYY-MM-DD');
  return d.isValid() ? d : null;
}

/** An ISO instant ("2024-03-05T02:10:00Z") in local time, "05/03/2024 09:10". */
export function formatInstant(iso: string): string {
  const d = dayjs(iso);
  return d.isValid() ? d.format('DD/MM/YYYY HH:mm') : iso;
}

export { parseTypedDate, type TypedDate } from '../../../shared/typedDate';
