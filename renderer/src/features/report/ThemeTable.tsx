// Activities and audience per theme (one activity may serve several themes).
import { Table } from 'antd';
import { THEMES, THEME_LABELS, type Theme } from '../../../../shared/domain';
import { formatNumber } from '../../../../shared/format';
import type { ReportData } from '../../../../shared/report';

interface Row {
  theme: Theme;
  activities: number;
  audience: number;
}

export function ThemeTable({ data }: { data: ReportData }) {
  const rows = THEMES.map((theme): Row => ({ theme, ...data.byTheme[theme] }));
  return (
    <Table<Row>
      size="small"
      rowKey="theme"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: 'Chủ đề', dataIndex: 'theme', render: (t: Theme) => THEME_LABELS[t] },
        {
          title: 'Số hoạt động',
          dataIndex: 'activities',
          align: 'right',
          width: 110,
          render: (v: number, r) => (
            <span data-testid={`report-theme-${r.theme}`}>{formatNumber(v)}</span>
          ),
        },
        {
          title: 'Số lượt người',
          dataIndex: 'audience',
          align: 'right',
          width: 120,
          render: (v: number) => formatNumber(v),
        },
      ]}
      data-testid="report-theme-table"
    />
  );
}
