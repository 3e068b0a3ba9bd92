import type { ReactNode } from 'react';
import { WrappingRow } from '../WrappingRow';

/**
 * One wrapping row of controls above a table (filters, counts, selection
 * actions). With `label` it is a named group for screen readers.
 */
export function ControlRow(props: { label?: string; children: ReactNode }) {
  return (
    <WrappingRow alignItems="center" gap={16} label={props.label}>
      {props.children}
    </WrappingRow>
  );
}
