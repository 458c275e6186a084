// Before saving, a figure far beyond what the office has recorded on the channel is asked
// about: "Sửa lại" (focused, so a reflexive Enter corrects rather than saves) goes back to
// the field, "Vẫn lưu" saves as typed. Nothing is refused.
import { Typography, type App } from 'antd';
import { COUNT_MEASURES, type Channel } from '../../../../shared/domain';
import {
  unusualFigures,
  type ChannelLargest,
  type FigureKey,
} from '../../../../shared/plausibility';
import type { ActivityInput } from '../../../../shared/schemas';
import { api } from '../../api';

/** The form field of a figure, to take the clerk back to it. */
export function figureField(key: FigureKey): string | string[] {
  return key === 'audience' || key === 'costVnd' ? key : ['measures', key];
}

/**
 * Resolves to null when the figures may be saved (usual, or confirmed), else to the first
 * unusual figure's key, for the form to focus.
 */
export async function confirmUnusual(
  modal: ReturnType<typeof App.useApp>['modal'],
  channel: Channel,
  input: ActivityInput,
  yardstick: Promise<ChannelLargest>,
): Promise<FigureKey | null> {
  const largest = await yardstick;
  const unusual = unusualFigures(
    channel,
    {
      audience: input.audience ?? 0,
      costVnd: input.costVnd ?? 0,
      measures: input.measures,
    },
    largest,
  );
  if (unusual.length === 0) return null;
  return new Promise((resolve) => {
    void modal.confirm({
      title: 'Số liệu lớn bất thường — kiểm tra lại?',
      width: 560,
      autoFocusButton: 'cancel',
      okText: 'Vẫn lưu',
      cancelText: 'Sửa lại',
      content: (
        <div data-testid="unusual-figures">
          <ul className="merged-warning-list">
            {unusual.map((f) => (
              <li key={f.key} data-testid={`unusual-${f.key}`}>
                {f.text}
              </li>
            ))}
          </ul>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            Nếu số liệu đúng, bấm “Vẫn lưu”. Nếu gõ nhầm (thừa chữ số 0…), bấm “Sửa lại”.
          </Typography.Paragraph>
        </div>
      ),
      okButtonProps: { 'data-testid': 'unusual-save' },
      cancelButtonProps: { 'data-testid': 'unusual-fix' },
      onOk: () => resolve(null),
      onCancel: () => resolve(unusual[0]!.key),
    });
  });
}

/**
 * The office's largest figures on the channel, asked for when the form opens (over a big
 * logbook the scan takes tens of milliseconds, better spent while the clerk types). A failed
 * read asks nothing rather than blocking the save.
 */
export function loadYardstick(channel: Channel): Promise<ChannelLargest> {
  return api['activities:largest']({ channel }).catch(() => ({
    audience: Number.MAX_SAFE_INTEGER,
    costVnd: Number.MAX_SAFE_INTEGER,
    measures: Object.fromEntries(COUNT_MEASURES.map((k) => [k, Number.MAX_SAFE_INTEGER])),
  }));
}
