import type { FindingSeverity } from '@kf-mesh/plugin-kf-mesh-common';
import { StatusText } from '../StatusText';

/**
 * Human label of each finding severity.
 * @public
 */
export const severityLabels: Record<FindingSeverity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
};

/**
 * A finding severity as icon plus text; `null` means no finding at all.
 * @public
 */
export function SeverityStatus(props: {
  severity: FindingSeverity | null;
  /** Text to show instead of the severity name. */
  children?: React.ReactNode;
}) {
  const { severity, children } = props;
  if (severity === 'error') {
    return (
      <StatusText kind="error">{children ?? severityLabels.error}</StatusText>
    );
  }
  if (severity === 'warning') {
    return (
      <StatusText kind="warning">
        {children ?? severityLabels.warning}
      </StatusText>
    );
  }
  if (severity === 'info') {
    return (
      <StatusText kind="pending">{children ?? severityLabels.info}</StatusText>
    );
  }
  return <StatusText kind="ok">{children ?? 'No findings'}</StatusText>;
}
