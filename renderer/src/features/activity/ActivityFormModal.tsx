// The dialog for adding or editing an activity: first the channel (new only), then the
// channel's form. Closing keeps the draft; saving refreshes the logbook.
import { App, Button, Modal, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { CHANNEL_LABELS } from '../../../../shared/domain';
import { useActivityFormStore } from '../../stores/activityForm';
import { useLogbookStore } from '../../stores/logbook';
import { ActivityForm } from './ActivityForm';
import { ChannelPicker } from './ChannelPicker';

export function ActivityFormModal() {
  const { message } = App.useApp();
  const { open, editing, channel, pickChannel, close } = useActivityFormStore();
  const reload = useLogbookStore((s) => s.load);

  const title =
    channel === null ? (
      'Thêm hoạt động tuyên truyền'
    ) : (
      <span>
        {editing ? 'Sửa hoạt động' : 'Thêm hoạt động'}
        <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
          {' — '}
          {CHANNEL_LABELS[channel]}
        </Typography.Text>
        {editing ? null : (
          <Button
            type="link"
            size="small"
            icon={<ArrowLeftOutlined />}
            onClick={() => pickChannel(null)}
            data-testid="activity-change-channel"
          >
            Đổi hình thức
          </Button>
        )}
      </span>
    );

  return (
    <Modal
      open={open}
      title={title}
      onCancel={close}
      footer={null}
      width={channel === null ? 640 : 860}
      style={{ top: 24 }}
      mask={{ closable: false }}
      destroyOnHidden
      data-testid="activity-modal"
    >
      {channel === null ? (
        <ChannelPicker onPick={pickChannel} />
      ) : (
        <ActivityForm
          key={`${channel}:${editing?.id ?? 'new'}`}
          channel={channel}
          editing={editing}
          onCancel={close}
          onSaved={(row) => {
            close();
            void reload();
            message.success(`Đã lưu hoạt động “${row.title}”.`);
          }}
        />
      )}
    </Modal>
  );
}
