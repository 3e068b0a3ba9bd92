import Box from '@material-ui/core/Box';
import type { ReactNode } from 'react';

/**
 * Items side by side on a line that wraps on narrow screens, `gap` pixels
 * apart, with space below. With `label` it is a named group for screen
 * readers.
 */
export function WrappingRow(props: {
  alignItems: 'center' | 'baseline';
  gap: number;
  label?: string;
  children: ReactNode;
}) {
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems={props.alignItems}
      style={{ gap: props.gap }}
      mb={2}
      {...(props.label ? { role: 'group', 'aria-label': props.label } : {})}
    >
      {props.children}
    </Box>
  );
}
