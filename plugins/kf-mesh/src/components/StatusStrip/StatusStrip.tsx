import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import { WrappingRow } from '../WrappingRow';

/**
 * A heading followed by one status per item (a cluster, a GitOps
 * repository), on one wrapping line above the table they qualify. With
 * `label` it is a named group for screen readers.
 */
export function StatusStrip(props: {
  title: string;
  label?: string;
  children: ReactNode;
}) {
  return (
    <WrappingRow alignItems="baseline" gap={24} label={props.label}>
      <Typography variant="subtitle2" component="h2">
        {props.title}
      </Typography>
      {props.children}
    </WrappingRow>
  );
}
