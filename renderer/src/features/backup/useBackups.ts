// The backups' state and list as the engine reports them, loaded when a screen opens and
// again after anything that changes them (a backup made, the second place set).
import { useCallback, useEffect, useState } from 'react';
import type { BackupEntry, BackupStatus } from '../../../../shared/backup';
import { api, errorMessage } from '../../api';

export interface Backups {
  status: BackupStatus | null;
  list: BackupEntry[] | null;
  error: string | null;
  reload: () => Promise<void>;
  setStatus: (status: BackupStatus) => void;
}

export function useBackups(): Backups {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [list, setList] = useState<BackupEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const [s, l] = await Promise.all([api['backup:status']({}), api['backup:list']({})]);
      setStatus(s);
      setList(l);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { status, list, error, reload, setStatus };
}
