import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';

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
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="baseline"
      style={{ gap: 24 }}
      mb={2}
      {...(props.label ? { 'aria-label': props.label, role: 'group' } : {})}
    >
      <Typography variant="subtitle2" component="h2">
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}
