// Where the exported package goes: a folder or removable drive, email to the recipients in
// the delivery settings, the province's upload address. "Đưa vào hộp thư đi" queues one
// delivery per destination; the outbox does the sending.
import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Input, Select, Space, Typography } from 'antd';
import { SendOutlined, UsbOutlined } from '@ant-design/icons';
import type { DeliverySettings, DriveInfo } from '../../../../shared/contract';
import { api, errorMessage } from '../../api';
import { useAppStore } from '../../stores/app';
import { usePackagesStore } from '../../stores/packages';

export function SendForm() {
  const send = usePackagesStore((s) => s.send);
  const sending = usePackagesStore((s) => s.sending);
  const queued = usePackagesStore((s) => s.queued);
  const setScreen = useAppStore((s) => s.setScreen);
  const [drives, setDrives] = useState<DriveInfo[]>([]);
  const [settings, setSettings] = useState<DeliverySettings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [folderOn, setFolderOn] = useState(true);
  const [folder, setFolder] = useState('');
  const [email, setEmail] = useState(false);
  const [upload, setUpload] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([api['outbox:drives']({}), api['settings:getDelivery']({})])
      .then(([d, s]) => {
        setDrives(d);
        setSettings(s);
      })
      .catch((err: unknown) => setLoadError(errorMessage(err)));
  }, []);

  const recipients = settings?.effectiveRecipients ?? [];
  const uploadUrl = settings?.uploadUrl ?? '';

  const submit = async () => {
    const path = folder.trim();
    if (folderOn && path === '') {
      setProblem('Hãy chọn ổ đĩa hoặc gõ đường dẫn thư mục để chép gói vào.');
      return;
    }
    if (!folderOn && !email && !upload) {
      setProblem('Hãy chọn ít nhất một nơi gửi.');
      return;
    }
    setProblem(null);
    await send({
      ...(folderOn ? { folder: path } : {}),
      ...(email ? { email: true } : {}),
      ...(upload ? { upload: true } : {}),
    });
  };

  return (
    <div className="export-send" data-testid="send-form">
      <Typography.Text strong>Gửi gói này tới</Typography.Text>
      <div className="export-send-row">
        <Checkbox checked={folderOn} onChange={(e) => setFolderOn(e.target.checked)}>
          Thư mục hoặc ổ USB
        </Checkbox>
        <Select
          className="export-drive"
          placeholder={drives.length > 0 ? 'Chọn ổ đĩa rời' : 'Không thấy ổ đĩa rời nào'}
          disabled={!folderOn || drives.length === 0}
          allowClear
          value={drives.some((d) => d.path === folder) ? folder : undefined}
          options={drives.map((d) => ({ value: d.path, label: `${d.label} (${d.path})` }))}
          onChange={(v: string | undefined) => setFolder(v ?? '')}
          suffixIcon={<UsbOutlined />}
          data-testid="send-drive"
        />
        <Input
          className="export-path"
          placeholder="hoặc gõ đường dẫn thư mục, ví dụ D:\BaoCao"
          disabled={!folderOn}
          value={folder}
          onChange={(e) => setFolder(e.target.value)}
          data-testid="send-folder"
        />
      </div>
      <Checkbox
        checked={email}
        disabled={recipients.length === 0}
        onChange={(e) => setEmail(e.target.checked)}
        data-testid="send-email"
      >
        {recipients.length > 0
          ? `Email tới ${recipients.join(', ')}`
          : 'Email (chưa có địa chỉ nhận: khai báo ở “Khóa ký và gửi”)'}
      </Checkbox>
      <Checkbox
        checked={upload}
        disabled={uploadUrl === ''}
        onChange={(e) => setUpload(e.target.checked)}
        data-testid="send-upload"
      >
        {uploadUrl !== ''
          ? `Tải lên ${uploadUrl}`
          : 'Tải lên cổng của tỉnh (chưa khai báo địa chỉ)'}
      </Checkbox>
      {loadError ? <Alert type="error" showIcon title={loadError} /> : null}
      {problem ? (
        <Typography.Text type="danger" data-testid="send-problem">
          {problem}
        </Typography.Text>
      ) : null}
      <Space wrap>
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={sending}
          onClick={() => void submit()}
          data-testid="send-submit"
        >
          Đưa vào hộp thư đi
        </Button>
        {queued ? (
          <Typography.Text type="success" data-testid="send-queued">
            Đã đưa {queued.length} lượt gửi vào hộp thư đi.{' '}
            <Typography.Link onClick={() => setScreen('outbox')} data-testid="send-open-outbox">
              Xem hộp thư đi
            </Typography.Link>
          </Typography.Text>
        ) : null}
      </Space>
    </div>
  );
}
