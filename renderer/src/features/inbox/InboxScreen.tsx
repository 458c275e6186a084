// "Tiếp nhận gói": the province takes in the offices' signed packages (dropped, chosen or
// a whole folder), sees what became of each file, and the packages it holds.
import { useEffect } from 'react';
import { Alert, Typography } from 'antd';
import { useWritable } from '../../stores/app';
import { useInboxStore } from '../../stores/inbox';
import { DropZone } from './DropZone';
import { ImportResults } from './ImportResults';
import { PackagesTable } from './PackagesTable';
import './inbox.css';

export function InboxScreen() {
  const run = useInboxStore((s) => s.run);
  const packages = useInboxStore((s) => s.packages);
  const loaded = useInboxStore((s) => s.loaded);
  const error = useInboxStore((s) => s.error);
  const importFiles = useInboxStore((s) => s.importFiles);
  const writable = useWritable();

  useEffect(() => {
    void useInboxStore.getState().loadPackages();
  }, []);

  return (
    <div className="screen" data-testid="inbox">
      <div className="page-title">
        <h1>Tiếp nhận gói dữ liệu</h1>
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Mỗi gói được kiểm tra chữ ký và nội dung trước khi nhận. Bản đính chính thay cho bản cũ của
        cùng đơn vị, cùng kỳ, không bao giờ tính hai lần. Gói của đơn vị chưa đăng ký được giữ cách
        ly cho tới khi đăng ký đơn vị đó.
      </Typography.Paragraph>
      <DropZone
        disabled={!writable || run?.running === true}
        onFiles={(files, skipped) => void importFiles(files, skipped)}
      />
      {run ? <ImportResults run={run} /> : null}
      {error ? <Alert type="error" showIcon title={error} data-testid="inbox-error" /> : null}
      <PackagesTable rows={packages} loading={!loaded} />
    </div>
  );
}
