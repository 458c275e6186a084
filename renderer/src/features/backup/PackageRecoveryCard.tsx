// "Lấy lại hoạt động từ gói đã xuất": after a restore from an older backup (or a lost
// computer), the activities a package already carried come back from the package file. The
// preview says how many are missing; the engine adds only those and registers the package
// again so the next export continues its numbering.
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { EyeOutlined, ImportOutlined } from '@ant-design/icons';
import type { PackageRecoveryPreview, PackageRecoveryResult } from '../../../../shared/backup';
import { formatNumber } from '../../../../shared/format';
import { api, errorMessage } from '../../api';
import { FormError } from '../../components/FormError';
import { useSubmit } from '../../lib/useSubmit';
import { useWritable } from '../../stores/app';
import { activitiesText } from './format';

export function PackageRecoveryCard() {
  const [form] = Form.useForm<{ path: string }>();
  const writable = useWritable();
  const [previewing, setPreviewing] = useState(false);
  const [preview, setPreview] = useState<PackageRecoveryPreview | null>(null);
  const [done, setDone] = useState<PackageRecoveryResult | null>(null);
  const submit = useSubmit();

  const look = async ({ path }: { path: string }) => {
    setPreviewing(true);
    setPreview(null);
    setDone(null);
    submit.setError(null);
    try {
      setPreview(await api['backup:packagePreview']({ path: path.trim() }));
    } catch (err) {
      form.setFields([{ name: 'path', errors: [errorMessage(err)] }]);
    } finally {
      setPreviewing(false);
    }
  };

  const recover = (p: PackageRecoveryPreview) =>
    submit.run(async () => {
      setDone(await api['backup:recoverPackage']({ path: p.path }));
      setPreview(null);
    });

  const nothing = preview !== null && preview.missing === 0 && !preview.registersPackage;

  return (
    <Card size="small" title="Lấy lại hoạt động từ gói đã xuất" data-testid="package-recovery">
      <Typography.Paragraph type="secondary">
        Mỗi gói dữ liệu (.ttpkg) đã xuất chứa mọi hoạt động của kỳ báo cáo. Sau khi khôi phục một
        bản sao lưu cũ, các hoạt động có trong gói mà dữ liệu chưa có sẽ được lấy lại từ gói.
      </Typography.Paragraph>
      <Form form={form} layout="vertical" className="path-form" onFinish={(v) => void look(v)}>
        <Form.Item label="Tệp gói dữ liệu">
          <div className="path-line">
            <Form.Item
              name="path"
              noStyle
              rules={[{ required: true, whitespace: true, message: 'Hãy nhập đường dẫn của gói.' }]}
            >
              <Input
                placeholder="Ví dụ E:\LS-CAOLOC_2023-Q3_0001.ttpkg"
                data-testid="package-path"
              />
            </Form.Item>
            <Button
              htmlType="submit"
              icon={<EyeOutlined />}
              loading={previewing}
              data-testid="package-preview"
            >
              Xem trước
            </Button>
          </div>
        </Form.Item>
      </Form>
      {preview ? (
        <div className="package-preview" data-testid="package-preview-result">
          <Descriptions size="small" column={1} bordered styles={{ label: { width: 190 } }}>
            <Descriptions.Item label="Gói">
              Gói số {preview.sequence}, {preview.period.label} — {preview.office.name}
            </Descriptions.Item>
            <Descriptions.Item label="Hoạt động trong gói">
              {activitiesText(preview.activities)}
            </Descriptions.Item>
            <Descriptions.Item label="Chưa có trong dữ liệu">
              <strong data-testid="package-missing">{activitiesText(preview.missing)}</strong>
            </Descriptions.Item>
            <Descriptions.Item label="Đã có (giữ nguyên)">
              {activitiesText(preview.present)}
            </Descriptions.Item>
          </Descriptions>
          {preview.registersPackage ? (
            <Alert
              type="info"
              showIcon
              title="Dữ liệu hiện tại chưa ghi nhận gói này: gói sẽ được ghi nhận lại, kỳ báo cáo của gói được khóa như khi xuất, và lần xuất sau tiếp tục số thứ tự."
            />
          ) : null}
          {nothing ? (
            <Alert type="success" showIcon title="Dữ liệu đã có đủ các hoạt động của gói này." />
          ) : (
            <Button
              type="primary"
              icon={<ImportOutlined />}
              loading={submit.busy}
              disabled={!writable}
              onClick={() => void recover(preview)}
              data-testid="package-recover"
            >
              {preview.missing > 0
                ? `Lấy lại ${formatNumber(preview.missing)} hoạt động`
                : 'Ghi nhận lại gói'}
            </Button>
          )}
        </div>
      ) : null}
      <FormError error={submit.error} />
      {done ? (
        <Alert
          type="success"
          showIcon
          data-testid="package-recovered"
          title={`Đã lấy lại ${activitiesText(done.added)} từ gói.`}
          description={
            done.registeredPackage ? 'Gói đã được ghi nhận lại trong dữ liệu.' : undefined
          }
        />
      ) : null}
    </Card>
  );
}
