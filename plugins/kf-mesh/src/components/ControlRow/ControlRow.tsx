import Box from '@material-ui/core/Box';
import type { ReactNode } from 'react';

/**
 * One wrapping row of controls above a table (filters, counts, selection
 * actions). With `label` it is a named group for screen readers.
 */
export function ControlRow(props: { label?: string; children: ReactNode }) {
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      style={{ gap: 16 }}
      mb={2}
      {...(props.label ? { role: 'group', 'aria-label': props.label } : {})}
    >
      {props.children}
    </Box>
  );
}
