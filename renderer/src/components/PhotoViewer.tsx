// Photos one at a time, large: the reduced copy (what travels to the province), ← and →
// to move, Esc to close. It takes a list and a loader, so the office's own photos and
// those a province took in with a package are shown the same way.
import { useEffect, useState } from 'react';
import { Alert, Button, Modal, Spin, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { formatDate } from '../../../shared/format';
import { errorMessage } from '../api';
import { loadPhotoImage, type PhotoLoader, type ShownImage } from '../lib/photoImages';
import './photos.css';

export interface ViewerPhoto {
  /** What the loader is asked for: an own photo's original, a received photo's reduced copy. */
  sha256: string;
  fileName?: string;
  /** The camera's date (`YYYY-MM-DDTHH:MM:SS`), when the file has one. */
  takenAt?: string | null;
  /** A line of context under the photo (the activity, the office). */
  caption?: string;
}

interface Props {
  photos: readonly ViewerPhoto[];
  /** The photo to open on; null keeps the viewer closed. */
  start: number | null;
  onClose: () => void;
  load?: PhotoLoader;
  title?: string;
}

export function PhotoViewer({ photos, start, onClose, load = loadPhotoImage, title }: Props) {
  const [index, setIndex] = useState(start ?? 0);
  const [image, setImage] = useState<ShownImage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = start !== null && photos.length > 0;
  const count = photos.length;
  const at = Math.min(index, Math.max(0, count - 1));
  const photo = photos[at];

  useEffect(() => {
    if (start !== null) setIndex(start);
  }, [start]);

  // Keyed by sha256, not by the objects: a caller that rebuilds its list on each render
  // must not make the photo load again.
  const sha = open ? photo?.sha256 : undefined;
  const nextSha = photos[at + 1]?.sha256;
  const prevSha = photos[at - 1]?.sha256;
  useEffect(() => {
    if (sha === undefined) return undefined;
    let live = true;
    setImage(null);
    setError(null);
    load(sha, 'reduced').then(
      (img) => {
        if (!live) return;
        setImage(img);
        // The neighbours next, so that an arrow press shows them at once.
        for (const near of [nextSha, prevSha]) {
          if (near) load(near, 'reduced').catch(() => undefined);
        }
      },
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [sha, nextSha, prevSha, load]);

  const step = (by: number) => setIndex((i) => Math.min(count - 1, Math.max(0, i + by)));

  useEffect(() => {
    if (!open) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        e.preventDefault();
        e.stopPropagation();
        step(e.key === 'ArrowLeft' ? -1 : 1);
      }
    };
    // Captured, so that a focused button or field under the viewer does not take the arrows.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  });

  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      centered
      width="min(1100px, 94vw)"
      title={
        <span data-testid="photo-viewer-title">
          {title ? `${title} — ` : ''}Ảnh {at + 1}/{count}
        </span>
      }
      destroyOnHidden
      data-testid="photo-viewer"
    >
      <div className="photo-viewer-stage">
        {image ? (
          <img
            src={image.src}
            alt={photo?.fileName ?? `Ảnh ${at + 1}`}
            data-testid="photo-viewer-img"
          />
        ) : error ? (
          <Alert type="error" showIcon title={error} />
        ) : (
          <Spin />
        )}
        {count > 1 ? (
          <>
            <Button
              className="photo-viewer-nav prev"
              shape="circle"
              size="large"
              icon={<LeftOutlined />}
              aria-label="Ảnh trước (←)"
              title="Ảnh trước (←)"
              disabled={at === 0}
              onClick={() => step(-1)}
              data-testid="photo-viewer-prev"
            />
            <Button
              className="photo-viewer-nav next"
              shape="circle"
              size="large"
              icon={<RightOutlined />}
              aria-label="Ảnh sau (→)"
              title="Ảnh sau (→)"
              disabled={at === count - 1}
              onClick={() => step(1)}
              data-testid="photo-viewer-next"
            />
          </>
        ) : null}
      </div>
      <div className="photo-viewer-meta" data-testid="photo-viewer-meta">
        {photo?.fileName ? <Typography.Text strong>{photo.fileName}</Typography.Text> : null}
        {photo?.takenAt ? (
          <Typography.Text type="secondary">
            Chụp ngày {formatDate(photo.takenAt.slice(0, 10))}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">Ảnh không ghi ngày chụp</Typography.Text>
        )}
        {image ? (
          <Typography.Text type="secondary">
            {image.width} × {image.height} điểm ảnh
          </Typography.Text>
        ) : null}
        {photo?.caption ? <Typography.Text>{photo.caption}</Typography.Text> : null}
      </div>
    </Modal>
  );
}
