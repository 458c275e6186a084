// "Thông tin đơn vị": the first-run setup, and later the same form for changes.
import { useState } from 'react';
import { App, Alert, Button, Card, Form, Typography, Upload } from 'antd';
import {
  FileTextOutlined,
  SaveOutlined,
  SnippetsOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { api, errorMessage } from '../../api';
import { clearDraft, loadDraft, saveDraft } from '../../lib/drafts';
import { showOnField, type PathPart } from '../../lib/serverErrors';
import { homeScreen, useAppStore, useWritable } from '../../stores/app';
import { CommuneTable } from './CommuneTable';
import { DeskChoice, type Role } from './DeskChoice';
import { OfficeFields } from './OfficeFields';
import { PasteCommunesModal } from './PasteCommunesModal';
import {
  emptyProfile,
  formRowIndex,
  parseProfileFile,
  toFormValues,
  toProfileInput,
  type CommuneRowValues,
  type ProfileFormValues,
} from './profileForm';
import { FormError } from '../../components/FormError';

const DRAFT_KEY = 'profile';

export function ProfileScreen({ firstRun = false }: { firstRun?: boolean }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileFormValues>();
  const profile = useAppStore((s) => s.profile);
  const setProfile = useAppStore((s) => s.setProfile);
  const refresh = useAppStore((s) => s.refresh);
  const setScreen = useAppStore((s) => s.setScreen);
  const desks = useAppStore((s) => s.desks);
  const setDesks = useAppStore((s) => s.setDesks);
  // First run: the role chosen here sets the desks; later, the desks set in "Cài đặt".
  const [role, setRole] = useState<Role>(() =>
    desks && !desks.office && desks.province ? 'province' : 'office',
  );
  const officeDesk = firstRun ? role === 'office' : (desks?.office ?? true);
  const writable = useWritable();
  const [saving, setSaving] = useState(false);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  // Read once when the screen opens; later profile changes come from this form itself.
  const [draft, setDraft] = useState(() => loadDraft<ProfileFormValues>(DRAFT_KEY));
  const [initialValues] = useState((): ProfileFormValues => {
    const saved = profile ? toFormValues(profile) : emptyProfile();
    if (!draft) return saved;
    // A draft typed before the subjects were asked for has none: keep the saved ones.
    const subjects = draft.office?.subjects ?? saved.office.subjects;
    return { ...draft, office: { ...draft.office, subjects } };
  });

  const currentRows = (): CommuneRowValues[] =>
    ((form.getFieldValue('communes') ?? []) as CommuneRowValues[]).filter(
      (r) => (r?.name ?? '').trim() !== '' || (r?.code ?? '').trim() !== '',
    );

  const addRows = (rows: CommuneRowValues[]) => {
    form.setFieldValue('communes', [...currentRows(), ...rows]);
    saveDraft(DRAFT_KEY, form.getFieldsValue(true));
    message.success(`Đã thêm ${String(rows.length)} xã vào danh sách.`);
  };

  const readFile = async (file: File) => {
    try {
      const values = parseProfileFile(await file.text());
      form.setFieldsValue(values);
      saveDraft(DRAFT_KEY, form.getFieldsValue(true));
      message.success(
        `Đã đọc tệp "${file.name}": ${String(values.communes.length)} xã. Hãy kiểm tra rồi bấm Lưu.`,
      );
    } catch (err) {
      message.error(`Không đọc được tệp "${file.name}": ${errorMessage(err)}`);
    }
  };

  const toFormName = (path: PathPart[]): PathPart[] | null => {
    if (path[0] === 'office') {
      if (path[1] === 'recipients') return ['office', 'recipients'];
      return path.length >= 2 ? path.slice(0, path[1] === 'signer' ? 3 : 2) : null;
    }
    if (path[0] === 'communes' && typeof path[1] === 'number') {
      const row = formRowIndex(form.getFieldsValue(true) as ProfileFormValues, path[1]);
      const col = path[2] === 'code' ? 'code' : 'name';
      return ['communes', row, col];
    }
    return null;
  };

  const chooseRole = (next: Role) => {
    setRole(next);
    // A Sở need not list communes: blank rows would only stand in the way of saving.
    if (next === 'province') form.setFieldValue('communes', currentRows());
  };

  const onFinish = async (values: ProfileFormValues) => {
    setSaving(true);
    setFormError(null);
    try {
      if (firstRun) {
        const chosen = await api['settings:saveDesks']({
          office: role === 'office',
          province: role === 'province',
          deadlineDays: desks?.deadlineDays ?? 10,
        });
        setDesks(chosen);
      }
      const saved = await api['profile:save'](toProfileInput(values));
      clearDraft(DRAFT_KEY);
      setDraft(null);
      setProfile(saved);
      form.setFieldsValue(toFormValues(saved));
      message.success('Đã lưu thông tin đơn vị.');
      if (firstRun) {
        setScreen(homeScreen(useAppStore.getState().desks));
        await refresh();
      }
    } catch (err) {
      if (!showOnField(form, err, toFormName)) setFormError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const saveButton = (
    <Button
      type="primary"
      htmlType="submit"
      icon={<SaveOutlined />}
      loading={saving}
      disabled={!writable}
      data-testid="profile-save"
    >
      {!firstRun
        ? 'Lưu thông tin đơn vị'
        : role === 'office'
          ? 'Lưu và bắt đầu ghi sổ'
          : 'Lưu và bắt đầu tiếp nhận báo cáo'}
    </Button>
  );

  return (
    <div
      className={firstRun ? 'first-run' : 'page'}
      style={firstRun ? undefined : { height: 'auto' }}
    >
      {firstRun ? (
        <div style={{ marginBottom: 16 }}>
          <Typography.Title level={3} style={{ marginBottom: 4, color: '#12324f' }}>
            Chào mừng đến với Sổ tuyên truyền
          </Typography.Title>
          <Typography.Text type="secondary">
            {role === 'office'
              ? 'Trước khi ghi sổ, hãy khai báo đơn vị và các xã thuộc địa bàn.'
              : 'Hãy khai báo cơ quan tiếp nhận báo cáo.'}{' '}
            Những thông tin này dùng để ghi báo cáo và có thể sửa lại bất cứ lúc nào ở mục “Thông
            tin đơn vị”.
          </Typography.Text>
        </div>
      ) : (
        <div className="page-title">
          <h1>Thông tin đơn vị</h1>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={saving}
            disabled={!writable}
            onClick={() => form.submit()}
          >
            Lưu thông tin đơn vị
          </Button>
        </div>
      )}
      <Form<ProfileFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => void onFinish(v)}
        onValuesChange={() => saveDraft(DRAFT_KEY, form.getFieldsValue(true))}
        scrollToFirstError={{ block: 'center' }}
        data-testid="profile-form"
      >
        {draft ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="Đã khôi phục nội dung đang nhập dở lần trước (chưa lưu)."
            action={
              <Button
                size="small"
                onClick={() => {
                  clearDraft(DRAFT_KEY);
                  setDraft(null);
                  form.resetFields();
                  form.setFieldsValue(profile ? toFormValues(profile) : emptyProfile());
                }}
              >
                Bỏ bản nháp
              </Button>
            }
          />
        ) : null}
        {firstRun ? <DeskChoice value={role} onChange={chooseRole} /> : null}
        <Card
          title={officeDesk ? 'Đơn vị báo cáo' : 'Cơ quan tiếp nhận báo cáo'}
          size="small"
          style={{ marginBottom: 16 }}
        >
          <OfficeFields />
        </Card>
        <Card
          title={
            officeDesk
              ? 'Các xã, phường, thị trấn thuộc địa bàn'
              : 'Các xã, phường, thị trấn thuộc địa bàn (không bắt buộc)'
          }
          size="small"
          style={{ marginBottom: 16 }}
          extra={
            <Typography.Text type="secondary">
              Đánh dấu các đặc điểm để báo cáo thống kê riêng.
            </Typography.Text>
          }
        >
          <CommuneTable
            required={officeDesk}
            extraActions={
              <>
                <Button
                  icon={<SnippetsOutlined />}
                  onClick={() => setPasteOpen(true)}
                  data-testid="commune-paste"
                >
                  Dán danh sách
                </Button>
                <Upload
                  accept=".json,application/json"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void readFile(file);
                    return Upload.LIST_IGNORE;
                  }}
                >
                  <Button icon={<UploadOutlined />} data-testid="profile-file">
                    Đọc từ tệp hồ sơ (.json)
                  </Button>
                </Upload>
                <Typography.Text type="secondary">
                  <FileTextOutlined /> Tệp chỉ được đọc trên máy này, không gửi đi đâu.
                </Typography.Text>
              </>
            }
          />
        </Card>
        <FormError error={formError} testId="profile-error" style={{ marginBottom: 12 }} />
        <div style={{ display: 'flex', justifyContent: 'flex-end', paddingBottom: 16 }}>
          {saveButton}
        </div>
      </Form>
      <PasteCommunesModal
        open={pasteOpen}
        takenCodes={currentRows().map((r) => r.code)}
        onClose={() => setPasteOpen(false)}
        onAdd={addRows}
      />
    </div>
  );
}
