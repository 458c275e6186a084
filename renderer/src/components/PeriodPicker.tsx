// A period picker: all time (optional), a quarter, a half, a year (period keys of
// INTERCHANGE.md, cut-off rule applied by the engine) or any range of days, picked or
// typed as people say them ("Q3 2023", "6 tháng đầu năm 2023"). Used by the logbook's
// filter, the report screen and the province desk.
import { lazy, Suspense, useState } from 'react';
import { Input, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Cutoff } from '../../../shared/domain';
import { localToday } from '../../../shared/format';
import {
  parsePeriod,
  periodContaining,
  PeriodError,
  type PeriodKind,
} from '../../../shared/period';
import { parsePeriodText } from '../../../shared/periodText';

type Kind = 'all' | PeriodKind;

const PeriodDates = lazy(() => import('./PeriodDates').then((m) => ({ default: m.PeriodDates })));

const ALL_OPTION: { value: Kind; label: string } = { value: 'all', label: 'Tất cả' };

const KIND_OPTIONS: { value: Kind; label: string }[] = [
  { value: 'quarter', label: 'Theo quý' },
  { value: 'half', label: 'Theo 6 tháng' },
  { value: 'year', label: 'Theo năm' },
  { value: 'adhoc', label: 'Khoảng ngày' },
];

function kindOf(key: string): Kind {
  if (key === '') return 'all';
  if (/-Q[1-4]$/.test(key)) return 'quarter';
  if (/-H[12]$/.test(key)) return 'half';
  if (/-Y$/.test(key)) return 'year';
  return 'adhoc';
}

interface Props {
  /** A period key, or '' for all time (only with `allowAll`). */
  value: string;
  cutoff: Cutoff;
  onChange: (key: string) => void;
  /** Offers "Tất cả" (all time, key ''). */
  allowAll?: boolean;
  /** Prefix of the data-testid attributes ("period" → "period-kind", "period-quarter"). */
  testId?: string;
}

export function PeriodPicker({
  value,
  cutoff,
  onChange,
  allowAll = false,
  testId = 'period',
}: Props) {
  const [kind, setKind] = useState<Kind>(() => kindOf(value));
  // The key can change from outside (a default chosen once the profile is known).
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (value !== '' || allowAll) setKind(kindOf(value));
  }
  const tid = (part: string) => `${testId}-${part}`;
  const year = Number(value.slice(0, 4)) || dayjs().year();

  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);

  // Switching kind keeps the period in view: Q3 2023 becomes H2 2023, năm 2023 or the
  // days of Q3 2023, not this year's. Today's period when today is in view.
  const changeKind = (next: Kind) => {
    setKind(next);
    if (next === 'all') {
      onChange('');
      return;
    }
    let inView: { from: string; to: string } | null = null;
    try {
      inView = value === '' ? null : parsePeriod(value, cutoff);
    } catch {
      inView = null;
    }
    const today = localToday();
    const ref = inView && (today < inView.from || today > inView.to) ? inView.to : today;
    if (next === 'adhoc' && inView) onChange(`${inView.from}..${inView.to}`);
    else onChange(periodContaining(ref, next, cutoff).key);
  };

  const applyTyped = () => {
    if (typed.trim() === '') {
      setTypedError(null);
      return;
    }
    try {
      const p = parsePeriodText(typed, cutoff);
      setTyped('');
      setTypedError(null);
      setKind(p.kind);
      onChange(p.key);
    } catch (err) {
      setTypedError(err instanceof PeriodError ? err.message : String(err));
    }
  };

  // The calendars load with the first period that needs one: the logbook opens on "Tất cả".
  const picker =
    kind === 'all' ? null : (
      <Suspense fallback={<span style={{ width: 130 }} />}>
        <PeriodDates kind={kind} value={value} year={year} onChange={onChange} testId={testId} />
      </Suspense>
    );

  return (
    <div style={{ display: 'inline-flex', flexDirection: 'column' }}>
      <Space.Compact>
        <Select
          value={kind}
          onChange={changeKind}
          options={allowAll ? [ALL_OPTION, ...KIND_OPTIONS] : KIND_OPTIONS}
          style={{ width: 128 }}
          data-testid={tid('kind')}
          aria-label="Kỳ"
        />
        {picker}
        <Input
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            setTypedError(null);
          }}
          onPressEnter={applyTyped}
          onBlur={applyTyped}
          status={typedError ? 'error' : undefined}
          placeholder="Gõ kỳ: Q3 2023"
          title="Gõ kỳ rồi bấm Enter: Quý 3/2023, 6 tháng đầu năm 2023, 2023, 15/06/2023 - 14/09/2023"
          aria-label="Gõ kỳ báo cáo"
          style={{ width: 130 }}
          data-testid={tid('text')}
        />
      </Space.Compact>
      {typedError ? (
        <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={tid('text-error')}>
          {typedError}
        </Typography.Text>
      ) : null}
    </div>
  );
}
