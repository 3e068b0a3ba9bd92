import {
  InfoCard,
  MarkdownContent,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Typography from '@material-ui/core/Typography';
import type {
  KfMeshPlanPreviewValue,
  OnboardingPlan,
  OnboardingPlanPreviewResponse,
} from '@kf-mesh/plugin-kf-mesh-common';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { kfMeshApiRef } from '../api';
import { DenseTable } from '../components/DenseTable';
import { objectRefText } from '../components/ObjectRef';
import { KfMeshErrorPanel } from '../components/KfMeshErrorPanel';
import { markdownSection } from './markdownSection';
import {
  fieldOptionsOf,
  formValuesOf,
  planPreviewRequestOf,
} from './onboardingFormData';

const MODE_NAMES = {
  ambient: 'ambient',
  'sidecar-strict': 'sidecar STRICT',
  sidecar: 'sidecar (PERMISSIVE)',
  none: 'no mesh',
  unknown: 'unknown',
} as const;

function Section(props: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={props.title} mt={2}>
      <Typography variant="h6" component="h3">
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

const none = (text: string) => (
  <Typography variant="body2" color="textSecondary">
    {text}
  </Typography>
);

function PlanSections(props: {
  plan: OnboardingPlan;
  preview: OnboardingPlanPreviewResponse;
}) {
  const { plan, preview } = props;
  const labels = [
    ...Object.entries(plan.namespaceLabels.set).map(([key, value]) => ({
      key,
      change: `set to ${value}`,
    })),
    ...plan.namespaceLabels.remove.map(key => ({ key, change: 'remove' })),
  ];
  const restarts = plan.postMerge.filter(a => a.restarts.length > 0);
  const rollback = preview.rendered
    ? markdownSection(preview.rendered.description, 'Rollback')
    : undefined;
  return (
    <>
      <Section title="Objects to create or update">
        <DenseTable
          label="Objects to create or update"
          columns={[
            { title: 'Action', nowrap: true, render: o => o.action },
            {
              title: 'Object',
              render: o => (
                <code>
                  {o.object.kind} {o.object.metadata.name}
                </code>
              ),
            },
            { title: 'Why', render: o => o.reason },
          ]}
          rows={plan.objects}
          rowKey={o => `${o.object.kind}/${o.object.metadata.name}`}
        />
      </Section>
      <Section title="Namespace labels">
        {labels.length === 0 ? (
          none('No label changes.')
        ) : (
          <DenseTable
            label="Namespace labels"
            columns={[
              { title: 'Label', render: l => <code>{l.key}</code> },
              { title: 'Change', nowrap: true, render: l => l.change },
              {
                title: 'Why',
                render: l => plan.namespaceLabels.reasons[l.key] ?? '',
              },
            ]}
            rows={labels}
            rowKey={l => l.key}
          />
        )}
      </Section>
      <Section title="Deletions">
        {plan.deletions.length === 0 ? (
          none('Nothing is deleted.')
        ) : (
          <DenseTable
            label="Deletions"
            columns={[
              {
                title: 'Object',
                render: d => (
                  <code>
                    {d.kind} {d.name}
                  </code>
                ),
              },
              {
                title: 'Why',
                render: d => `${d.reason}${d.ifPresent ? ' (if present)' : ''}`,
              },
            ]}
            rows={plan.deletions}
            rowKey={d => `${d.kind}/${d.namespace}/${d.name}`}
          />
        )}
      </Section>
      <Section title="Controller settings">
        {plan.controllerSettings.length === 0 ? (
          none('No controller outside the namespace changes.')
        ) : (
          <DenseTable
            label="Controller settings"
            columns={[
              { title: 'Controller', render: c => c.controller },
              {
                title: 'Setting',
                render: c => (
                  <code style={{ wordBreak: 'break-word' }}>
                    {objectRefText(c)}: {c.key}={c.value}
                  </code>
                ),
              },
              { title: 'Why', render: c => c.reason },
            ]}
            rows={plan.controllerSettings}
            rowKey={c => `${c.kind}/${c.namespace}/${c.name}/${c.key}`}
          />
        )}
      </Section>
      <Section title="Pods to restart after merge">
        {preview.risk && (
          <Typography variant="body2">
            {preview.risk.podsToRestart} pod
            {preview.risk.podsToRestart === 1 ? '' : 's'} run the old dataplane
            today and restart.
          </Typography>
        )}
        {restarts.length === 0
          ? none('No restart needed.')
          : restarts.map(a => (
              <Box key={a.id} mt={1}>
                <Typography variant="body2">
                  <strong>{a.title}</strong>: {a.description}
                </Typography>
                {a.command && (
                  <Typography variant="body2" component="pre">
                    <code>{a.command}</code>
                  </Typography>
                )}
              </Box>
            ))}
      </Section>
      <Section title="Risks">
        {preview.risk && (
          <Typography variant="body2" paragraph>
            {preview.risk.level[0].toUpperCase()}
            {preview.risk.level.slice(1)} risk
            {preview.risk.notes.length > 0
              ? `: ${preview.risk.notes.join('; ')}`
              : '.'}
          </Typography>
        )}
        {plan.warnings.length === 0 && !preview.risk
          ? none('No risk the planner knows of.')
          : plan.warnings.map(w => (
              <Typography variant="body2" key={w.code + w.message}>
                <code>{w.code}</code> {w.message}
              </Typography>
            ))}
      </Section>
      <Section title="Rollback">
        {rollback ? (
          <MarkdownContent content={rollback} />
        ) : (
          none('See the pull request description.')
        )}
      </Section>
    </>
  );
}

/**
 * Scaffolder field `KfMeshPlanPreview`, the review step: asks the kf-mesh
 * backend to preflight and plan the form's values (the same preflight and
 * planner the task runs) and shows, for the chosen mode, the objects to create
 * or update with why, label changes, deletions, controller settings, pods to
 * restart, risks and the rollback. A failing preflight shows its reasons and
 * blocks the form; otherwise the user confirms the plan, and the value
 * records the digest of the plan they read.
 * @public
 */
export function KfMeshPlanPreview(
  props: FieldExtensionComponentProps<KfMeshPlanPreviewValue>,
) {
  const { onChange, formData, formContext, uiSchema } = props;
  const api = useApi(kfMeshApiRef);
  const request = planPreviewRequestOf(
    formValuesOf(formContext, fieldOptionsOf(uiSchema)),
  );
  const requestKey = JSON.stringify(request ?? null);
  const preview = useAsync(
    async () => (request ? api.previewOnboardingPlan(request) : undefined),
    // the request is rebuilt on every render; its JSON is the dependency
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, requestKey],
  );
  const digest = preview.value?.planDigest;
  const blocked = Boolean(preview.value?.preflight.errors.length);
  // A new plan (other inputs, or the cluster changed) needs a new confirmation.
  useEffect(() => {
    if (preview.loading) return;
    if (blocked || !digest) {
      if (formData !== undefined) onChange(undefined as any);
    } else if (formData?.planDigest !== digest) {
      onChange({ acknowledged: false, planDigest: digest });
    }
  }, [preview.loading, blocked, digest, formData, onChange]);

  if (!request) {
    return none('Choose the profile and the target mode first.');
  }
  if (preview.loading) return <Progress />;
  if (preview.error) {
    return (
      <KfMeshErrorPanel
        error={preview.error}
        title="Could not preview the onboarding plan"
      />
    );
  }
  const value = preview.value;
  if (!value) return null;
  const { preflight } = value;
  return (
    <InfoCard
      title={`Plan: ${value.namespace} on ${value.cluster}, ${
        MODE_NAMES[preflight.currentMode]
      } → ${MODE_NAMES[value.mode]}`}
      subheader={
        value.gitops
          ? `Pull request on ${value.gitops.host}/${value.gitops.owner}/${value.gitops.repo}, directory ${value.gitops.namespacePath}`
          : undefined
      }
    >
      {blocked && (
        <Box role="alert" aria-label="The preflight stops the onboarding">
          <Typography variant="h6" component="h3" color="error">
            The preflight stops the onboarding
          </Typography>
          {preflight.errors.map(e => (
            <Typography variant="body2" color="error" key={e} paragraph>
              {e}
            </Typography>
          ))}
        </Box>
      )}
      {preflight.warnings.length > 0 && (
        <WarningPanel
          title={`Preflight warnings (${preflight.warnings.length})`}
          defaultExpanded
        >
          <Box display="flex" flexDirection="column">
            {preflight.warnings.map(w => (
              <Typography variant="body2" key={w}>
                {w}
              </Typography>
            ))}
          </Box>
        </WarningPanel>
      )}
      {value.rendered && (
        <Typography variant="body2" paragraph>
          {value.rendered.summary}
        </Typography>
      )}
      {value.plan && <PlanSections plan={value.plan} preview={value} />}
      {!blocked && digest && (
        <Box mt={2}>
          <FormControlLabel
            control={
              <Checkbox
                color="primary"
                checked={Boolean(
                  formData?.acknowledged && formData.planDigest === digest,
                )}
                onChange={e =>
                  onChange({
                    acknowledged: e.target.checked,
                    planDigest: digest,
                  })
                }
              />
            }
            label="I have read this plan: open the pull request with it"
          />
        </Box>
      )}
    </InfoCard>
  );
}

/**
 * Blocks the step until the preview loaded, the preflight passed and the
 * user confirmed the plan.
 * @public
 */
export const kfMeshPlanPreviewValidation: CustomFieldValidator<
  KfMeshPlanPreviewValue
> = (value, validation) => {
  if (!value?.planDigest) {
    validation.addError(
      'No plan to open a pull request with: the preflight stops the onboarding (see its reasons above) or the preview has not loaded.',
    );
  } else if (!value.acknowledged) {
    validation.addError('Confirm that you have read the plan.');
  }
};
