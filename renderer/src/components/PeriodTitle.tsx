// The chosen period beside its picker: "Quý III năm 2023" and its first and last days.
import { Typography } from 'antd';
import { formatDate } from '../../../shared/format';
import type { Period } from '../../../shared/period';

/** "quý III năm 2023" → "Quý III năm 2023". */
export const periodName = (p: Pick<Period, 'label'>): string =>
  p.label.charAt(0).toLocaleUpperCase('vi') + p.label.slice(1);

interface Props {
  period: Pick<Period, 'label' | 'from' | 'to'>;
  /** Prefix of the data-testid attributes ("report-period" → "report-period-label"). */
  testId: string;
}

export function PeriodTitle({ period, testId }: Props) {
  return (
    <span className="period-title">
      <strong data-testid={`${testId}-label`}>{periodName(period)}</strong>
      <Typography.Text type="secondary" data-testid={`${testId}-dates`}>
        {formatDate(period.from)} – {formatDate(period.to)}
      </Typography.Text>
    </span>
  );
}
