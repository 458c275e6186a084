// The merged period at a glance: offices that reported out of those expected, activities,
// people reached and cost, each figure opening the activities behind it; for a half year or
// year made of quarterly reports, which quarters of which offices it holds and lacks.
import { Alert, Card, Statistic, Typography } from 'antd';
import { formatNumber } from '../../../../shared/format';
import type { MergedData } from '../../../../shared/inbox';
import { coverageSentence, isCounted } from '../../../../shared/mergedText';
import { NumberLink } from '../../components/NumberLink';
import type { OnDrill } from '../../lib/drill';

export function MergedStats({ data, onDrill }: { data: MergedData; onDrill: OnDrill }) {
  const counted = data.offices.filter((o) => isCounted(o.state));
  const partial = data.coverage.filter((c) => c.included.length > 0 && c.missing.length > 0);
  const missing = data.expected - data.reported - partial.length;
  const coverage = coverageSentence(data);
  return (
    <Card size="small" data-testid="merged-summary">
      <div className="report-stats">
        <Statistic
          title="Đơn vị đã nộp báo cáo"
          value={`${formatNumber(data.reported)}/${formatNumber(data.expected)}`}
          data-testid="merged-reported"
        />
        <Statistic
          title="Số hoạt động"
          value={data.figures.activities}
          formatter={() => (
            <NumberLink
              value={data.figures.activities}
              onClick={() => onDrill({})}
              testId="merged-activities"
            />
          )}
        />
        <Statistic
          title="Số lượt người được tiếp cận"
          value={data.audience}
          formatter={() => (
            <NumberLink
              value={data.audience}
              onClick={() => onDrill({ figure: 'Số lượt người' })}
              testId="merged-audience"
            />
          )}
        />
        <Statistic
          title="Kinh phí (đồng)"
          value={data.costVnd}
          formatter={() => (
            <NumberLink
              value={data.costVnd}
              onClick={() => onDrill({ figure: 'Kinh phí' })}
              testId="merged-cost"
            />
          )}
        />
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        Số liệu cộng từ các gói đang được tính của {formatNumber(counted.length)} đơn vị
        {partial.length > 0 ? `; ${formatNumber(partial.length)} đơn vị còn thiếu báo cáo quý` : ''}
        {missing > 0 ? `; còn ${formatNumber(missing)} đơn vị chưa nộp` : ''}. Bấm vào một số để xem
        các đơn vị và hoạt động tạo nên số đó.
      </Typography.Paragraph>
      {data.parts ? <PartsLine data={data} onDrill={onDrill} /> : null}
      {coverage ? (
        <Alert
          type={partial.length > 0 ? 'warning' : 'info'}
          showIcon
          title={coverage.replace(/^- /, '')}
          style={{ marginTop: 8 }}
          data-testid="merged-coverage"
        />
      ) : null}
    </Card>
  );
}

/**
 * The department's own work and the offices': the totals above are their sum. The own part
 * opens its activities like an office's.
 */
function PartsLine({ data, onDrill }: { data: MergedData; onDrill: OnDrill }) {
  const { own, offices } = data.parts!;
  return (
    <Typography.Paragraph style={{ margin: '8px 0 0' }} data-testid="merged-parts">
      Trong đó:{' '}
      <NumberLink
        value={own.data.figures.activities}
        onClick={() => onDrill({ office: own.code, officeName: own.name })}
        testId="merged-own-activities"
      />{' '}
      hoạt động do {own.name} trực tiếp thực hiện ({formatNumber(own.data.audience)} lượt người) và{' '}
      <span data-testid="merged-offices-activities">
        {formatNumber(offices.figures.activities)}
      </span>{' '}
      hoạt động của các đơn vị ({formatNumber(offices.audience)} lượt người).
    </Typography.Paragraph>
  );
}
