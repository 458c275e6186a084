// Delete with undo, and restore, for logbook rows.
import { App, Button } from 'antd';
import type { ActivityRow } from '../../../../shared/contract';
import { api, errorMessage } from '../../api';
import { useLogbookStore } from '../../stores/logbook';

export function useRowActions() {
  const { message } = App.useApp();
  const reload = useLogbookStore((s) => s.load);

  const restore = async (row: ActivityRow) => {
    try {
      await api['activities:restore']({ id: row.id });
      void reload();
      message.success(`Đã khôi phục hoạt động “${row.title}”.`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const remove = async (row: ActivityRow) => {
    try {
      await api['activities:delete']({ id: row.id });
      void reload();
      const key = `deleted-${row.id}`;
      message.open({
        key,
        type: 'success',
        duration: 10,
        content: (
          <span>
            Đã xóa hoạt động “{row.title}”.{' '}
            <Button
              type="link"
              size="small"
              data-testid="undo-delete"
              onClick={() => {
                message.destroy(key);
                void restore(row);
              }}
            >
              Hoàn tác
            </Button>
          </span>
        ),
      });
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return { remove, restore };
}
