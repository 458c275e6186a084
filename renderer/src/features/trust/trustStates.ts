// An office's standing in the register, for the filter and the sort over a long register:
// trusted while one of its certificates is not withdrawn; withdrawn when all of them are
// (its packages are quarantined); none when it was left without a certificate.
import type { TrustedOffice } from '../../../../shared/inbox';
import type { StateFilter } from '../../components/OfficeListToolbar';

export type TrustState = 'trusted' | 'revoked' | 'none';

export function trustState(office: TrustedOffice): TrustState {
  if (office.certificates.length === 0) return 'none';
  return office.certificates.some((c) => c.revokedAt === null) ? 'trusted' : 'revoked';
}

const CHOICES: { value: TrustState; label: string; color: string }[] = [
  { value: 'trusted', label: 'Đang tin cậy', color: 'green' },
  { value: 'revoked', label: 'Đã thu hồi', color: 'red' },
  { value: 'none', label: 'Chưa có chứng thư', color: '#bfbfbf' },
];

export const TRUST_FILTERS: StateFilter<TrustedOffice>[] = CHOICES.map((c) => ({
  ...c,
  match: (office) => trustState(office) === c.value,
}));

/** Attention first: no certificate, all withdrawn, trusted. */
const ATTENTION: TrustState[] = ['none', 'revoked', 'trusted'];

export const trustRank = (office: TrustedOffice) => ATTENTION.indexOf(trustState(office));
