// Delete with an "Hoàn tác" (undo) button in the confirmation message, and restore: the
// same for every register that soft-deletes (activities, directives).
import { App, Button } from 'antd';
import { errorMessage } from '../api';

interface Options<Row extends { id: string }> {
  remove: (row: Row) => Promise<unknown>;
  restore: (row: Row) => Promise<unknown>;
  /** Reloads the list after either. */
  reload: () => unknown;
  /** "hoạt động “Treo băng rôn”", "văn bản số 4502/BCĐ-CAT". */
  describe: (row: Row) => string;
}

export function useUndoableDelete<Row extends { id: string }>(options: Options<Row>) {
  const { message } = App.useApp();

  const restore = async (row: Row) => {
    try {
      await options.restore(row);
      void options.reload();
      message.success(`Đã khôi phục ${options.describe(row)}.`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const remove = async (row: Row) => {
    try {
      await options.remove(row);
      void options.reload();
      const key = `deleted-${row.id}`;
      message.open({
        key,
        type: 'success',
        duration: 10,
        content: (
          <span>
            Đã xóa {options.describe(row)}.{' '}
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
