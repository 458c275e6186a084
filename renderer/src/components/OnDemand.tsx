// A part of a screen whose code is loaded the first time it is needed (a dialog, a drawer):
// the first screen does not wait for code it may never run. Once needed it stays mounted,
// so a dialog closes with its animation and keeps what it holds.
import { Suspense, useState, type ReactNode } from 'react';

export function OnDemand({ when, children }: { when: boolean; children: ReactNode }) {
  const [needed, setNeeded] = useState(when);
  if (when && !needed) setNeeded(true);
  return needed ? <Suspense fallback={null}>{children}</Suspense> : null;
}
