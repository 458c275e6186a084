// Asks for the signing key's passphrase when the engine needs it and holds none: browser
// mode started without TUYENTRUYEN_PASSPHRASE. The passphrase goes to 'key:unlock', which
// checks it against the sealed key and keeps it in the engine's memory until it stops;
// api.ts then retries the call that needed it. With no key yet, the passphrase is the new
// key's and is typed twice.
import { lazy, useEffect, useRef, useState } from 'react';
import { api, setPassphraseAsker } from '../api';
import { OnDemand } from './OnDemand';
import type { Purpose } from './PassphraseDialog';

const PassphraseDialog = lazy(() =>
  import('./PassphraseDialog').then((m) => ({ default: m.PassphraseDialog })),
);

export function PassphrasePrompt() {
  const [purpose, setPurpose] = useState<Purpose | null>(null);
  const settle = useRef<((unlocked: boolean) => void) | null>(null);

  useEffect(() => {
    setPassphraseAsker(async () => {
      // Without a key the passphrase seals the new one: nothing to check it against.
      const info = await api['key:info']({}).catch(() => null);
      return new Promise<boolean>((resolve) => {
        settle.current = resolve;
        setPurpose(info && !info.exists ? 'create' : 'open');
      });
    });
    return () => setPassphraseAsker(null);
  }, []);

  const close = (unlocked: boolean) => {
    settle.current?.(unlocked);
    settle.current = null;
    setPurpose(null);
  };

  return (
    <OnDemand when={purpose !== null}>
      <PassphraseDialog purpose={purpose} close={close} />
    </OnDemand>
  );
}
