// "Tình hình nộp báo cáo": which offices have sent their package for the chosen period
// and the three before it, which are missing or late, which are held in quarantine.
import { useEffect, useState } from 'react';
import { Alert, Spin, Typography } from 'antd';
import type { Completeness } from '../../../../shared/inbox';
import { api, errorMessage } from '../../api';
import { PeriodPicker } from '../../components/PeriodPicker';
import { useAppStore } from '../../stores/app';
import { useProvinceStore } from '../../stores/province';
import { CompletenessTable } from './CompletenessTable';
import './completeness.css';

export const COMPLETENESS_PERIODS = 4;

export function CompletenessScreen() {
  const cutoff = useAppStore((s) => s.profile?.office.cutoff ?? 'decree09');
  const period = useProvinceStore((s) => s.period);
  const setPeriod = useProvinceStore((s) => s.setPeriod);
  const [data, setData] = useState<Completeness | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    useProvinceStore.getState().ensurePeriod(cutoff);
  }, [cutoff]);

  useEffect(() => {
    if (period === '') return undefined;
    let live = true;
    setLoading(true);
    setError(null);
    api['inbox:completeness']({ period, count: COMPLETENESS_PERIODS })
      .then((d) => {
        if (live) setData(d);
      })
      .catch((err: unknown) => {
        if (live) setError(errorMessage(err));
      })
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [period]);

  return (
    <div className="completeness-page" data-testid="completeness">
      <div className="page-title">
        <h1>Tình hình nộp báo cáo</h1>
      </div>
      <div className="province-period-bar">
        <PeriodPicker
          value={period}
          cutoff={cutoff}
          onChange={setPeriod}
          testId="province-period"
        />
        <Typography.Text type="secondary">
          Kỳ đã chọn và {COMPLETENESS_PERIODS - 1} kỳ trước đó.
        </Typography.Text>
        {loading ? <Spin size="small" /> : null}
      </div>
      {error ? (
        <Alert type="error" showIcon title={error} data-testid="completeness-error" />
      ) : null}
      {data ? <CompletenessTable data={data} loading={loading} /> : null}
    </div>
  );
}
