// A logbook row's photos: the count beside the row (the viewer it opens: RowPhotoViewer).
import { Button } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import type { ActivityRow } from '../../../../shared/contract';

export function PhotoCount({ row, onOpen }: { row: ActivityRow; onOpen: () => void }) {
  if (row.photoCount === 0) return null;
  const label = `${row.photoCount} ảnh: bấm để xem`;
  return (
    <Button
      type="text"
      size="small"
      icon={<CameraOutlined />}
      aria-label={label}
      title={label}
      onClick={(e) => {
        e.stopPropagation();
        onOpen();
      }}
      onDoubleClick={(e) => e.stopPropagation()}
      data-testid="row-photos"
    >
      {row.photoCount}
    </Button>
  );
}
