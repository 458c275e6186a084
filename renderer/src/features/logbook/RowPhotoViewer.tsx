// The viewer a logbook row's photo count opens: the activity's photos, fetched as it opens.
import { useEffect, useMemo, useState } from 'react';
import { App } from 'antd';
import type { ActivityRow } from '../../../../shared/contract';
import type { ActivityPhoto } from '../../../../shared/photos';
import { formatDate } from '../../../../shared/format';
import { api } from '../../api';
import { PhotoViewer } from '../../components/PhotoViewer';
import { followRequest } from '../../lib/followRequest';

export function RowPhotoViewer({ row, onClose }: { row: ActivityRow | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [photos, setPhotos] = useState<ActivityPhoto[]>([]);

  useEffect(() => {
    setPhotos([]);
    if (!row) return undefined;
    return followRequest(api['activities:photos']({ id: row.id }), {
      data: setPhotos,
      error: (text) => {
        void message.error(text);
        onClose();
      },
    });
  }, [row, message, onClose]);

  const shown = useMemo(() => {
    const caption = row ? `${formatDate(row.date)} — ${row.title}` : undefined;
    return photos.map((p) => ({ ...p, caption }));
  }, [photos, row]);
  return (
    <PhotoViewer photos={shown} start={row && photos.length > 0 ? 0 : null} onClose={onClose} />
  );
}
