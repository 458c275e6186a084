// "Hình ảnh": the activity's photos as evidence. Added with the button, by dropping files
// on the form or by pasting (Ctrl+V); each file is stored as it comes, and the list is
// attached when the activity is saved.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Form, Progress, Typography } from 'antd';
import { CameraOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { PHOTO_MIMES } from '../../../../shared/photos';
import { PhotoViewer } from '../../components/PhotoViewer';
import { toIso } from '../../lib/dates';
import { PhotoCard } from './PhotoCard';
import type { PhotosState } from './usePhotos';
import './photos.css';

const ACCEPT = PHOTO_MIMES.join(',');

interface Props {
  state: PhotosState;
  /** Why the photos cannot change (a locked period, a read-only file); null when they can. */
  readOnlyReason: string | null;
}

export function PhotoSection({ state, readOnlyReason }: Props) {
  const { photos, progress, notices, loading, loadError } = state;
  const chooser = useRef<HTMLInputElement>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const date = Form.useWatch<Dayjs | null | undefined>('date');
  const endDate = Form.useWatch<Dayjs | null | undefined>('endDate');
  const readOnly = readOnlyReason !== null || loading || loadError !== null;
  const busy = progress !== null;
  const canAdd = !readOnly && !busy;

  // Ctrl+V of an image anywhere while the form is open; text pasted into a field is left alone.
  const { add } = state;
  useEffect(() => {
    if (!canAdd) return undefined;
    const onPaste = (e: ClipboardEvent) => {
      const files = Array.from(e.clipboardData?.files ?? []).filter((f) =>
        f.type.startsWith('image/'),
      );
      if (files.length === 0) return;
      e.preventDefault();
      void add(files);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [canAdd, add]);

  return (
    <section className="photo-section" data-testid="photo-section">
      <div className="photo-section-head">
        <Typography.Text strong>
          <CameraOutlined /> Hình ảnh
          {photos.length > 0 ? (
            <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
              {' '}
              ({photos.length})
            </Typography.Text>
          ) : null}
        </Typography.Text>
        {readOnlyReason === null ? (
          <Typography.Text type="secondary" className="photo-section-hint">
            Kéo thả ảnh vào biểu mẫu hoặc dán (Ctrl+V). Ảnh được gắn khi bấm Lưu.
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary" className="photo-section-hint">
            {readOnlyReason}
          </Typography.Text>
        )}
        {readOnlyReason === null ? (
          <Button
            size="small"
            icon={<CameraOutlined />}
            disabled={!canAdd}
            onClick={() => chooser.current?.click()}
            data-testid="photo-add"
          >
            Thêm ảnh
          </Button>
        ) : null}
        <input
          ref={chooser}
          type="file"
          accept={ACCEPT}
          multiple
          style={{ display: 'none' }}
          data-testid="photo-input"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            void state.add(files);
          }}
        />
      </div>
      {loadError ? (
        <Alert
          type="error"
          showIcon
          title={`Chưa đọc được ảnh của hoạt động: ${loadError}`}
          action={
            <Button size="small" icon={<ReloadOutlined />} onClick={() => void state.reload()}>
              Thử lại
            </Button>
          }
          style={{ marginBottom: 8 }}
        />
      ) : null}
      {progress ? (
        <div className="photo-progress" data-testid="photo-progress">
          <Typography.Text>
            Đang xử lý ảnh {progress.current}/{progress.total}…
          </Typography.Text>
          <Progress
            percent={Math.round(((progress.current - 1) / progress.total) * 100)}
            size="small"
            status="active"
          />
        </div>
      ) : null}
      {notices.map((n) => (
        <Alert
          key={n.id}
          type={n.type}
          showIcon
          closable={{ onClose: () => state.dismissNotice(n.id) }}
          title={n.text}
          style={{ marginBottom: 6 }}
          data-testid="photo-notice"
        />
      ))}
      {photos.length > 0 ? (
        <div className="photo-list" data-testid="photo-list">
          {photos.map((p, i) => (
            <PhotoCard
              key={p.sha256}
              photo={p}
              date={date ? toIso(date) : null}
              endDate={endDate ? toIso(endDate) : null}
              readOnly={readOnly}
              onOpen={() => setViewing(i)}
              onRemove={() => state.remove(p.sha256)}
              onFlag={(which, on) => state.flag(p.sha256, which, on)}
            />
          ))}
        </div>
      ) : loading ? null : (
        <div className="photo-empty">
          {readOnlyReason === null
            ? 'Chưa có ảnh. Ảnh chụp buổi tuyên truyền là minh chứng gửi kèm gói dữ liệu và in trong báo cáo.'
            : 'Hoạt động này không có ảnh.'}
        </div>
      )}
      <PhotoViewer photos={photos} start={viewing} onClose={() => setViewing(null)} />
    </section>
  );
}
