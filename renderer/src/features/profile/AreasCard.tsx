// The profile's areas card: what an office of this kind lists (villages for a commune's
// office, none needed for a department or a press agency), the table, and the ways a list
// comes in (pasted, or read from a profile file).
import { Alert, Button, Card, Typography, Upload } from 'antd';
import { FileTextOutlined, SnippetsOutlined, UploadOutlined } from '@ant-design/icons';
import type { OfficeKind } from '../../../../shared/offices';
import { CommuneTable } from './CommuneTable';
import { areasHint, type FormAreaWords } from './officeKind';

interface Props {
  kind: OfficeKind | undefined;
  words: FormAreaWords;
  /** Whether at least one area must be listed. */
  required: boolean;
  formerAreas: { code: string; name: string }[];
  onPaste: () => void;
  onFile: (file: File) => void;
}

export function AreasCard({ kind, words, required, formerAreas, onPaste, onFile }: Props) {
  const hint = areasHint(kind);
  const title = words.noun === 'địa bàn' ? 'Địa bàn của đơn vị' : `Các ${words.noun} trên địa bàn`;
  return (
    <Card
      title={required ? title : `${title} (không bắt buộc)`}
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        <Typography.Text type="secondary">
          Đánh dấu các đặc điểm để báo cáo thống kê riêng.
        </Typography.Text>
      }
      data-testid="areas-card"
    >
      {hint ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={hint}
          data-testid="areas-hint"
        />
      ) : null}
      <CommuneTable
        required={required}
        words={words}
        formerAreas={formerAreas}
        extraActions={
          <>
            <Button icon={<SnippetsOutlined />} onClick={onPaste} data-testid="commune-paste">
              Dán danh sách
            </Button>
            <Upload
              accept=".json,application/json"
              showUploadList={false}
              beforeUpload={(file) => {
                onFile(file);
                return Upload.LIST_IGNORE;
              }}
            >
              <Button icon={<UploadOutlined />} data-testid="profile-file">
                Đọc từ tệp hồ sơ (.json)
              </Button>
            </Upload>
            <Typography.Text type="secondary">
              <FileTextOutlined /> Tệp chỉ được đọc trên máy này, không gửi đi đâu.
            </Typography.Text>
          </>
        }
      />
    </Card>
  );
}
