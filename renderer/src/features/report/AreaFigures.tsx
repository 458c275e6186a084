// The period by place and theme: the office's areas on the left; themes and the flagged areas
// (border, remote, ethnic minority, key) on the right.
import { Typography } from 'antd';
import { areaNoun } from '../../../../shared/areas';
import type { ReportData } from '../../../../shared/report';
import { reportKinds } from '../../lib/areas';
import { CommuneFiguresTable } from './CommuneFiguresTable';
import { FlaggedTable } from './FlaggedTable';
import { ThemeTable } from './ThemeTable';

export function AreaFigures({ data }: { data: ReportData }) {
  return (
    <div className="report-areas">
      <section>
        <Typography.Title level={5}>Theo {areaNoun(reportKinds(data).all)}</Typography.Title>
        <CommuneFiguresTable data={data} />
      </section>
      <section className="report-stack">
        <div>
          <Typography.Title level={5}>Theo chủ đề</Typography.Title>
          <ThemeTable data={data} />
        </div>
        <div>
          <Typography.Title level={5}>Địa bàn trọng tâm</Typography.Title>
          <FlaggedTable data={data} />
        </div>
      </section>
    </div>
  );
}
