// The calendar part of PeriodPicker for a kind of period (quarter, half, year, days): its
// own chunk, since antd's date pickers are a large part of the app's code and the logbook
// opens on all time, with none of them.
import { DatePicker, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { PeriodKind } from '../../../shared/period';
import { DATE_FORMATS, fromIso, toIso } from '../lib/dates';

const ROMAN = ['I', 'II', 'III', 'IV'];

interface Props {
  kind: PeriodKind;
  /** The period key shown. */
  value: string;
  /** The year in view. */
  year: number;
  onChange: (key: string) => void;
  testId: string;
}

export function PeriodDates({ kind, value, year, onChange, testId }: Props) {
  const tid = (part: string) => `${testId}-${part}`;
  if (kind === 'quarter') {
    const q = Number(/-Q([1-4])$/.exec(value)?.[1] ?? 1);
    return (
      <DatePicker
        picker="quarter"
        allowClear={false}
        value={dayjs(new Date(year, (q - 1) * 3, 1))}
        format={(d: Dayjs) => `Quý ${ROMAN[Math.floor(d.month() / 3)] ?? ''}/${String(d.year())}`}
        onChange={(d: Dayjs | null) => {
          if (d) onChange(`${String(d.year())}-Q${String(Math.floor(d.month() / 3) + 1)}`);
        }}
        style={{ width: 130 }}
        data-testid={tid('quarter')}
      />
    );
  } else if (kind === 'half') {
    const h = /-H2$/.test(value) ? 2 : 1;
    return (
      <>
        <Select
          value={h}
          onChange={(v: number) => onChange(`${String(year)}-H${String(v)}`)}
          options={[
            { value: 1, label: '6 tháng đầu năm' },
            { value: 2, label: '6 tháng cuối năm' },
          ]}
          style={{ width: 150 }}
          data-testid={tid('half')}
        />
        <DatePicker
          picker="year"
          allowClear={false}
          value={dayjs(new Date(year, 0, 1))}
          onChange={(d: Dayjs | null) => {
            if (d) onChange(`${String(d.year())}-H${String(h)}`);
          }}
          style={{ width: 96 }}
        />
      </>
    );
  } else if (kind === 'year') {
    return (
      <DatePicker
        picker="year"
        allowClear={false}
        value={dayjs(new Date(year, 0, 1))}
        onChange={(d: Dayjs | null) => {
          if (d) onChange(`${String(d.year())}-Y`);
        }}
        style={{ width: 96 }}
        data-testid={tid('year')}
      />
    );
  } else if (kind === 'adhoc') {
    const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(value);
    return (
      <DatePicker.RangePicker
        format={DATE_FORMATS}
        value={m ? [fromIso(m[1]), fromIso(m[2])] : null}
        placeholder={['Từ ngày', 'Đến ngày']}
        onChange={(range) => {
          const [from, to] = range ?? [];
          if (from && to) onChange(`${toIso(from)}..${toIso(to)}`);
        }}
        style={{ width: 240 }}
        data-testid={tid('range')}
      />
    );
  }

  return null;
}
