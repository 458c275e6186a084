// The logbook's two views: the rows in use and the bin.
import { Segmented } from 'antd';
import { useLogbookStore } from '../../stores/logbook';

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
