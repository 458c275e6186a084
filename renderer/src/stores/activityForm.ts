// Which activity form is open: a new one (first the channel is picked) or an edit.
import { create } from 'zustand';
import type { ActivityRow } from '../../../shared/contract';
import type { Channel } from '../../../shared/domain';

interface ActivityFormState {
  open: boolean;
  /** The row being edited; null for a new activity. */
  editing: ActivityRow | null;
  /** For a new activity: null while the channel is being picked. */
  channel: Channel | null;
  openNew: (channel?: Channel) => void;
  openEdit: (row: ActivityRow) => void;
  pickChannel: (channel: Channel | null) => void;
  close: () => void;
}

export const useActivityFormStore = create<ActivityFormState>((set) => ({
  open: false,
  editing: null,
  channel: null,
  openNew: (channel) => set({ open: true, editing: null, channel: channel ?? null }),
  openEdit: (row) => set({ open: true, editing: row, channel: row.channel }),
  pickChannel: (channel) => set({ channel }),
  close: () => set({ open: false }),
}));
