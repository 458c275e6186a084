// Withdrawing a certificate ("Thu hồi") with an undo in the confirmation message, restoring
// one ("Khôi phục"), and removing an office registered by mistake ("Xóa", undone from the
// audit log): the same pattern as deleting a logbook row.
import { App, Button } from 'antd';
import type { TrustedCertificate, TrustedOffice } from '../../../../shared/inbox';
import { api, errorMessage } from '../../api';
import { releasedText, useTrustStore } from '../../stores/trust';

export function useTrustActions() {
  const { message } = App.useApp();
  const change = useTrustStore((s) => s.change);

  const restore = async (office: TrustedOffice, cert: TrustedCertificate) => {
    try {
      const result = await change(() => api['trust:restore']({ fingerprint: cert.fingerprint }));
      const released = releasedText(result);
      void message.success(
        `Đã khôi phục chứng thư của ${office.name}.${released ? ` ${released}` : ''}`,
      );
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const revoke = async (office: TrustedOffice, cert: TrustedCertificate) => {
    try {
      await change(() => api['trust:revoke']({ fingerprint: cert.fingerprint }));
      const key = `revoked-${cert.fingerprint}`;
      void message.open({
        key,
        type: 'success',
        duration: 10,
        content: (
          <span>
            Đã thu hồi chứng thư của {office.name}: gói ký bằng chứng thư này sẽ bị cách ly.{' '}
            <Button
              type="link"
              size="small"
              data-testid="trust-undo-revoke"
              onClick={() => {
                message.destroy(key);
                void restore(office, cert);
              }}
            >
              Khôi phục
            </Button>
          </span>
        ),
      });
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const restoreOffice = async (office: TrustedOffice) => {
    try {
      await change(() => api['trust:restoreOffice']({ code: office.code }));
      void message.success(`Đã khôi phục đơn vị ${office.name}.`);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const removeOffice = async (office: TrustedOffice) => {
    try {
      await change(() => api['trust:removeOffice']({ code: office.code }));
      const key = `removed-${office.code}`;
      void message.open({
        key,
        type: 'success',
        duration: 10,
        content: (
          <span>
            Đã xóa {office.name} ({office.code}) khỏi danh sách.{' '}
            <Button
              type="link"
              size="small"
              data-testid="trust-undo-remove"
              onClick={() => {
                message.destroy(key);
                void restoreOffice(office);
              }}
            >
              Hoàn tác
            </Button>
          </span>
        ),
      });
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  return { revoke, restore, removeOffice };
}
