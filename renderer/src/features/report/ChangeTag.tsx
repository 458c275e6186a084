// The change of a figure against the previous period: "+2" green, "−1" red, "0" grey,
// with the earlier value in the tooltip.
import { Tag, Tooltip } from 'antd';
import { formatNumber } from '../../../../shared/format';
import { signed } from './figures';

interface Props {
  before: number;
  after: number;
  testId?: string;
}

export function ChangeTag({ before, after, testId }: Props) {
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
