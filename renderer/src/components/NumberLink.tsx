// A figure written the Vietnamese way; with `onClick`, a link that opens what lies behind
// it (the province's drill-down). Without, plain text, so tables can serve both screens.
import { formatNumber } from '../../../shared/format';

interface Props {
  value: number;
  onClick?: (() => void) | undefined;
  testId?: string | undefined;
  /** What the link opens, for screen readers and the tooltip. */
  title?: string | undefined;
}

export function NumberLink({ value, onClick, testId, title }: Props) {
  if (!onClick) return <span data-testid={testId}>{formatNumber(value)}</span>;
  return (
    <button
      type="button"
      className="number-link"
      onClick={onClick}
      title={title ?? 'Xem các hoạt động tạo nên số này'}
      data-testid={testId}
    >
      {formatNumber(value)}
    </button>
  );
}
