// "Thông tin đơn vị": the first-run setup (who the office is, then its details and areas),
// and later the same form for changes.
import { useRef, useState } from 'react';
import { App, Alert, Button, Card, Form, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { areaKind, areaNoun } from '../../../../shared/areas';
import { OFFICE_KIND_INFO, officeKindOf, type OfficeKind } from '../../../../shared/offices';
import { api, errorMessage } from '../../api';
import { clearDraft, loadDraft, saveDraft } from '../../lib/drafts';
import { showOnField, type PathPart } from '../../lib/serverErrors';
import { homeScreen, useAppStore, useWritable } from '../../stores/app';
import { AreasCard } from './AreasCard';
import { DeskChoice } from './DeskChoice';
import { desksFor, formAreaWords, prefillOffice } from './officeKind';
import { OfficeFields } from './OfficeFields';
import { PasteCommunesModal } from './PasteCommunesModal';
import {
  emptyCommune,
  emptyProfile,
  formRowIndex,
  parseProfileFile,
  restoreDraft,
  toFormValues,
  toProfileInput,
  type CommuneRowValues,
  type ProfileFormValues,
} from './profileForm';
import { FormError } from '../../components/FormError';

const DRAFT_KEY = 'profile';

/** The columns of an area row an engine error can name. */
const ROW_FIELDS = new Set<PathPart>(['code', 'kind', 'absorbed']);

export function ProfileScreen({ firstRun = false }: { firstRun?: boolean }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileFormValues>();
  const profile = useAppStore((s) => s.profile);
  const setProfile = useAppStore((s) => s.setProfile);
  const refresh = useAppStore((s) => s.refresh);
  const setScreen = useAppStore((s) => s.setScreen);
  const desks = useAppStore((s) => s.desks);
  const setDesks = useAppStore((s) => s.setDesks);
  const writable = useWritable();
  const [saving, setSaving] = useState(false);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  // Read once when the screen opens; later profile changes come from this form itself.
  const [draft, setDraft] = useState(() => loadDraft<ProfileFormValues>(DRAFT_KEY));
  const [initialValues] = useState((): ProfileFormValues => {
    const saved = profile ? toFormValues(profile) : emptyProfile();
    if (!draft) return saved;
    return restoreDraft(saved, draft);
  });
  // The kind the office fields were last filled from, so that another choice replaces them.
  const filledFrom = useRef<OfficeKind | undefined>(initialValues.office.kind);

  const chosenKind = Form.useWatch<OfficeKind | undefined>(['office', 'kind'], form);
  const name = Form.useWatch(['office', 'name'], form) as string | undefined;
  const parent = Form.useWatch(['office', 'parent'], form) as string | undefined;
  const rows = Form.useWatch('communes', form) as CommuneRowValues[] | undefined;
  // Later visits: a profile saved before the kind was asked is read from its names.
  const kind: OfficeKind | undefined =
    chosenKind ?? (firstRun ? undefined : officeKindOf({ name: name ?? '', parent: parent ?? '' }));
  const officeDesk = firstRun || (desks?.office ?? true);
  const hasAreas = kind ? OFFICE_KIND_INFO[kind].hasAreas : false;
  const words = formAreaWords(rows, kind);
  const formerAreas = (profile?.communes ?? [])
    .filter((c) => !c.active)
    .map((c) => ({ code: c.code, name: c.name }));

  const keepDraft = () => saveDraft(DRAFT_KEY, form.getFieldsValue(true));

  const currentRows = (): CommuneRowValues[] =>
    ((form.getFieldValue('communes') ?? []) as CommuneRowValues[]).filter(
      (r) => (r?.name ?? '').trim() !== '' || (r?.code ?? '').trim() !== '',
    );

  const addRows = (added: CommuneRowValues[]) => {
    form.setFieldValue('communes', [...currentRows(), ...added]);
    keepDraft();
    const noun = areaNoun(added.map((r) => areaKind(r)));
    message.success(`Đã thêm ${String(added.length)} ${noun} vào danh sách.`);
  };

  const readFile = async (file: File) => {
    try {
      const values = parseProfileFile(await file.text());
      form.setFieldsValue(values);
      filledFrom.current = values.office.kind;
      keepDraft();
      const noun = formAreaWords(values.communes, values.office.kind).noun;
      message.success(
        `Đã đọc tệp "${file.name}": ${String(values.communes.length)} ${noun}. Hãy kiểm tra rồi bấm Lưu.`,
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
      const col = path[2] !== undefined && ROW_FIELDS.has(path[2]) ? path[2] : 'name';
      return ['communes', row, col];
    }
    return null;
  };

  const chooseKind = (next: OfficeKind) => {
    const office = form.getFieldValue('office') as ProfileFormValues['office'];
    form.setFieldsValue({ office: prefillOffice(office, next, filledFrom.current) });
    filledFrom.current = next;
    // A department or a press agency need not list areas: blank rows would only stand in
    // the way of saving. An office that has areas gets a row to start from.
    const kept = currentRows();
    if (!OFFICE_KIND_INFO[next].hasAreas) form.setFieldValue('communes', kept);
    else if (kept.length === 0) form.setFieldValue('communes', [emptyCommune()]);
    keepDraft();
  };

  const onFinish = async (values: ProfileFormValues) => {
    setSaving(true);
    setFormError(null);
    try {
      if (firstRun) {
        const chosen = await api['settings:saveDesks']({
          ...desksFor(values.office.kind ?? 'commune'),
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
            Hãy cho biết cơ quan của bạn, rồi khai báo thông tin đơn vị
            {hasAreas ? ` và các ${words.noun} trên địa bàn` : ''}. Những thông tin này dùng để ghi
            báo cáo và có thể sửa lại bất cứ lúc nào ở mục “Thông tin đơn vị”.
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
        onValuesChange={keepDraft}
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
                  filledFrom.current = profile?.office.kind;
                }}
              >
                Bỏ bản nháp
              </Button>
            }
          />
        ) : null}
        {firstRun ? <DeskChoice onChoose={chooseKind} /> : null}
        <Card
          title={officeDesk ? 'Đơn vị báo cáo' : 'Cơ quan tiếp nhận báo cáo'}
          size="small"
          style={{ marginBottom: 16 }}
        >
          <OfficeFields kind={kind ?? 'commune'} showKind={!firstRun} />
        </Card>
        <AreasCard
          kind={kind}
          words={words}
          required={officeDesk && hasAreas}
          formerAreas={formerAreas}
          onPaste={() => setPasteOpen(true)}
          onFile={(file) => void readFile(file)}
        />
        <FormError error={formError} testId="profile-error" style={{ marginBottom: 12 }} />
        <div style={{ display: 'flex', justifyContent: 'flex-end', paddingBottom: 16 }}>
          <Button
            type="primary"
            htmlType="submit"
            icon={<SaveOutlined />}
            loading={saving}
            disabled={!writable}
            data-testid="profile-save"
          >
            {firstRun ? 'Lưu và bắt đầu ghi sổ' : 'Lưu thông tin đơn vị'}
          </Button>
        </div>
      </Form>
      <PasteCommunesModal
        open={pasteOpen}
        takenCodes={currentRows().map((r) => r.code)}
        words={formAreaWords(undefined, kind)}
        villages={kind === 'commune'}
        onClose={() => setPasteOpen(false)}
        onAdd={addRows}
      />
    </div>
  );
}
