// The change of a figure against the previous period: "+2" green, "−1" red, "0" grey,
// with the earlier value in the tooltip; nothing when there was nothing either time (a grey
// "0" beside a figure of 0 read as "0 [0]").
import { Tag, Tooltip } from 'antd';
import { formatNumber } from '../../../../shared/format';
import { signed } from './figures';

interface Props {
  before: number;
  after: number;
  testId?: string;
}

export function ChangeTag({ before, after, testId }: Props) {
  if (before === 0 && after === 0) return null;
  const delta = after - before;
  const color = delta > 0 ? 'green' : delta < 0 ? 'red' : 'default';
  return (
    <Tooltip title={`Kỳ trước: ${formatNumber(before)}`}>
      <Tag color={color} style={{ marginInlineEnd: 0 }} data-testid={testId}>
        {signed(delta)}
      </Tag>
    </Tooltip>
  );
}
