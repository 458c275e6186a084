// The directives register (văn bản chỉ đạo): a short list, loaded whole.
import { create } from 'zustand';
import type { DirectiveRow } from '../../../shared/contract';
import { api, errorMessage } from '../api';

interface DirectivesState {
  rows: DirectiveRow[];
  search: string;
  deleted: boolean;
  loading: boolean;
  error: string | null;
  generation: number;
  setQuery: (patch: { search?: string; deleted?: boolean }) => void;
  load: () => Promise<void>;
}

export const useDirectivesStore = create<DirectivesState>((set, get) => ({
  rows: [],
  search: '',
  deleted: false,
  loading: true,
  error: null,
  generation: 0,
  setQuery: (patch) => {
    set(patch);
    void get().load();
  },
  load: async () => {
    const generation = get().generation + 1;
    set({ generation, loading: true, error: null });
    try {
      const { search, deleted } = get();
      const rows = await api['directives:list']({ search, deleted });
      if (get().generation === generation) set({ rows, loading: false });
    } catch (err) {
      if (get().generation === generation) set({ loading: false, error: errorMessage(err) });
    }
  },
}));
