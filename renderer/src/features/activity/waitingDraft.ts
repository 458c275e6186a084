// A new activity's draft is kept under the channel it was typed in. A clerk who closed the
// form and starts again often picks another channel first (or the channel was the thing to
// correct), so a draft must be found whichever channel is picked, and moved to it when kept.
import { CHANNELS, CHANNEL_LABELS, type Channel } from '../../../../shared/domain';
import { formatDate } from '../../../../shared/format';
import { clearDraft, draftKeys, loadDraft, saveDraft } from '../../lib/drafts';
import { draftKey, type ActivityDraft } from './formValues';

const NEW_PREFIX = 'activity:new:';
const PHOTOS = ':photos';

export interface WaitingDraft {
  channel: Channel;
  /** The typed values; null when only photos were added. */
  values: ActivityDraft | null;
}

function isChannel(text: string): text is Channel {
  return (CHANNELS as readonly string[]).includes(text);
}

/** The channels with a new activity's draft (values or photos) waiting, in channel order. */
export function waitingDrafts(): WaitingDraft[] {
  const found = new Set<Channel>();
  for (const key of draftKeys(NEW_PREFIX)) {
    const channel = key.slice(NEW_PREFIX.length).replace(PHOTOS, '');
    if (isChannel(channel)) found.add(channel);
  }
  return CHANNELS.filter((c) => found.has(c)).map((channel) => ({
    channel,
    values: loadDraft<ActivityDraft>(draftKey(channel, null)),
  }));
}

/** A draft waiting under a channel other than `channel`, when `channel` has none of its own. */
export function draftElsewhere(channel: Channel): WaitingDraft | null {
  const all = waitingDrafts();
  if (all.some((d) => d.channel === channel)) return null;
  return all[0] ?? null;
}

/** Moves a new activity's draft (values and photos) to another channel's form. */
export function moveNewDraft(from: Channel, to: Channel): void {
  for (const suffix of ['', PHOTOS]) {
    const source = draftKey(from, null) + suffix;
    const value = loadDraft<unknown>(source);
    if (value === null) continue;
    saveDraft(draftKey(to, null) + suffix, value);
    clearDraft(source);
  }
}

export function discardNewDraft(channel: Channel): void {
  clearDraft(draftKey(channel, null));
  clearDraft(draftKey(channel, null) + PHOTOS);
}

/** "“Chiếu phim tại chợ phiên” (Chiếu phim lưu động, ngày 05/08/2023)": what the draft was. */
export function describeDraft({ channel, values }: WaitingDraft): string {
  const title = values?.title.trim() ?? '';
  const date = values?.date ? `, ngày ${formatDate(values.date)}` : '';
  const what = title !== '' ? `“${title}”` : 'hoạt động chưa có tiêu đề';
  return `${what} (${CHANNEL_LABELS[channel]}${date})`;
}
