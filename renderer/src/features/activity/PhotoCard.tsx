// One photo of the form: its thumbnail (click to see it large), its two choices, its
// camera date, and a warning when that date is far from the activity's.
import { Button, Checkbox, Tooltip, Typography } from 'antd';
import { CloseOutlined, WarningOutlined } from '@ant-design/icons';
import { formatDate } from '../../../../shared/format';
import { PHOTO_DATE_SLACK_DAYS, photoDateGap, type ActivityPhoto } from '../../../../shared/photos';
import { PhotoThumb } from '../../components/PhotoThumb';
import type { PhotoFlag } from './usePhotos';

interface Props {
  photo: ActivityPhoto;
  /** The activity's dates as typed so far (YYYY-MM-DD), for the date check. */
  date: string | null;
  endDate: string | null;
  readOnly: boolean;
  onOpen: () => void;
  onRemove: () => void;
  onFlag: (which: PhotoFlag, on: boolean) => void;
}

export function PhotoCard({ photo, date, endDate, readOnly, onOpen, onRemove, onFlag }: Props) {
  const taken = photo.takenAt ? formatDate(photo.takenAt.slice(0, 10)) : null;
  const gap = date ? photoDateGap(photo.takenAt, date, endDate ?? undefined) : null;
  const far = gap !== null && gap > PHOTO_DATE_SLACK_DAYS;
  return (
    <div className="photo-card" data-testid="photo-card">
      <button
        type="button"
        className="photo-card-open"
        onClick={onOpen}
        title={`Xem ảnh lớn: ${photo.fileName}`}
        data-testid="photo-card-open"
      >
        <PhotoThumb sha256={photo.sha256} alt={photo.fileName} width={168} height={112} />
      </button>
      {readOnly ? null : (
        <Tooltip title="Bỏ ảnh này khỏi hoạt động">
          <Button
            className="photo-card-remove"
            size="small"
            shape="circle"
            icon={<CloseOutlined />}
            aria-label={`Bỏ ảnh ${photo.fileName}`}
            onClick={onRemove}
            data-testid="photo-remove"
          />
        </Tooltip>
      )}
      <Typography.Text
        className="photo-card-name"
        ellipsis={{ tooltip: photo.fileName }}
        data-testid="photo-name"
      >
        {photo.fileName}
      </Typography.Text>
      {far ? (
        <Typography.Text
          type="warning"
          className="photo-card-date"
          data-testid="photo-date-warning"
        >
          <WarningOutlined /> Ảnh chụp ngày {taken}, cách ngày hoạt động {gap} ngày
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary" className="photo-card-date" data-testid="photo-taken">
          {taken ? `Chụp ngày ${taken}` : 'Không ghi ngày chụp'}
        </Typography.Text>
      )}
      <Checkbox
        checked={photo.send}
        disabled={readOnly}
        onChange={(e) => onFlag('send', e.target.checked)}
        data-testid="photo-send"
      >
        Gửi kèm gói
      </Checkbox>
      <Checkbox
        checked={photo.inReport}
        disabled={readOnly}
        onChange={(e) => onFlag('inReport', e.target.checked)}
        data-testid="photo-in-report"
      >
        In trong báo cáo
      </Checkbox>
    </div>
  );
}
