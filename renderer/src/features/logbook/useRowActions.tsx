// Delete with undo, and restore, for logbook rows.
import type { ActivityRow } from '../../../../shared/contract';
import { api } from '../../api';
import { useUndoableDelete } from '../../lib/useUndoableDelete';
import { useLogbookStore } from '../../stores/logbook';

export function useRowActions() {
  const reload = useLogbookStore((s) => s.load);
  return useUndoableDelete<ActivityRow>({
    remove: (row) => api['activities:delete']({ id: row.id }),
    restore: (row) => api['activities:restore']({ id: row.id }),
    reload,
    describe: (row) => `hoạt động “${row.title}”`,
  });
}
