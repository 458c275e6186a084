// Why a form or a dialog could not be saved, in Vietnamese, under its fields.
import type { CSSProperties } from 'react';
import { Alert } from 'antd';

interface Props {
  error: string | null;
  testId?: string;
  style?: CSSProperties;
}

export function FormError({ error, testId, style }: Props) {
  if (!error) return null;
  return <Alert type="error" showIcon title={error} style={style} data-testid={testId} />;
}
