// The filter bar of the logbook. The search box waits for a short pause in typing; the
// engine folds diacritics, so "bang ron" finds "băng rôn".
import { useEffect, useState } from 'react';
import { Input, Segmented } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import {
  CHANNEL_ORDER,
  CHANNEL_SHORT_LABELS,
  THEMES,
  THEME_LABELS,
  type Channel,
  type Theme,
} from '../../../../shared/domain';
import { MultiPicker } from '../../components/MultiPicker';
import { areaLabel } from '../../lib/areas';
import { foldSearch } from '../../lib/search';
import { useDebounced } from '../../lib/useDebounced';
import { useAppStore, useAreasByCode, useAreaWords } from '../../stores/app';
import { useLogbookStore } from '../../stores/logbook';
import { PeriodFilter } from './PeriodFilter';

const CHANNEL_OPTIONS = CHANNEL_ORDER.map((c) => ({ value: c, label: CHANNEL_SHORT_LABELS[c] }));
const THEME_OPTIONS = THEMES.map((t) => ({ value: t, label: THEME_LABELS[t] }));

export function LogbookFilters() {
  const filter = useLogbookStore((s) => s.filter);
  const setFilter = useLogbookStore((s) => s.setFilter);
  const profile = useAppStore((s) => s.profile);
  const [search, setSearch] = useState(filter.search);
  const debounced = useDebounced(search, 250);

  useEffect(() => {
    if (debounced !== useLogbookStore.getState().filter.search) setFilter({ search: debounced });
  }, [debounced, setFilter]);

  const byCode = useAreasByCode();
  const words = useAreaWords();
  const communeOptions = (profile?.communes ?? []).map((c) => {
    const merged = areaLabel(c.name, c.code, byCode);
    return {
      value: c.code,
      label: c.active ? c.name : merged !== c.name ? merged : `${c.name} (đã bỏ)`,
      searchText: `${c.name} ${c.code}`,
    };
  });

  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
      <PeriodFilter
        value={filter.period}
        cutoff={profile?.office.cutoff ?? 'decree09'}
        onChange={(period) => setFilter({ period })}
      />
      <MultiPicker<Channel>
        allowClear
        value={filter.channels}
        onChange={(channels) => setFilter({ channels })}
        options={CHANNEL_OPTIONS}
        placeholder="Mọi hình thức"
        maxTagCount="responsive"
        style={{ width: 160 }}
        data-testid="filter-channels"
      />
      {/* An office without areas has none to filter by. */}
      {communeOptions.length > 0 ? (
        <MultiPicker<string>
          allowClear
          value={filter.communes}
          onChange={(communes) => setFilter({ communes })}
          options={communeOptions}
          showSearch={foldSearch}
          placeholder={words.kinds.length === 1 ? `Mọi ${words.noun}` : 'Mọi địa bàn'}
          maxTagCount="responsive"
          style={{ width: 160 }}
          data-testid="filter-communes"
        />
      ) : null}
      <MultiPicker<Theme>
        allowClear
        value={filter.themes}
        onChange={(themes) => setFilter({ themes })}
        options={THEME_OPTIONS}
        placeholder="Mọi chủ đề"
        maxTagCount="responsive"
        style={{ width: 140 }}
        data-testid="filter-themes"
      />
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder="Tìm (không cần gõ dấu)"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        style={{ flex: '1 1 190px', maxWidth: 260 }}
        data-testid="filter-search"
      />
    </div>
  );
}

/** Live rows or the deleted ones (to restore): a view of the logbook rather than a filter. */
export function DeletedSwitch() {
  const deleted = useLogbookStore((s) => s.filter.deleted);
  const setFilter = useLogbookStore((s) => s.setFilter);
  return (
    <Segmented
      value={deleted ? 'deleted' : 'active'}
      onChange={(v) => setFilter({ deleted: v === 'deleted' })}
      options={[
        { value: 'active', label: 'Đang ghi' },
        { value: 'deleted', label: 'Đã xóa' },
      ]}
      data-testid="filter-deleted"
    />
  );
}
