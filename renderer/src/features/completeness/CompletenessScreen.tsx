// "Tình hình nộp báo cáo": which offices have sent their package for the chosen period
// and the three before it, which are missing or late, which are held in quarantine.
import { useEffect, useState } from 'react';
import { Alert, Typography } from 'antd';
import type { Completeness } from '../../../../shared/inbox';
import { api } from '../../api';
import { ProvincePeriodBar } from '../../components/ProvincePeriodBar';
import { followRequest } from '../../lib/followRequest';
import { useProvinceStore } from '../../stores/province';
import { SheetButton } from '../report/SheetButton';
import { CompletenessTable } from './CompletenessTable';
import './completeness.css';

export const COMPLETENESS_PERIODS = 4;

export function CompletenessScreen() {
  const period = useProvinceStore((s) => s.period);
  const [data, setData] = useState<Completeness | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (period === '') return undefined;
    setLoading(true);
    setError(null);
    return followRequest(api['inbox:completeness']({ period, count: COMPLETENESS_PERIODS }), {
      data: setData,
      error: setError,
      settled: () => setLoading(false),
    });
  }, [period]);

  return (
    <div className="screen" data-testid="completeness">
      <div className="page-title">
        <h1>Tình hình nộp báo cáo</h1>
        {/* The subject of the merged figures in it: the default, as the merged screen opens. */}
        <SheetButton
          label="Tải bảng tổng hợp (Excel)"
          ready={period !== ''}
          make={() => api['inbox:sheet']({ period })}
          testId="completeness-sheet"
        />
      </div>
      <ProvincePeriodBar loading={loading}>
        <Typography.Text type="secondary">
          Kỳ đã chọn và {COMPLETENESS_PERIODS - 1} kỳ trước đó.
        </Typography.Text>
      </ProvincePeriodBar>
      {error ? (
        <Alert type="error" showIcon title={error} data-testid="completeness-error" />
      ) : null}
      {data ? <CompletenessTable data={data} loading={loading} /> : null}
    </div>
  );
}
