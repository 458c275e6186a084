// "Khôi phục…" asks first: what the file holds against the data in use, which activities
// the restore would lose or bring back, and a passphrase when a transfer file carries a key.
// The engine backs up the data it replaces; once done, the page loads again, because every
// store on every screen holds rows of the data that was just replaced.
import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Result, Typography } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import type { BackupEntry, RestorePreview, RestoreResult } from '../../../../shared/backup';
import { FormError } from '../../components/FormError';
import { showOnField } from '../../lib/serverErrors';
import { useSubmit } from '../../lib/useSubmit';
import { ActivityBriefTable } from './ActivityBriefTable';
import { PreviewCompare } from './PreviewCompare';
import { activitiesText } from './format';
import { api } from '../../api';

interface Props {
  preview: RestorePreview;
  entry?: BackupEntry | undefined;
  onClose: () => void;
}

const reloadApp = () => window.location.reload();

export function RestoreModal({ preview, entry, onClose }: Props) {
  const [form] = Form.useForm<{ passphrase: string }>();
  const submit = useSubmit();
  const [result, setResult] = useState<RestoreResult | null>(null);

  const restore = (passphrase?: string) =>
    submit.run(
      async () => {
        setResult(
          await api['backup:restore']({
            path: preview.source.path,
            ...(preview.needsPassphrase && passphrase ? { passphrase } : {}),
          }),
        );
      },
      (err) => showOnField(form, err, (p) => (p[0] === 'passphrase' ? ['passphrase'] : null)),
    );

  const confirm = () => {
    if (preview.needsPassphrase) form.submit();
    else void restore();
  };

  if (result) {
    return (
      <Modal
        open
        title="Đã khôi phục dữ liệu"
        width={640}
        closable={false}
        maskClosable={false}
        footer={
          <Button type="primary" onClick={reloadApp} data-testid="restore-done">
            Tiếp tục làm việc
          </Button>
        }
      >
        <Result
          status="success"
          className="restore-result"
          title={`Dữ liệu đã được khôi phục: ${activitiesText(result.counts.activities)}.`}
          subTitle={<RestoreResultText result={result} />}
          data-testid="restore-result"
        />
      </Modal>
    );
  }

  return (
    <Modal
      open
      title="Khôi phục dữ liệu từ tệp này?"
      width={760}
      style={{ top: 24 }}
      onCancel={onClose}
      maskClosable={!submit.busy}
      closable={!submit.busy}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={submit.busy}>
          Hủy
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger
          icon={<RollbackOutlined />}
          loading={submit.busy}
          onClick={confirm}
          data-testid="restore-confirm"
        >
          Khôi phục (dữ liệu hiện tại được sao lưu trước)
        </Button>,
      ]}
    >
      <div className="restore-preview" data-testid="restore-preview">
        <Typography.Text type="secondary" className="restore-path">
          {preview.source.path}
        </Typography.Text>
        <PreviewCompare preview={preview} entry={entry} />
        {preview.otherOffice ? (
          <Alert
            type="error"
            showIcon
            data-testid="restore-other-office"
            title="Tệp này là dữ liệu của một đơn vị khác với đơn vị đang dùng trên máy này."
            description="Khôi phục sẽ thay toàn bộ sổ, báo cáo và gói của đơn vị hiện tại bằng dữ liệu của đơn vị kia."
          />
        ) : null}
        <ChangeSummary preview={preview} />
        {showList(preview) ? (
          <ActivityBriefTable
            rows={preview.activities}
            total={preview.lost + preview.regained}
            testId="restore-activities"
          />
        ) : null}
        {preview.needsPassphrase ? (
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => void restore(v.passphrase)}
            className="restore-passphrase"
          >
            <Form.Item
              name="passphrase"
              label="Mật khẩu đã đặt khi tạo tệp chuyển máy (để mở khóa ký)"
              rules={[{ required: true, message: 'Hãy nhập mật khẩu của tệp chuyển máy.' }]}
            >
              <Input.Password autoFocus data-testid="restore-passphrase" />
            </Form.Item>
          </Form>
        ) : null}
        <FormError error={submit.error} testId="restore-error" />
      </div>
    </Modal>
  );
}

/**
 * The list matters when something would be lost, or when data is here to compare with;
 * into a missing or empty logbook everything simply comes back, as the summary says.
 */
function showList(preview: RestorePreview): boolean {
  if (preview.activities.length === 0) return false;
  return preview.lost > 0 || (preview.current?.counts.activities ?? 0) > 0;
}

function ChangeSummary({ preview }: { preview: RestorePreview }) {
  const { lost, regained } = preview;
  if (lost === 0 && regained === 0) {
    return (
      <Alert
        type="info"
        showIcon
        data-testid="restore-summary"
        title="Tệp này có đúng các hoạt động đang có: khôi phục không làm mất hoạt động nào."
      />
    );
  }
  const parts = [
    ...(lost > 0
      ? [`${activitiesText(lost)} đã ghi hoặc sửa sau thời điểm của tệp sẽ mất hoặc về bản cũ`]
      : []),
    ...(regained > 0 ? [`${activitiesText(regained)} hiện không có trong sổ sẽ có lại`] : []),
  ];
  return (
    <Alert
      type={lost > 0 ? 'warning' : 'info'}
      showIcon
      data-testid="restore-summary"
      title={`Khi khôi phục: ${parts.join('; ')}.`}
    />
  );
}

function RestoreResultText({ result }: { result: RestoreResult }) {
  return (
    <div className="restore-result-text">
      {result.safetyBackup ? (
        <p>
          Dữ liệu trước khi khôi phục đã được sao lưu tại:
          <Typography.Text code copyable data-testid="restore-safety-path">
            {result.safetyBackup.path}
          </Typography.Text>
        </p>
      ) : result.keptDamaged ? (
        <p>
          Tệp dữ liệu cũ bị hỏng nên không sao lưu được; một bản y nguyên của nó được giữ lại để
          chuyên viên xem:
          <Typography.Text code copyable data-testid="restore-damaged-path">
            {result.keptDamaged}
          </Typography.Text>
        </p>
      ) : (
        <p>Trước khi khôi phục, máy không có dữ liệu cũ nào để giữ lại.</p>
      )}
      {result.keyFingerprint ? <p>Khóa ký trong tệp chuyển máy đã được đưa vào máy này.</p> : null}
      <p>Bấm “Tiếp tục làm việc” để mở lại ứng dụng với dữ liệu vừa khôi phục.</p>
    </div>
  );
}
