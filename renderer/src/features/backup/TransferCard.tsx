// "Chuyển sang máy khác": one file (.ttmove) with the data, the signing key sealed with a
// passphrase and the packages exported so far. The new computer restores it like a backup
// and asks for the passphrase; this computer can then retire its key.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import type { TransferResult } from '../../../../shared/backup';
import type { KeyInfo } from '../../../../shared/package';
import { api, errorMessage } from '../../api';
import { Fingerprint } from '../../components/Fingerprint';
import { FormError } from '../../components/FormError';
import { showOnField } from '../../lib/serverErrors';
import { useSubmit } from '../../lib/useSubmit';
import { useAppStore } from '../../stores/app';
import { activitiesText, formatSize, underDataDir } from './format';
import { KeyRetire } from './KeyRetire';

interface Values {
  passphrase: string;
  confirm: string;
  outDir?: string;
}

const FIELDS = ['passphrase', 'outDir'];

export function TransferCard() {
  const [form] = Form.useForm<Values>();
  const dataDir = useAppStore((s) => s.info?.dataDir ?? '');
  const submit = useSubmit();
  const [result, setResult] = useState<TransferResult | null>(null);
  const [key, setKey] = useState<KeyInfo | null>(null);
  const { setError } = submit;

  useEffect(() => {
    api['key:info']({})
      .then(setKey)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [setError]);

  const transfer = (v: Values) =>
    submit.run(
      async () => {
        const outDir = v.outDir?.trim();
        setResult(
          await api['backup:transfer']({
            passphrase: v.passphrase,
            ...(outDir ? { outDir } : {}),
          }),
        );
        form.resetFields();
        // The key may have been made since the screen opened (an export): ask again.
        setKey(await api['key:info']({}));
      },
      (err) => showOnField(form, err, (p) => (FIELDS.includes(String(p[0])) ? [p[0]!] : null)),
    );

  return (
    <Card size="small" title="Chuyển sang máy khác" data-testid="transfer">
      <Typography.Paragraph type="secondary">
        Tạo một tệp chứa toàn bộ dữ liệu, khóa ký (được khóa bằng mật khẩu) và các gói đã xuất. Trên
        máy mới, cài ứng dụng rồi khôi phục tệp này ở mục “Khôi phục từ tệp khác”.
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        className="transfer-form"
        onFinish={(v) => void transfer(v)}
      >
        <div className="transfer-grid">
          <Form.Item
            name="passphrase"
            label="Mật khẩu cho tệp (ít nhất 8 ký tự)"
            rules={[
              { required: true, message: 'Hãy đặt mật khẩu cho tệp chuyển máy.' },
              { min: 8, message: 'Mật khẩu cần ít nhất 8 ký tự.' },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="transfer-passphrase" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label="Nhập lại mật khẩu"
            dependencies={['passphrase']}
            rules={[
              { required: true, message: 'Hãy nhập lại mật khẩu.' },
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  !v || v === getFieldValue('passphrase')
                    ? Promise.resolve()
                    : Promise.reject(new Error('Hai mật khẩu không giống nhau.')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="transfer-confirm" />
          </Form.Item>
        </div>
        <Form.Item
          name="outDir"
          label="Lưu tệp vào thư mục"
          extra="Để trống thì lưu vào thư mục transfers trong thư mục dữ liệu; có thể chọn thẳng USB."
        >
          <Input
            placeholder={dataDir ? underDataDir(dataDir, 'transfers') : ''}
            data-testid="transfer-dir"
          />
        </Form.Item>
        <FormError error={submit.error} style={{ marginBottom: 12 }} />
        <Button
          type="primary"
          htmlType="submit"
          icon={<ExportOutlined />}
          loading={submit.busy}
          data-testid="transfer-make"
        >
          Tạo tệp chuyển máy
        </Button>
      </Form>
      {result ? <TransferDone result={result} /> : null}
      {key?.exists && (result !== null || key.retiredAt !== null) ? (
        <div className="retire-box">
          <KeyRetire info={key} onChanged={setKey} />
        </div>
      ) : null}
    </Card>
  );
}

function TransferDone({ result }: { result: TransferResult }) {
  return (
    <div className="transfer-done" data-testid="transfer-done">
      <Alert
        type="success"
        showIcon
        title="Đã tạo tệp chuyển máy. Hãy chép tệp sang máy mới và giữ mật khẩu riêng."
      />
      <Descriptions size="small" column={1} bordered styles={{ label: { width: 150 } }}>
        <Descriptions.Item label="Tệp">
          <Typography.Text copyable className="path-text" data-testid="transfer-path">
            {result.path}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="Dung lượng">{formatSize(result.sizeBytes)}</Descriptions.Item>
        <Descriptions.Item label="Nội dung">
          {activitiesText(result.counts.activities)}, {result.packages} gói đã xuất
        </Descriptions.Item>
        <Descriptions.Item label="Khóa ký">
          {result.keyFingerprint ? (
            <Fingerprint value={result.keyFingerprint} testId="transfer-fingerprint" />
          ) : (
            'Không có (đơn vị chưa xuất gói nào nên chưa có khóa ký)'
          )}
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
