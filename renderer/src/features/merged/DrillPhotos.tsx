// The photos of an activity in the province's drill-down: a camera count in the row that
// opens them under it as thumbnails, and the viewer on a thumbnail. An office's photos are
// the reduced copies its package carried (`inbox:photos`); the department's own activity
// has its own photos (`activities:photos`). The list is asked for only when a row is opened:
// a drill-down can hold thousands of activities and most are never looked at.
import { useEffect, useState } from 'react';
import { Alert, Button, Spin, Typography } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { formatDate } from '../../../../shared/format';
import type { DrillActivity } from '../../../../shared/inbox';
/** A photo as the strip and the viewer need it, from either list. */
interface StripPhoto {
  /** What photos:image is asked for: a received reduced copy, or an own photo's original. */
  sha256: string;
  takenAt: string | null;
  fileName?: string;
}
import { api, errorMessage } from '../../api';
import { PhotoThumb } from '../../components/PhotoThumb';
import type { ViewerPhoto } from '../../components/PhotoViewer';

const THUMB_W = 112;
const THUMB_H = 84;

/** Lists already asked for, by package and activity: the virtual table remounts rows on scroll. */
const KEEP = 200;
const lists = new Map<string, Promise<StripPhoto[]>>();

function photosOf(a: DrillActivity): Promise<StripPhoto[]> {
  const key = `${a.packageSha256 ?? 'own'}/${a.id}`;
  const hit = lists.get(key);
  if (hit) return hit;
  const request: Promise<StripPhoto[]> =
    a.packageSha256 === null
      ? api['activities:photos']({ id: a.id }).then((list) =>
          list.map((p) => ({ sha256: p.sha256, takenAt: p.takenAt, fileName: p.fileName })),
        )
      : api['inbox:photos']({ package: a.packageSha256, activityId: a.id });
  // A failure is not kept: opening the row again asks again.
  void request.catch(() => lists.delete(key));
  lists.set(key, request);
  if (lists.size > KEEP) lists.delete(lists.keys().next().value!);
  return request;
}

/** What the viewer shows under each photo: which activity of which office it proves. */
function viewerPhotos(a: DrillActivity, photos: readonly StripPhoto[]): ViewerPhoto[] {
  const caption = `${a.officeName} — ${formatDate(a.date)} — ${a.title}`;
  return photos.map((p) => ({ ...p, caption }));
}

interface CountProps {
  activity: DrillActivity;
  open: boolean;
  onToggle: () => void;
}

/** The row's camera with the number of photos; nothing for an activity without any. */
export function PhotoCountButton({ activity, open, onToggle }: CountProps) {
  if (activity.photoCount === 0) return null;
  const label = open
    ? `Ẩn ${activity.photoCount} ảnh minh chứng`
    : `${activity.photoCount} ảnh minh chứng: bấm để xem`;
  return (
    <Button
      type={open ? 'primary' : 'text'}
      ghost={open}
      size="small"
      icon={<CameraOutlined />}
      aria-label={label}
      aria-expanded={open}
      title={label}
      onClick={onToggle}
      data-testid={`drill-photos-${activity.id}`}
    >
      {activity.photoCount}
    </Button>
  );
}

interface StripProps {
  activity: DrillActivity;
  /** Opens the viewer on the photo clicked, with the activity's photos. */
  onOpen: (photos: ViewerPhoto[], start: number) => void;
}

/** The opened row: the activity's photos as thumbnails, loaded now. */
export function PhotoStrip({ activity, onOpen }: StripProps) {
  const [photos, setPhotos] = useState<StripPhoto[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setPhotos(null);
    setError(null);
    photosOf(activity).then(
      (list) => live && setPhotos(list),
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [activity]);

  if (error) return <Alert type="error" showIcon title={error} data-testid="drill-photo-error" />;
  if (!photos) return <Spin size="small" />;
  if (photos.length === 0) {
    return <Typography.Text type="secondary">Không có ảnh nào cho hoạt động này.</Typography.Text>;
  }
  const shown = viewerPhotos(activity, photos);
  return (
    <div className="drill-photo-strip" data-testid={`drill-photo-strip-${activity.id}`}>
      {photos.map((p, i) => {
        const label = `Xem ảnh ${i + 1}/${photos.length}${p.takenAt ? `, chụp ngày ${formatDate(p.takenAt.slice(0, 10))}` : ''}`;
        return (
          <button
            key={p.sha256}
            type="button"
            className="drill-photo"
            title={label}
            aria-label={label}
            onClick={() => onOpen(shown, i)}
            data-testid="drill-photo"
          >
            <PhotoThumb sha256={p.sha256} alt={`Ảnh ${i + 1}`} width={THUMB_W} height={THUMB_H} />
          </button>
        );
      })}
    </div>
  );
}
