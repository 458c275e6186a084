// The dialog for adding or editing an activity: first the channel (new only), then the
// channel's form. Closing keeps the draft; saving refreshes the logbook and remembers the
// channel; "Lưu và thêm tiếp" opens the next form on the same channel in its place. A draft
// of a new activity is found whichever channel is picked (see waitingDraft.ts).
import { App, Button, Modal, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { CHANNEL_LABELS } from '../../../../shared/domain';
import { rememberChannel, rememberedChannel } from '../../lib/remembered';
import { useActivityFormStore } from '../../stores/activityForm';
import { useLogbookStore } from '../../stores/logbook';
import { ActivityForm } from './ActivityForm';
import { ChannelPicker } from './ChannelPicker';
import { moveNewDraft, waitingDrafts } from './waitingDraft';

export function ActivityFormModal() {
  const { message } = App.useApp();
  const { open, editing, channel, carry, serial, openNew, pickChannel, close } =
    useActivityFormStore();
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
        <ChannelPicker onPick={pickChannel} last={rememberedChannel()} drafts={waitingDrafts()} />
      ) : (
        <ActivityForm
          key={`${channel}:${editing?.id ?? 'new'}:${serial}`}
          channel={channel}
          editing={editing}
          carry={carry}
          onCancel={close}
          onKeepDraftOf={(from) => {
            // The form starts again on this channel with the draft moved under it.
            moveNewDraft(from, channel);
            openNew(channel, carry ?? undefined);
          }}
          onSwitchChannel={pickChannel}
          onSaved={(row, next) => {
            if (!editing) rememberChannel(row.channel);
            if (next) openNew(row.channel, next);
            else close();
            void reload();
            message.success(
              next
                ? `Đã lưu hoạt động “${row.title}”. Mời nhập hoạt động tiếp theo.`
                : `Đã lưu hoạt động “${row.title}”.`,
            );
          }}
        />
      )}
    </Modal>
  );
}
