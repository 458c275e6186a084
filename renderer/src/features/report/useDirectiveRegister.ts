// The directives register as section 1's offer needs it (see directiveOffers.ts), and the
// directives the user set aside for one report, remembered on this computer.
import { useCallback, useEffect, useState } from 'react';
import type { DirectiveRow } from '../../../../shared/contract';
import { api } from '../../api';
import { loadDraft, saveDraft } from '../../lib/drafts';

/** Where the directives set aside for a report are remembered: "report:2023-Q3:all:…". */
export function setAsideKey(reportKey: string): string {
  return `${reportKey}:directives-set-aside`;
}

/**
 * The register as of opening the texts (it is edited on another screen, which remounts this
 * one on return), and the directives set aside for `reportKey`.
 */
export function useDirectiveRegister(reportKey: string | null) {
  const [register, setRegister] = useState<DirectiveRow[]>([]);
  const [setAside, setSetAside] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    if (reportKey === null) return;
    let alive = true;
    setSetAside(new Set(loadDraft<string[]>(setAsideKey(reportKey)) ?? []));
    api['directives:list']({}).then(
      (rows) => {
        if (alive) setRegister(rows);
      },
      // Without the register there is nothing to offer; section 1 itself is unaffected.
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [reportKey]);

  const putAside = useCallback(
    (id: string) => {
      if (reportKey === null) return;
      setSetAside((old) => {
        const next = new Set(old).add(id);
        saveDraft(setAsideKey(reportKey), [...next]);
        return next;
      });
    },
    [reportKey],
  );

  return { register, setAside, putAside };
}
