// The period at a glance: activities (with the change against the previous period),
// people reached, cost and areas reached.
import { Card, Statistic, Typography } from 'antd';
import { areaHeading } from '../../../../shared/areas';
import { formatNumber } from '../../../../shared/format';
import type { ReportData } from '../../../../shared/report';
import { comparisonSentence } from '../../../../shared/reportText';
import { reportKinds } from '../../lib/areas';
import { ChangeTag } from './ChangeTag';
import { audienceOf } from './figures';

const vn = (v: number | string) => formatNumber(Number(v));

export function SummaryStats({ data }: { data: ReportData }) {
  const { figures, previous } = data;
  const reached = figures.byCommune.filter((c) => c.activities > 0).length;
  const comparison = comparisonSentence(data);
  return (
    <Card size="small" data-testid="report-summary">
      <div className="report-stats">
        <Statistic
          title="Số hoạt động"
          value={figures.activities}
          formatter={vn}
          suffix={
            previous ? (
              <ChangeTag
                before={previous.activities}
                after={figures.activities}
                testId="report-change-activities"
              />
            ) : undefined
          }
          data-testid="report-activities"
        />
        <Statistic
          title="Số lượt người được tiếp cận"
          value={data.audience}
          formatter={vn}
          suffix={
            previous ? <ChangeTag before={audienceOf(previous)} after={data.audience} /> : undefined
          }
          data-testid="report-audience"
        />
        <Statistic
          title="Kinh phí (đồng)"
          value={data.costVnd}
          formatter={vn}
          data-testid="report-cost"
        />
        <Statistic
          title={`${areaHeading(reportKinds(data).all)} đã tuyên truyền`}
          value={`${formatNumber(reached)}/${formatNumber(figures.byCommune.length)}`}
          data-testid="report-communes-reached"
        />
      </div>
      {comparison ? (
        <Typography.Paragraph
          type="secondary"
          style={{ margin: '8px 0 0' }}
          data-testid="report-comparison"
        >
          {comparison.replace(/^- /, '')}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
