// Where the period's package stands, in words that never overstate it: exported and
// waiting to leave, delivered (with when), or confirmed received by the province (as the
// office recorded it), with the small action to record that confirmation or take it back.
import { useState } from 'react';
import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, SendOutlined } from '@ant-design/icons';
import type { PackageState } from '../../../../shared/package';
import { errorMessage } from '../../api';
import { formatInstant } from '../../lib/dates';
import { useWritable } from '../../stores/app';
import { usePackagesStore, type PackageView } from '../../stores/packages';
import { packageStateText } from './locks';
import { ReceiptModal } from './ReceiptModal';

const LOOK: Record<PackageState, { color: string; icon: React.ReactNode }> = {
  exported: { color: 'gold', icon: <ClockCircleOutlined /> },
  delivered: { color: 'processing', icon: <SendOutlined /> },
  confirmed: { color: 'success', icon: <CheckCircleOutlined /> },
};

export function PackageStatus({ pkg }: { pkg: PackageView }) {
  const { message } = App.useApp();
  const confirm = usePackagesStore((s) => s.confirm);
  const writable = useWritable();
  const [marking, setMarking] = useState(false);
  const look = LOOK[pkg.state];

  const unmark = async () => {
    try {
      await confirm(false);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Space size={[8, 2]} wrap data-testid="package-status">
      <Tag
        color={look.color}
        icon={look.icon}
        variant="outlined"
        data-state={pkg.state}
        data-testid="package-state"
      >
        {packageStateText(pkg)}
      </Tag>
      {pkg.state === 'confirmed' && pkg.deliveredAt ? (
        <Typography.Text type="secondary">
          Đã gửi lúc {formatInstant(pkg.deliveredAt)}
        </Typography.Text>
      ) : null}
      {pkg.state === 'confirmed' && pkg.confirmedNote ? (
        <Typography.Text type="secondary" data-testid="package-confirmed-note">
          Ghi chú: {pkg.confirmedNote}
        </Typography.Text>
      ) : null}
      {pkg.state === 'confirmed' ? (
        <Popconfirm
          title="Bỏ đánh dấu cấp trên đã nhận?"
          okText="Bỏ đánh dấu"
          cancelText="Không"
          onConfirm={() => void unmark()}
        >
          <Button type="link" size="small" disabled={!writable} data-testid="package-unconfirm">
            Bỏ đánh dấu
          </Button>
        </Popconfirm>
      ) : (
        <Button
          type="link"
          size="small"
          disabled={!writable}
          onClick={() => setMarking(true)}
          data-testid="package-confirm"
        >
          Đánh dấu cấp trên đã nhận
        </Button>
      )}
      {marking ? <ReceiptModal sequence={pkg.sequence} onClose={() => setMarking(false)} /> : null}
    </Space>
  );
}
