// The checks on an office's code and name when one is registered (from a certificate
// file or an enrolment sheet): the engine's own rule (OFFICE_CODE_RE), said in Vietnamese.
import type { FormRule } from 'antd';
import { OFFICE_CODE_RE } from '../../../../shared/inbox';

export const OFFICE_CODE_RULES: FormRule[] = [
  { required: true, whitespace: true, message: 'Hãy nhập mã đơn vị.' },
  {
    pattern: OFFICE_CODE_RE,
    message: 'Mã chỉ gồm chữ không dấu, số, dấu gạch ngang (-), gạch dưới (_) hoặc dấu chấm.',
  },
];

export const OFFICE_NAME_RULES: FormRule[] = [
  { required: true, whitespace: true, message: 'Hãy nhập tên đơn vị.' },
];
