// The restore flow a screen embeds: ask the engine for a preview of a file, then show the
// confirmation dialog. A refused file (not a backup, damaged, from a newer version) throws
// to the caller, which shows the reason where the file was chosen.
import { useState } from 'react';
import type { BackupEntry, RestorePreview } from '../../../../shared/backup';
import { api } from '../../api';
import { RestoreModal } from './RestoreModal';

export interface RestoreFlow {
  /** The path being previewed (its button spins). */
  loading: string | null;
  open: (path: string, entry?: BackupEntry) => Promise<void>;
  modal: React.ReactNode;
}

export function useRestore(): RestoreFlow {
  const [loading, setLoading] = useState<string | null>(null);
  const [shown, setShown] = useState<{ preview: RestorePreview; entry?: BackupEntry } | null>(null);

  const open = async (path: string, entry?: BackupEntry) => {
    setLoading(path);
    try {
      const preview = await api['backup:preview']({ path });
      setShown({ preview, ...(entry ? { entry } : {}) });
    } finally {
      setLoading(null);
    }
  };

  const modal = shown ? (
    <RestoreModal preview={shown.preview} entry={shown.entry} onClose={() => setShown(null)} />
  ) : null;
  return { loading, open, modal };
}
