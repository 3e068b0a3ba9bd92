import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  EffectiveMtlsStatus,
  ObjectRef,
} from '@kf-mesh/plugin-kf-mesh-common';
import { DenseTable } from '../DenseTable';
import { StatusText } from '../StatusText';

const scopeLabels = {
  default: 'Istio default',
  mesh: 'Mesh-wide',
  namespace: 'Namespace',
  workload: 'Workload',
};

const effectLabels = {
  applied: 'decides',
  inherited: 'overridden',
  ignored: 'ignored',
};

const policyName = (ref?: ObjectRef) =>
  ref ? `${ref.namespace}/${ref.name}` : '—';

/**
 * The effective mTLS mode of a namespace and the PeerAuthentication chain
 * (default → mesh → namespace → workload) that decided it.
 * @public
 */
export function MtlsExplanation(props: { mtls: EffectiveMtlsStatus }) {
  const { mode, chain, workloadOverrides } = props.mtls;
  return (
    <InfoCard title="mTLS">
      <Box mb={2}>
        <Typography variant="h6" component="p">
          {mode === 'STRICT' ? (
            <StatusText kind="ok">Effective mode: STRICT</StatusText>
          ) : (
            <StatusText kind="warning">Effective mode: {mode}</StatusText>
          )}
        </Typography>
        {mode !== 'STRICT' && (
          <Typography variant="body2" color="textSecondary">
            Clients outside the mesh can still send plaintext to these pods.
          </Typography>
        )}
      </Box>
      <Typography variant="subtitle2" component="h4" gutterBottom>
        How it was decided (most specific wins)
      </Typography>
      <DenseTable
        label="mTLS decision chain"
        columns={[
          { title: 'Scope', nowrap: true, render: s => scopeLabels[s.scope] },
          { title: 'Policy', render: s => <code>{policyName(s.policy)}</code> },
          { title: 'Mode', nowrap: true, render: s => s.mode },
          {
            title: 'Effect',
            nowrap: true,
            render: s => effectLabels[s.effect],
          },
          { title: 'Why', render: s => s.note },
        ]}
        rows={chain}
        rowKey={s => `${s.scope}/${policyName(s.policy)}`}
      />
      {workloadOverrides.length > 0 && (
        <Box mt={2}>
          <Typography variant="subtitle2" component="h4" gutterBottom>
            Workload overrides
          </Typography>
          <DenseTable
            label="mTLS workload overrides"
            columns={[
              {
                title: 'Policy',
                render: o => <code>{policyName(o.policy)}</code>,
              },
              {
                title: 'Selector',
                render: o =>
                  Object.entries(o.selector)
                    .map(([k, v]) => `${k}=${v}`)
                    .join(', '),
              },
              { title: 'Mode', nowrap: true, render: o => o.mode },
              { title: 'Pods', nowrap: true, render: o => o.matchedPods },
            ]}
            rows={workloadOverrides}
            rowKey={o => policyName(o.policy)}
          />
        </Box>
      )}
    </InfoCard>
  );
}
