// "Khóa ký và gửi": the office's signing certificate, the enrolment sheet for the
// province, and the settings for sending packages by email and upload.
import { useEffect, useState } from 'react';
import { Alert } from 'antd';
import type { KeyInfo } from '../../../../shared/package';
import { api, errorMessage } from '../../api';
import { CertificateCard } from './CertificateCard';
import { KeyBackupCard } from './KeyBackupCard';
import { DeliverySettingsForm } from './DeliverySettingsForm';
import { EnrolSheet } from './EnrolSheet';
import './keys.css';

export function KeyScreen() {
  const [info, setInfo] = useState<KeyInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api['key:info']({})
      .then(setInfo)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, []);

  return (
    <div className="screen" data-testid="keys">
      <div className="page-title">
        <h1>Khóa ký và gửi</h1>
      </div>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <div className="keys-top">
        <CertificateCard info={info} />
        {info?.fingerprint ? <EnrolSheet fingerprint={info.fingerprint} /> : null}
      </div>
      <KeyBackupCard info={info} onChanged={setInfo} />
      <DeliverySettingsForm />
    </div>
  );
}
