import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { MeshDriftItem } from '@kf-mesh/plugin-kf-mesh-common';
import { DenseTable } from '../DenseTable';
import { objectRefText } from '../ObjectRef';
import { StatusText } from '../StatusText';

const kindLabels = {
  missing: 'Missing',
  extra: 'Extra',
  different: 'Different',
  'controller-owned': 'Controller-owned',
};

/**
 * Differences between the namespace and its onboarding plan; `undefined`
 * means the backend could not compare them.
 * @public
 */
export function DriftList(props: { drift?: MeshDriftItem[] }) {
  const { drift } = props;
  return (
    <InfoCard title="Drift from the onboarding plan">
      {drift === undefined && (
        <Typography variant="body2">
          Not compared: no onboarding plan is known for this namespace.
        </Typography>
      )}
      {drift?.length === 0 && (
        <StatusText kind="ok">
          No drift: the namespace matches its onboarding plan.
        </StatusText>
      )}
      {drift && drift.length > 0 && (
        <DenseTable
          label="Drift from the onboarding plan"
          columns={[
            { title: 'Change', nowrap: true, render: d => kindLabels[d.kind] },
            {
              title: 'Object',
              render: d => <code>{objectRefText(d.object)}</code>,
            },
            { title: 'Detail', render: d => d.detail },
          ]}
          rows={drift}
          // One object can drift in several ways (each namespace label is a row).
          rowKey={d =>
            `${d.kind}/${d.object.kind}/${d.object.namespace}/${d.object.name}/${d.detail}`
          }
        />
      )}
    </InfoCard>
  );
}
