import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  MeshFinding,
  NamespaceMeshStatus,
} from '@kf-mesh/plugin-kf-mesh-common';
import { DenseTable } from '../DenseTable';
import { InlineCodeText } from '../InlineCodeText';
import { OnboardingButton } from '../OnboardingButton';
import { SeverityStatus } from '../SeverityStatus';
import { targetModeFor } from '../../hooks/useOnboardingTemplateLink';

const codes = (finding: MeshFinding) =>
  [finding.code, finding.istioCode, finding.kialiCode]
    .filter(Boolean)
    .join(' · ');

/**
 * Findings of a namespace with their remediation, and a button to open the
 * onboarding template when applying it fixes the finding.
 * @public
 */
export function FindingsList(props: {
  status: NamespaceMeshStatus;
  /** The entity the namespace belongs to, passed on to the onboarding template. */
  entityRef?: string;
}) {
  const { status, entityRef } = props;
  const { findings } = status;
  const target = {
    ...(entityRef ? { profile: entityRef } : {}),
    cluster: status.cluster,
    namespace: status.namespace,
    mode: targetModeFor(status.dataplane.intent),
  };
  return (
    <InfoCard title={`Findings (${findings.length})`}>
      {findings.length === 0 ? (
        <SeverityStatus severity={null}>
          No findings: the analyzer found nothing to fix.
        </SeverityStatus>
      ) : (
        <DenseTable
          label="Findings"
          columns={[
            {
              title: 'Severity',
              nowrap: true,
              render: f => <SeverityStatus severity={f.severity} />,
            },
            { title: 'Code', render: f => <code>{codes(f)}</code> },
            {
              title: 'Finding',
              render: f => (
                <>
                  <Typography variant="body2" component="div">
                    <strong>
                      <InlineCodeText text={f.title} />
                    </strong>
                  </Typography>
                  <Typography variant="body2" component="div">
                    <InlineCodeText text={f.message} />
                  </Typography>
                  {f.workloads && f.workloads.length > 0 && (
                    <Typography variant="caption" component="div">
                      Workloads: {f.workloads.join(', ')}
                    </Typography>
                  )}
                </>
              ),
            },
            {
              title: 'Remediation',
              render: f => (
                <Box
                  display="flex"
                  flexDirection="column"
                  alignItems="flex-start"
                  style={{ gap: 8 }}
                >
                  <Typography variant="body2">
                    <InlineCodeText text={f.remediation} />
                  </Typography>
                  {f.fixedByOnboarding && <OnboardingButton target={target} />}
                </Box>
              ),
            },
          ]}
          rows={findings}
          rowKey={f => `${f.code}/${f.object?.name ?? ''}/${f.message}`}
        />
      )}
    </InfoCard>
  );
}
