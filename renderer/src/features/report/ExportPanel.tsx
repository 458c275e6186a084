// "Xuất gói dữ liệu": the period's signed package for the province. The button asks first
// (ExportConfirm); the panel shows the lock, the last package (its number, whether it
// corrects an earlier one, where it stands) and where to send it. Packages are named by
// their number: a person knows "gói số 1", not its SHA-256.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Tag } from 'antd';
import { SafetyCertificateOutlined, SendOutlined } from '@ant-design/icons';
import type { ExportPreview } from '../../../../shared/package';
import { api } from '../../api';
import { formatInstant } from '../../lib/dates';
import { useWritable } from '../../stores/app';
import { usePackagesStore } from '../../stores/packages';
import { ExportConfirm } from './ExportConfirm';
import { LockNotice } from './LockNotice';
import { PackageStatus } from './PackageStatus';
import { SendForm } from './SendForm';

/** How often a package waiting to leave is looked at again (the outbox sends it meanwhile). */
const REFRESH_MS = 5000;

/** The number of the package with this SHA-256 (the one a correction replaces). */
function useSequenceOf(sha256: string | null): number | null {
  const [found, setFound] = useState<{ sha256: string; sequence: number } | null>(null);
  useEffect(() => {
    if (sha256 === null) return undefined;
    let live = true;
    api['package:list']({})
      .then((list) => {
        const p = list.find((x) => x.sha256 === sha256);
        if (live && p) setFound({ sha256, sequence: p.sequence });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [sha256]);
  return found?.sha256 === sha256 ? found.sequence : null;
}

/** Where a package is being sent right now, read from the outbox (none when it cannot tell). */
async function sendingNow(sequence: number): Promise<string[]> {
  try {
    const rows = await api['outbox:list']({});
    return rows
      .filter((r) => r.packageSequence === sequence && r.state === 'sending')
      .map((r) => r.destination);
  } catch {
    return [];
  }
}

export function ExportPanel({ period }: { period: string }) {
  const load = usePackagesStore((s) => s.load);
  const lock = usePackagesStore((s) => (s.period === period ? s.lock : null));
  const latest = usePackagesStore((s) => (s.period === period ? s.latest : null));
  const signedSequence = usePackagesStore((s) => (s.period === period ? s.signedSequence : null));
  const previewing = usePackagesStore((s) => s.previewing);
  const exporting = usePackagesStore((s) => s.exporting);
  const error = usePackagesStore((s) => s.error);
  const clearError = usePackagesStore((s) => s.clearError);
  const previewExport = usePackagesStore((s) => s.preview);
  const exportPackage = usePackagesStore((s) => s.exportPackage);
  const writable = useWritable();
  const { modal } = App.useApp();
  const replacedSequence = useSequenceOf(latest?.supersedes ?? null);
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  // Once the package has left, the send form folds away (it takes half the screen).
  const [sendMoreFor, setSendMoreFor] = useState<string | null>(null);

  useEffect(() => {
    if (period !== '') void load(period);
  }, [period, load]);

  // "Đã xuất, chờ gửi" turns into "Đã gửi lúc …" once the outbox delivers it.
  const waiting = latest?.state === 'exported';
  useEffect(() => {
    if (!waiting || period === '') return undefined;
    const timer = window.setInterval(() => void load(period), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [waiting, period, load]);

  // A correction takes the package it replaces out of the outbox; a delivery of it already
  // under way cannot be taken back, so the office decides first, knowing it may arrive too.
  const goOnWhileSending = (sequence: number, destinations: string[]) =>
    new Promise<boolean>((resolve) => {
      void modal.confirm({
        title: `Gói số ${sequence} đang được gửi đi`,
        width: 520,
        content: (
          <div data-testid="export-sending-warning">
            <p>
              Gói số {sequence} đang được gửi tới {destinations.join(', ')} và không dừng giữa chừng
              được. Nơi nhận có thể nhận cả gói số {sequence} lẫn gói đính chính; gói đính chính sẽ
              thay cho gói số {sequence}.
            </p>
            <p style={{ marginBottom: 0 }}>
              Có thể đợi gửi xong rồi xuất, hoặc xuất gói đính chính ngay.
            </p>
          </div>
        ),
        okText: 'Vẫn xuất gói đính chính',
        cancelText: 'Đợi gửi xong',
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });

  const ask = async () => {
    const p = await previewExport();
    if (p?.replaces) {
      const destinations = await sendingNow(p.replaces.sequence);
      if (destinations.length > 0 && !(await goOnWhileSending(p.replaces.sequence, destinations)))
        return;
    }
    setPreview(p);
  };

  // A refused export leaves the confirmation open with the reason in it: a package too large
  // for email names the photos to untick, which a line under the card would hide.
  const confirm = async (allowEmpty: boolean) => {
    if (await exportPackage({ allowEmpty })) setPreview(null);
  };

  return (
    <Card
      size="small"
      className="export-card"
      title="Gói dữ liệu gửi cấp trên"
      data-testid="export-panel"
      extra={
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          loading={previewing}
          disabled={!writable || period === '' || exporting}
          onClick={() => void ask()}
          data-testid="export-button"
        >
          Xuất gói dữ liệu
        </Button>
      }
    >
      <div className="export-body">
        {lock ? <LockNotice lock={lock} sequence={signedSequence} /> : null}
        {error && !preview ? (
          <Alert
            type="error"
            showIcon
            title={error}
            data-testid="export-error"
            closable={{ onClose: clearError }}
          />
        ) : null}
        {latest ? (
          <>
            <Descriptions size="small" column={3} data-testid="export-result">
              <Descriptions.Item label="Gói">
                <strong data-testid="export-sequence">Gói số {latest.sequence}</strong>
                {latest.supersedes ? (
                  <Tag color="orange" style={{ marginLeft: 8 }} data-testid="export-correction">
                    Bản đính chính
                  </Tag>
                ) : null}
              </Descriptions.Item>
              <Descriptions.Item label="Tệp">
                <span className="mono" data-testid="export-file">
                  {latest.fileName}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label="Xuất lúc">
                {formatInstant(latest.createdAt)}
              </Descriptions.Item>
              <Descriptions.Item label="Trạng thái" span={3}>
                <PackageStatus pkg={latest} />
              </Descriptions.Item>
              {latest.supersedes ? (
                <Descriptions.Item label="Thay cho" span={3}>
                  <span data-testid="export-supersedes">
                    {replacedSequence !== null ? `Gói số ${replacedSequence}` : 'Gói trước đó'}
                  </span>
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            {latest.reused ? (
              <Alert
                type="info"
                showIcon
                data-testid="export-reused"
                title={`Kỳ đang khóa nên không tạo gói mới: đây vẫn là gói số ${String(latest.sequence)}.`}
              />
            ) : null}
            {latest.state === 'exported' || sendMoreFor === latest.sha256 ? (
              <SendForm key={latest.sha256} />
            ) : (
              <div>
                <Button
                  type="link"
                  size="small"
                  icon={<SendOutlined />}
                  onClick={() => setSendMoreFor(latest.sha256)}
                  data-testid="send-more"
                >
                  Gửi gói này tới nơi khác
                </Button>
              </div>
            )}
          </>
        ) : (
          <span className="export-hint">
            Gói dữ liệu có chữ ký số của đơn vị, gồm số liệu và báo cáo của kỳ. Trước khi xuất, ứng
            dụng cho xem lại kỳ và số hoạt động; sau khi xuất, số liệu của kỳ sẽ được khóa.
          </span>
        )}
      </div>
      {preview ? (
        <ExportConfirm
          preview={preview}
          exporting={exporting}
          error={error}
          onCancel={() => setPreview(null)}
          onConfirm={(allowEmpty) => void confirm(allowEmpty)}
        />
      ) : null}
    </Card>
  );
}
