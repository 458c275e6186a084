// The form of one activity of one channel. Whatever is typed is kept: rules say what is
// wrong next to the field, the engine's refusals land on the field they name, and every
// change is mirrored into a draft until the activity is saved. "Lưu và thêm tiếp"
// (Ctrl+Shift+Enter) saves and hands the date and communes on to the next form. Photos are
// attached after the activity itself is saved; when that fails, the form stays open on the
// saved activity with its photos, to try again. A new form finding a draft typed under
// another channel asks whether to keep it here, and waits for the answer with the focus on
// "Giữ lại".
import { useMemo, useRef, useState } from 'react';
import { useFocusFirstField } from '../../lib/focusFirstField';
import { Alert, App, Button, Form, Space, Tooltip } from 'antd';
import { CopyOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import type { ActivityRow } from '../../../../shared/contract';
import type { Channel } from '../../../../shared/domain';
import { formatDate } from '../../../../shared/format';
import { api, errorMessage } from '../../api';
import { fromIso, toIso } from '../../lib/dates';
import { clearDraft, loadDraft, saveDraft } from '../../lib/drafts';
import { showOnField } from '../../lib/serverErrors';
import { activeCommunes, useAppStore, useWritable } from '../../stores/app';
import { useLogbookStore } from '../../stores/logbook';
import { usePackagesStore } from '../../stores/packages';
import { lockedReason, lockOn } from '../report/locks';
import type { CarryOver } from '../../stores/activityForm';
import {
  defaultValues,
  draftKey,
  formFieldOf,
  fromDraft,
  fromRow,
  toDraft,
  toInput,
  type ActivityDraft,
  type ActivityFormValues,
} from './formValues';
import { DateFields, PlaceFields, ReachFields, TopicFields } from './CommonFields';
import { MeasureFields } from './MeasureFields';
import { confirmUnusual, figureField, loadYardstick } from './unusualFigures';
import { FormError } from '../../components/FormError';
import { PhotoDrop } from './PhotoDrop';
import { PhotoSection } from './PhotoSection';
import { usePhotos } from './usePhotos';
import { DraftElsewhere } from './DraftElsewhere';
import { discardNewDraft, draftElsewhere } from './waitingDraft';

interface Props {
  channel: Channel;
  editing: ActivityRow | null;
  /** A new form's date and communes, carried over from the activity saved before it. */
  carry?: CarryOver | null;
  /** `next`: the values to start the next new form with ("Lưu và thêm tiếp"). */
  onSaved: (row: ActivityRow, next: CarryOver | null) => void;
  onCancel: () => void;
  /** Keep the draft typed under `from` in this channel's form (the form starts again). */
  onKeepDraftOf?: (from: Channel) => void;
  onSwitchChannel?: (channel: Channel) => void;
}

export function ActivityForm({
  channel,
  editing,
  carry = null,
  onSaved,
  onCancel,
  onKeepDraftOf,
  onSwitchChannel,
}: Props) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ActivityFormValues>();
  const profile = useAppStore((s) => s.profile);
  const writable = useWritable();
  const active = useMemo(() => activeCommunes(profile), [profile]);
  const activeCodes = useMemo(() => new Set(active.map((c) => c.code)), [active]);
  // An old activity may name an area since dropped from the profile (or merged into another):
  // keep it selectable when editing that activity, so that saving does not silently take it
  // away. New activities are offered the current areas only.
  const communes = useMemo(
    () => [
      ...active,
      ...(profile?.communes ?? []).filter(
        (c) => !c.active && editing?.communeCodes.includes(c.code),
      ),
    ],
    [active, profile, editing],
  );
  const editableCodes = useMemo(() => new Set(communes.map((c) => c.code)), [communes]);
  // The activity as saved by an earlier try whose photos were not attached: Save now updates it.
  const [saved, setSaved] = useState<ActivityRow | null>(null);
  const target = editing ?? saved;
  const key = draftKey(channel, target?.id ?? null);
  const [saving, setSaving] = useState(false);
  const [copying, setCopying] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [draft, setDraft] = useState(() => loadDraft<ActivityDraft>(key));
  // Asked once, as the form opens: a draft kept under another channel.
  const [other, setOther] = useState(() =>
    editing || !onKeepDraftOf ? null : draftElsewhere(channel),
  );
  const photos = usePhotos(key, editing?.id ?? null);
  const lock = usePackagesStore((s) => (editing ? lockOn(s.locks, editing.date) : null));
  const photosReadOnly = lock
    ? `${lockedReason(lock)}; ảnh chỉ xem được.`
    : writable
      ? null
      : 'Dữ liệu đang ở chế độ chỉ đọc; ảnh chỉ xem được.';
  const [initialValues] = useState<ActivityFormValues>(() => {
    if (draft) return fromDraft(draft);
    if (editing) return fromRow(editing, editableCodes);
    if (!carry) return defaultValues();
    return {
      ...defaultValues(),
      date: fromIso(carry.date),
      endDate: fromIso(carry.endDate),
      communes: carry.communes.filter((c) => activeCodes.has(c)),
    };
  });
  const formRef = useRef<HTMLDivElement>(null);
  const [yardstick] = useState(() => loadYardstick(channel));
  // Set by "Lưu và thêm tiếp" for the submit it starts; any other submit saves only.
  const addAnother = useRef(false);

  useFocusFirstField(
    formRef,
    other ? '[data-testid="activity-keep-draft"]' : '[data-testid="activity-date"] input, input',
  );

  const keepDraft = () => saveDraft(key, toDraft(form.getFieldsValue(true) as ActivityFormValues));

  const discardDraft = () => {
    clearDraft(key);
    setDraft(null);
    photos.discard();
    form.resetFields();
    form.setFieldsValue(editing ? fromRow(editing, editableCodes) : defaultValues());
  };

  const copyLatest = async () => {
    setCopying(true);
    try {
      const latest = await api['activities:latest']({ channel });
      if (!latest) {
        message.info('Chưa có hoạt động nào thuộc hình thức này để sao chép.');
        return;
      }
      const values = fromRow(latest, activeCodes);
      const { date: _date, endDate: _end, ...rest } = values;
      form.setFieldsValue(rest);
      keepDraft();
      // The message asks for the date: the cursor goes there, not back to the button.
      formRef.current?.querySelector<HTMLElement>('[data-testid="activity-date"]')?.focus();
      message.success(
        `Đã sao chép từ hoạt động ngày ${formatDate(latest.date)}. Hãy nhập ngày của hoạt động này.`,
      );
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setCopying(false);
    }
  };

  const saveAndAddAnother = () => {
    addAnother.current = true;
    form.submit();
  };

  const onFinish = async () => {
    const values = form.getFieldsValue(true) as ActivityFormValues;
    const next: CarryOver | null = addAnother.current
      ? {
          date: values.date ? toIso(values.date) : null,
          endDate: values.endDate ? toIso(values.endDate) : null,
          communes: values.communes,
        }
      : null;
    addAnother.current = false;
    // Saving now would attach the list without the files still being read.
    if (photos.progress !== null) {
      setFormError('Ảnh đang được xử lý: hãy chờ xong rồi bấm Lưu.');
      return;
    }
    setSaving(true);
    setFormError(null);
    try {
      const input = toInput(channel, values);
      // Only the photos changed: the engine would write an update that changes nothing.
      const unchanged =
        target !== null &&
        JSON.stringify(input) === JSON.stringify(toInput(channel, fromRow(target, editableCodes)));
      const fix = unchanged ? null : await confirmUnusual(modal, channel, input, yardstick);
      if (fix !== null) {
        form.focusField(figureField(fix));
        return;
      }
      const row = unchanged
        ? target
        : target
          ? await api['activities:update']({ id: target.id, activity: input })
          : await api['activities:create'](input);
      clearDraft(key);
      try {
        await photos.attach(row.id);
      } catch (err) {
        // The activity is saved; its photos stay in the form (and in the saved activity's
        // draft) for another try.
        if (!target) photos.moveDraft(draftKey(channel, row.id));
        setSaved(row);
        setDraft(null);
        void useLogbookStore.getState().load();
        setFormError(
          `Đã lưu hoạt động nhưng chưa gắn được ảnh: ${errorMessage(err)} Bấm “Lưu” để thử lại.`,
        );
        return;
      }
      onSaved(row, next);
    } catch (err) {
      if (!showOnField(form, err, formFieldOf)) setFormError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <PhotoDrop onFiles={photosReadOnly === null ? (files) => void photos.add(files) : null}>
      <div
        ref={formRef}
        onKeyDownCapture={(e) => {
          // Captured before the notes field's own Ctrl+Enter (save only) sees it.
          if (!editing && e.key === 'Enter' && (e.ctrlKey || e.metaKey) && e.shiftKey) {
            e.preventDefault();
            e.stopPropagation();
            saveAndAddAnother();
          }
        }}
      >
        <Form<ActivityFormValues>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onFinish={() => void onFinish()}
          onFinishFailed={() => {
            addAnother.current = false;
          }}
          onValuesChange={() => {
            keepDraft();
            // Typing here answers the question: the other draft stays where it was, and the
            // channel picker still offers it.
            setOther(null);
          }}
          scrollToFirstError={{ block: 'center' }}
          requiredMark={false}
          className="compact-form"
          data-testid="activity-form"
        >
          {other ? (
            <DraftElsewhere
              other={other}
              channel={channel}
              onKeep={() => onKeepDraftOf?.(other.channel)}
              onOpenOwn={() => onSwitchChannel?.(other.channel)}
              onDiscard={() => {
                discardNewDraft(other.channel);
                setOther(null);
              }}
            />
          ) : null}
          {draft || photos.fromDraft ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title="Đã khôi phục nội dung đang nhập dở lần trước (chưa lưu)."
              action={
                <Button size="small" onClick={discardDraft} data-testid="activity-discard-draft">
                  Bỏ bản nháp
                </Button>
              }
            />
          ) : null}
          <DateFields />
          <PlaceFields communes={communes} channel={channel} />
          <TopicFields />
          <MeasureFields channel={channel} />
          <ReachFields onCtrlEnter={() => form.submit()} />
          <PhotoSection state={photos} readOnlyReason={photosReadOnly} />
          <FormError error={formError} testId="activity-error" style={{ marginBottom: 12 }} />
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            {target ? (
              // An activity already saved has its own values: copying another's over them
              // would be a way to lose them, not to save typing.
              <span />
            ) : (
              <Button
                icon={<CopyOutlined />}
                loading={copying}
                onClick={() => void copyLatest()}
                data-testid="activity-copy-latest"
              >
                Sao chép lần trước
              </Button>
            )}
            <Space>
              <Button onClick={onCancel} data-testid="activity-cancel">
                Hủy
              </Button>
              {editing ? null : (
                <Tooltip title="Lưu rồi mở ngay biểu mẫu mới, giữ hình thức, ngày và địa bàn (Ctrl+Shift+Enter)">
                  <Button
                    icon={<PlusOutlined />}
                    loading={saving}
                    disabled={!writable || photos.progress !== null}
                    onClick={saveAndAddAnother}
                    data-testid="activity-save-next"
                  >
                    Lưu và thêm tiếp
                  </Button>
                </Tooltip>
              )}
              <Button
                type="primary"
                htmlType="submit"
                icon={<SaveOutlined />}
                loading={saving}
                disabled={!writable || photos.progress !== null}
                data-testid="activity-save"
              >
                Lưu
              </Button>
            </Space>
          </div>
        </Form>
      </div>
    </PhotoDrop>
  );
}
