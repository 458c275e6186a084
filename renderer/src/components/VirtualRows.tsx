// A table that draws only the rows on screen, for lists of any length (the logbook's
// 100,000 activities). antd's own virtual table keeps per-row state for its whole data
// source: a list that long cost it 0.4 s of every change and of the first screen. Here the
// rows all have one height, so the list is one native scroll area as tall as every row, and
// a row's place is arithmetic: nothing is kept per row, and rows that are not loaded yet
// are asked for by position. The markup is antd's virtual table's, so its style sheet
// dresses it and it looks like every other table in the app.
import {
  memo,
  useContext,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
} from 'react';
import { ConfigProvider, Spin } from 'antd';
// antd's Table registers its theme tokens (CSS variables) with this hook; the rows here
// wear its classes, so they take the same tokens from it.
import useTableStyle from 'antd/es/table/style';
import { windowOf } from '../lib/rowWindow';

export interface VirtualColumn<T> {
  key: string;
  title: ReactNode;
  /** Width in pixels; the one column without a width takes the room left (`minWidth` at least). */
  width?: number;
  minWidth?: number;
  align?: 'left' | 'center' | 'right';
  /** One line, cut with "…" (say the whole text in the content's title). */
  ellipsis?: boolean;
  render: (row: T, index: number) => ReactNode;
  /** What the cell shows while its row is on its way (empty by default). */
  pending?: (index: number) => ReactNode;
}

interface Props<T> {
  columns: VirtualColumn<T>[];
  /** How many rows the list has, loaded or not. */
  count: number;
  /** The row at a position, or undefined while it is not loaded. */
  rowAt: (index: number) => T | undefined;
  rowKey: (row: T) => string;
  /** Every row's height in pixels, borders included. */
  rowHeight: number;
  /** Below this width the list scrolls sideways. */
  minWidth: number;
  loading: boolean;
  /** Shown instead of rows when there are none. */
  empty: ReactNode;
  /** When this changes (another filter: another list), the list shows its top. */
  resetKey?: unknown;
  onRowDoubleClick?: (row: T, index: number) => void;
  label: string;
  testId?: string;
}

function cellStyle(column: VirtualColumn<unknown>): CSSProperties {
  return {
    flex: column.width === undefined ? `1 1 0` : `0 0 ${column.width}px`,
    minWidth: column.width ?? column.minWidth ?? 0,
    textAlign: column.align,
  };
}

function cellClass(column: VirtualColumn<unknown>): string {
  return column.ellipsis ? 'ant-table-cell ant-table-cell-ellipsis' : 'ant-table-cell';
}

interface RowProps<T> {
  columns: VirtualColumn<T>[];
  row: T | undefined;
  index: number;
  height: number;
  onDoubleClick?: (row: T, index: number) => void;
}

function RowOf<T>({ columns, row, index, height, onDoubleClick }: RowProps<T>) {
  return (
    <div
      className="ant-table-row ant-table-row-level-0"
      role="row"
      aria-rowindex={index + 2}
      data-row-index={index}
      style={{ height }}
      onDoubleClick={
        row !== undefined && onDoubleClick ? () => onDoubleClick(row, index) : undefined
      }
    >
      {columns.map((c) => (
        <div
          key={c.key}
          role="cell"
          className={cellClass(c as VirtualColumn<unknown>)}
          style={cellStyle(c as VirtualColumn<unknown>)}
        >
          {row === undefined ? (c.pending?.(index) ?? null) : c.render(row, index)}
        </div>
      ))}
    </div>
  );
}

// A row redraws when its own row object (or the columns) change, not on every scroll step.
const Row = memo(RowOf) as typeof RowOf;

export function VirtualRows<T>(props: Props<T>) {
  const { columns, count, rowAt, rowKey, rowHeight, minWidth, resetKey } = props;
  const prefixCls = useContext(ConfigProvider.ConfigContext).getPrefixCls('table');
  const rootCls = `${prefixCls}-css-var`;
  const [hashId, cssVarCls] = useTableStyle(prefixCls, rootCls);
  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLDivElement>(null);
  // Until the area is measured, a screenful of a laptop's height.
  const [range, setRange] = useState<[number, number]>(() => [0, Math.min(count, 30)]);

  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const next = windowOf(
      el.scrollTop,
      el.clientHeight,
      head.current?.offsetHeight ?? 0,
      rowHeight,
      count,
    );
    setRange((prev) => (prev[0] === next[0] && prev[1] === next[1] ? prev : next));
  }, [rowHeight, count]);

  // Measured before the browser paints, so a new count never flashes a wrong window.
  useLayoutEffect(measure, [measure]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [measure]);

  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [resetKey]);

  const rows: ReactNode[] = [];
  for (let i = range[0]; i < Math.min(range[1], count); i += 1) {
    const row = rowAt(i);
    rows.push(
      <Row
        key={row === undefined ? `~${i}` : rowKey(row)}
        columns={columns}
        row={row}
        index={i}
        height={rowHeight}
        onDoubleClick={props.onRowDoubleClick}
      />,
    );
  }

  return (
    <div className={`${cssVarCls} ${rootCls} ${hashId} ant-table-wrapper virtual-rows`}>
      <div
        className="ant-table ant-table-small ant-table-virtual"
        role="table"
        aria-label={props.label}
        aria-rowcount={count + 1}
        data-testid={props.testId}
      >
        <div className="ant-table-container">
          <div className="ant-table-tbody-virtual ant-table-tbody">
            <div
              ref={scroller}
              className="ant-table-tbody-virtual-holder"
              // Keyboard users scroll it with the arrows and Page Up/Down.
              tabIndex={0}
              onScroll={measure}
            >
              <div ref={head} className="ant-table-header virtual-rows-head" style={{ minWidth }}>
                <table style={{ tableLayout: 'fixed', width: '100%' }}>
                  <colgroup>
                    {columns.map((c) => (
                      <col key={c.key} style={c.width === undefined ? {} : { width: c.width }} />
                    ))}
                  </colgroup>
                  <thead className="ant-table-thead">
                    <tr role="row" aria-rowindex={1}>
                      {columns.map((c) => (
                        <th
                          key={c.key}
                          role="columnheader"
                          className={cellClass(c as VirtualColumn<unknown>)}
                          style={{ textAlign: c.align }}
                        >
                          {c.title}
                        </th>
                      ))}
                    </tr>
                  </thead>
                </table>
              </div>
              {count === 0 ? (
                <div className="virtual-rows-empty" style={{ minWidth }}>
                  {props.loading ? <Spin /> : props.empty}
                </div>
              ) : (
                <div
                  className="virtual-rows-space"
                  style={{ height: count * rowHeight, minWidth }}
                  role="rowgroup"
                >
                  <div
                    className="ant-table-tbody-virtual-holder-inner"
                    style={{ top: range[0] * rowHeight }}
                  >
                    {rows}
                  </div>
                </div>
              )}
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
