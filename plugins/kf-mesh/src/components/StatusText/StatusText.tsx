import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import type { ComponentType, ReactNode } from 'react';

type StatusProps = {
  children?: ReactNode;
  'aria-hidden'?: boolean;
  'aria-label'?: string;
  variant?: 'inherit';
};

const components = {
  ok: StatusOK,
  warning: StatusWarning,
  error: StatusError,
  pending: StatusPending,
  aborted: StatusAborted,
} as Record<string, ComponentType<StatusProps>>;

/**
 * Kind of a {@link StatusText}: picks the icon and its colour.
 * @public
 */
export type StatusKind = 'ok' | 'warning' | 'error' | 'pending' | 'aborted';

/**
 * Backstage's status icon with its text, readable by screen readers: the
 * core-components status marks the whole span `aria-hidden`, which hides the
 * text too; this keeps the icon decorative and the text visible to everyone.
 * The text takes the size of its surroundings (table cell, heading).
 * @public
 */
export function StatusText(props: { kind: StatusKind; children: ReactNode }) {
  const Status = components[props.kind];
  return (
    <Status aria-hidden={false} aria-label={undefined} variant="inherit">
      {/* one inline box: as separate flex items beside the icon, the spaces between text and links were dropped */}
      <span>{props.children}</span>
    </Status>
  );
}
