import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { PolicyEnforcementStatus } from '@kf-mesh/plugin-kf-mesh-common';
import { DenseTable } from '../DenseTable';
import { StatusText } from '../StatusText';

const attachmentLabels = {
  namespace: 'whole namespace',
  selector: 'pod selector',
  targetRefs: 'targetRefs',
};

/**
 * AuthorizationPolicies of a namespace: action, the layer that enforces each
 * (ztunnel, waypoint, sidecar, gateway) and the rules that layer drops.
 * @public
 */
export function PolicyTable(props: { policies: PolicyEnforcementStatus[] }) {
  const { policies } = props;
  return (
    <InfoCard title="Authorization policies">
      {policies.length === 0 ? (
        <Typography variant="body2">
          No AuthorizationPolicy in this namespace.
        </Typography>
      ) : (
        <DenseTable
          label="Authorization policies"
          columns={[
            { title: 'Name', render: p => <code>{p.policy.name}</code> },
            { title: 'Action', nowrap: true, render: p => p.action },
            { title: 'Targets', render: p => attachmentLabels[p.attachment] },
            {
              title: 'Enforced by',
              render: p =>
                p.layers.length === 0 || p.layers.includes('none')
                  ? 'nothing (no effect)'
                  : p.layers.join(', '),
            },
            {
              title: 'Dropped rules',
              render: p =>
                p.droppedRules.length === 0 ? (
                  <StatusText kind="ok">None</StatusText>
                ) : (
                  <StatusText kind="warning">
                    {p.droppedRules
                      .map(
                        d => `rule ${d.ruleIndex}: ${d.attributes.join(', ')}`,
                      )
                      .join('; ')}
                  </StatusText>
                ),
            },
            { title: 'Note', render: p => p.note },
          ]}
          rows={policies}
          rowKey={p => `${p.policy.namespace}/${p.policy.name}`}
        />
      )}
    </InfoCard>
  );
}
