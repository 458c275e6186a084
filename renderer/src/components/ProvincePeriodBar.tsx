// The period line of the province desk's screens (completeness, merged figures): one
// period shared by both (stores/province), by default the last quarter that has ended.
import { useEffect, type ReactNode } from 'react';
import { Spin } from 'antd';
import { useAppStore } from '../stores/app';
import { useProvinceStore } from '../stores/province';
import { PeriodPicker } from './PeriodPicker';

interface Props {
  loading: boolean;
  /** What the screen says about the chosen period, after the picker. */
  children?: ReactNode;
}

export function ProvincePeriodBar({ loading, children }: Props) {
  const cutoff = useAppStore((s) => s.profile?.office.cutoff ?? 'decree09');
  const period = useProvinceStore((s) => s.period);
  const setPeriod = useProvinceStore((s) => s.setPeriod);

  useEffect(() => {
    useProvinceStore.getState().ensurePeriod(cutoff);
  }, [cutoff]);

  return (
    <div className="period-bar">
      <PeriodPicker value={period} cutoff={cutoff} onChange={setPeriod} testId="province-period" />
      {children}
      {loading ? <Spin size="small" /> : null}
    </div>
  );
}
