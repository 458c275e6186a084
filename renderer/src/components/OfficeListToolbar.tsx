// Finding one office in a long list (completeness, the register, the merged table by
// office): a province desk may take in the packages of a hundred and more commune offices.
// A search box (the starts of the name's words or the code's parts, diacritics optional), a
// filter by state whose counts are of every office rather than of the page, a sort, and the
// page the table shows.
import { useState, type ReactNode } from 'react';
import { Badge, Input, Segmented, Select, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { formatNumber } from '../../../shared/format';
import { fold } from '../../../shared/text';

export interface Named {
  code: string;
  name: string;
}

/** One choice of the state filter: its words, the colour of its dot, the offices it holds. */
export interface StateFilter<T> {
  value: string;
  label: string;
  color: string;
  match: (row: T) => boolean;
}

export type OfficeSort = 'name' | 'code' | 'state';

/** The filter's first choice: every office. */
export const ALL_STATES = 'all';

const SORTS: { value: OfficeSort; label: string }[] = [
  { value: 'code', label: 'Mã đơn vị' },
  { value: 'name', label: 'Tên đơn vị' },
  { value: 'state', label: 'Trạng thái, cần chú ý trước' },
];

const PAGE_SIZES = [20, 50, 100];

// Vietnamese order ("Đ" after "D", "Ă" and "Â" after "A"); numeric, so "Xã 9" before "Xã 10".
const collator = new Intl.Collator('vi', { numeric: true });

/** Vietnamese tone marks (sắc, huyền, hỏi, ngã, nặng) as NFD writes them apart. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** A word without its tone, and the tone: "Hoà" and "Hòa" both give "hoa" and U+0300. */
function toned(word: string): { base: string; tone: string } {
  const nfd = word.normalize('NFD').toLocaleLowerCase('vi');
  return { base: nfd.replace(TONES, ''), tone: (nfd.match(TONES) ?? []).join('') };
}

/** Typed without diacritics (nor "đ"): then the marks of the name do not count. */
const plain = (term: string) => !/[\p{M}đ]/u.test(term.normalize('NFD').toLowerCase());

/**
 * Whether a typed word starts a word of the name. Typed without diacritics it matches
 * whatever marks the name has; typed with them, they count (wherever the tone sits). Every
 * commune office's name begins "Phòng Văn hóa - Xã hội xã …", so "Hòa" must not find all of
 * them through "hóa", nor "an" through "Văn".
 */
function startsWord(term: string, word: string): boolean {
  if (plain(term)) return fold(word).startsWith(fold(term));
  const t = toned(term);
  const w = toned(word);
  return w.base.startsWith(t.base) && (t.tone === '' || t.tone === w.tone);
}

/**
 * Every typed word starts a word of the office's name or, typed without diacritics as codes
 * are, the code or one of its parts ("CAOLOC" in "LS-CAOLOC-VHTT").
 */
export function matchesOffice(row: Named, query: string): boolean {
  const words = row.name.split(/[\s,;.()/\u2013-]+/u).filter((w) => w !== '');
  const code = fold(row.code);
  const codeParts = [code, ...code.split(/[-_.]/)];
  const inCode = (term: string) =>
    plain(term) && codeParts.some((p) => p.startsWith(term.toLowerCase()));
  return query
    .split(/\s+/)
    .filter((t) => t !== '')
    .every((t) => inCode(t) || words.some((w) => startsWord(t, w)));
}

/** A sorted copy; `rank` orders the states (lower first), names then break ties. */
export function sortOffices<T extends Named>(
  rows: readonly T[],
  sort: OfficeSort,
  rank: (row: T) => number,
): T[] {
  const byCode = (a: T, b: T) => collator.compare(a.code, b.code);
  const byName = (a: T, b: T) => collator.compare(a.name, b.name) || byCode(a, b);
  const compare =
    sort === 'code'
      ? byCode
      : sort === 'name'
        ? byName
        : (a: T, b: T) => rank(a) - rank(b) || byName(a, b);
  return [...rows].sort(compare);
}

/** How many offices each choice of the filter holds, over all of them. */
export function stateCounts<T>(
  rows: readonly T[],
  filters: readonly StateFilter<T>[],
): Record<string, number> {
  const counts: Record<string, number> = { [ALL_STATES]: rows.length };
  for (const f of filters) counts[f.value] = rows.filter(f.match).length;
  return counts;
}

interface ListOptions<T> {
  filters: readonly StateFilter<T>[];
  rank: (row: T) => number;
  pageSize: number;
}

/**
 * The list's search, filter, sort and page. Each change goes back to the first page, so a
 * narrowed list never opens on an empty page.
 */
export function useOfficeList<T extends Named>(rows: readonly T[], options: ListOptions<T>) {
  const { filters, rank } = options;
  const [search, setSearch] = useState('');
  const [state, setState] = useState(ALL_STATES);
  const [sort, setSort] = useState<OfficeSort>('code');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(options.pageSize);

  const filter = filters.find((f) => f.value === state);
  const shown = sortOffices(
    rows.filter((r) => matchesOffice(r, search) && (!filter || filter.match(r))),
    sort,
    rank,
  );
  const pages = Math.max(1, Math.ceil(shown.length / pageSize));
  const pagination: TablePaginationConfig = {
    current: Math.min(page, pages),
    pageSize,
    pageSizeOptions: PAGE_SIZES,
    showSizeChanger: true,
    hideOnSinglePage: true,
    onChange: (p, size) => {
      setPage(size === pageSize ? p : 1);
      setPageSize(size);
    },
  };
  const restart =
    <V,>(set: (v: V) => void) =>
    (v: V) => {
      set(v);
      setPage(1);
    };

  const toolbar: ToolbarProps = {
    search,
    onSearch: restart(setSearch),
    state: filter ? state : ALL_STATES,
    onState: restart(setState),
    sort,
    onSort: restart(setSort),
    filters,
    counts: stateCounts(rows, filters),
    shown: shown.length,
  };
  return {
    toolbar,
    rows: shown,
    pagination,
    /** True when the search or the filter hides some offices. */
    narrowed: shown.length < rows.length,
  };
}

type FilterChoice = Pick<StateFilter<unknown>, 'value' | 'label' | 'color'>;

interface ToolbarProps {
  search: string;
  onSearch: (value: string) => void;
  state: string;
  onState: (value: string) => void;
  sort: OfficeSort;
  onSort: (value: OfficeSort) => void;
  filters: readonly FilterChoice[];
  counts: Record<string, number>;
  shown: number;
}

function Choice({
  label,
  color,
  count,
  testId,
}: {
  label: string;
  color?: string;
  count: number;
  testId: string;
}) {
  const text = (
    <span>
      {label} <strong>{formatNumber(count)}</strong>
    </span>
  );
  return (
    <span data-testid={testId} data-count={count}>
      {color ? <Badge color={color} text={text} /> : text}
    </span>
  );
}

interface Props extends ToolbarProps {
  /** Prefix of the controls' test ids: "<testId>-search", "<testId>-filter-missing", … */
  testId: string;
  /** Said before the state filter: which period the states are of, for instance. */
  stateLabel?: ReactNode;
}

export function OfficeListToolbar(props: Props) {
  const { testId, counts } = props;
  const total = counts[ALL_STATES] ?? 0;
  return (
    <div
      style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}
      data-testid={`${testId}-toolbar`}
    >
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder="Tìm tên hoặc mã (không cần dấu)"
        value={props.search}
        onChange={(e) => props.onSearch(e.target.value)}
        style={{ width: 300 }}
        data-testid={`${testId}-search`}
      />
      <Select<OfficeSort>
        prefix="Xếp theo"
        value={props.sort}
        onChange={props.onSort}
        options={SORTS}
        popupMatchSelectWidth={false}
        style={{ minWidth: 200 }}
        data-testid={`${testId}-sort`}
      />
      <Typography.Text type="secondary" data-testid={`${testId}-shown`}>
        {props.shown === total
          ? `${formatNumber(total)} đơn vị`
          : `Đang hiện ${formatNumber(props.shown)}/${formatNumber(total)} đơn vị`}
      </Typography.Text>
      <div
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: 8,
          alignItems: 'center',
          flexBasis: '100%',
        }}
      >
        {props.stateLabel ? (
          <Typography.Text type="secondary">{props.stateLabel}</Typography.Text>
        ) : null}
        <Segmented<string>
          value={props.state}
          onChange={props.onState}
          options={[
            {
              value: ALL_STATES,
              label: (
                <Choice label="Tất cả" count={total} testId={`${testId}-filter-${ALL_STATES}`} />
              ),
            },
            ...props.filters.map((f) => ({
              value: f.value,
              label: (
                <Choice
                  label={f.label}
                  color={f.color}
                  count={counts[f.value] ?? 0}
                  testId={`${testId}-filter-${f.value}`}
                />
              ),
            })),
          ]}
          data-testid={`${testId}-filter`}
        />
      </div>
    </div>
  );
}
