// Registering an office from a dialog's form (certificate file, enrolment sheet): the
// register reloads, the message says what was released, and a refusal that names one of
// `fields` is shown on that field.
import { App, type FormInstance } from 'antd';
import type { TrustResult } from '../../../../shared/inbox';
import { showOnField, type PathPart } from '../../lib/serverErrors';
import { useSubmit } from '../../lib/useSubmit';
import { registeredText, releasedText, useTrustStore } from '../../stores/trust';

export function useRegisterOffice(form: FormInstance, fields: readonly string[]) {
  const { message } = App.useApp();
  const change = useTrustStore((s) => s.change);
  const submit = useSubmit();

  const toName = (p: PathPart[]) => {
    const first = p[0];
    return first !== undefined && fields.includes(String(first)) ? [first] : null;
  };

  /** Runs `call`, then `done` (to close the dialog) once the office is registered. */
  const register = (call: () => Promise<TrustResult>, done: () => void) =>
    submit.run(
      async () => {
        const result = await change(call);
        void message.success(registeredText(result), releasedText(result) ? 6 : 3);
        done();
      },
      (err) => showOnField(form, err, toName),
    );

  return { ...submit, register };
}
