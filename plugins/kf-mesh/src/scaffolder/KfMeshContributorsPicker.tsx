import { Progress, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import Typography from '@material-ui/core/Typography';
import type {
  ClusterContributor,
  KfMeshContributorsPickerValue,
} from '@kf-mesh/plugin-kf-mesh-common';
import { useEffect, useRef } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { kfMeshApiRef } from '../api';
import { KfMeshErrorPanel } from '../components/KfMeshErrorPanel';
import {
  fieldOptionsOf,
  formValuesOf,
  selectedTarget,
} from './onboardingFormData';

const keyOf = (c: { user: string; role: string }) => `${c.user}\u0000${c.role}`;

const sourcesText = (c: ClusterContributor) =>
  c.sources.map(s => `${s.kind} ${s.name}`).join(', ');

/**
 * Scaffolder field `KfMeshContributorsPicker`: the contributors the cluster
 * knows for the selected profile (KFAM's RoleBindings and
 * AuthorizationPolicies, read by the kf-mesh backend through the entity), all
 * checked, for the user to confirm. Nothing to type; the value is the checked
 * `{ user, role }` list.
 * @public
 */
export function KfMeshContributorsPicker(
  props: FieldExtensionComponentProps<KfMeshContributorsPickerValue>,
) {
  const {
    onChange,
    formData,
    formContext,
    rawErrors,
    schema,
    idSchema,
    uiSchema,
  } = props;
  const api = useApi(kfMeshApiRef);
  const values = formValuesOf(formContext, fieldOptionsOf(uiSchema));
  const entityRef = values.profile;
  const context = useAsync(
    async () => (entityRef ? api.getEntityOnboarding(entityRef) : undefined),
    [api, entityRef],
  );
  const target = context.value
    ? selectedTarget(context.value.targets, values)
    : undefined;
  const known = target?.contributors;

  // Prefill once per profile: every contributor the cluster knows, confirmed.
  const prefilledFor = useRef<string | undefined>(undefined);
  const targetKey = target
    ? `${entityRef}/${target.cluster}/${target.namespace}`
    : undefined;
  useEffect(() => {
    if (!known || !targetKey || prefilledFor.current === targetKey) return;
    prefilledFor.current = targetKey;
    onChange(known.map(c => ({ user: c.user, role: c.role })));
  }, [known, targetKey, onChange]);

  const title = schema.title ?? 'Contributors';
  const id = idSchema?.$id ?? 'kf-mesh-contributors';
  if (!entityRef) {
    return (
      <Typography variant="body2" color="textSecondary">
        {title}: choose the profile first.
      </Typography>
    );
  }
  if (context.loading) return <Progress />;
  if (context.error) {
    return (
      <KfMeshErrorPanel
        error={context.error}
        title="Could not read the contributors of this profile"
      />
    );
  }
  if (!target || !known) {
    return (
      <WarningPanel
        title="kf-mesh found no namespace of this profile to onboard"
        defaultExpanded
      >
        <Typography variant="body2">
          {context.value?.problems.map(p => p.message).join(' ') ||
            'The profile maps to no namespace on the configured clusters, or to several: pick the cluster and namespace.'}
        </Typography>
      </WarningPanel>
    );
  }
  const checked = new Set((formData ?? []).map(keyOf));
  const toggle = (c: ClusterContributor) => {
    const next = known.filter(k =>
      keyOf(k) === keyOf(c) ? !checked.has(keyOf(c)) : checked.has(keyOf(k)),
    );
    onChange(next.map(k => ({ user: k.user, role: k.role })));
  };
  const unchecked = known.filter(c => !checked.has(keyOf(c)));
  return (
    <FormControl
      component="fieldset"
      error={Boolean(rawErrors?.length)}
      margin="normal"
      fullWidth
    >
      <FormLabel component="legend" id={`${id}-label`}>
        {title}
      </FormLabel>
      <FormHelperText>
        {known.length === 0
          ? `${target.namespace} is shared with nobody (no KFAM contributor on ${target.cluster}): nothing to confirm.`
          : `${target.namespace} on ${target.cluster} is shared with these people (read from the cluster). Confirm them: the onboarding keeps their access.`}
      </FormHelperText>
      {target.contributorsState.state === 'unknown' && (
        <FormHelperText>
          The list may be incomplete: {target.contributorsState.reason}
        </FormHelperText>
      )}
      <FormGroup aria-labelledby={`${id}-label`}>
        {known.map(c => (
          <FormControlLabel
            key={keyOf(c)}
            control={
              <Checkbox
                checked={checked.has(keyOf(c))}
                onChange={() => toggle(c)}
                color="primary"
              />
            }
            label={
              <span>
                <strong>{c.user}</strong> ({c.role}){' '}
                <Typography
                  component="span"
                  variant="caption"
                  color="textSecondary"
                >
                  from {sourcesText(c)}
                </Typography>
              </span>
            }
          />
        ))}
      </FormGroup>
      {unchecked.length > 0 && (
        <FormHelperText error>
          {unchecked.map(c => c.user).join(', ')}{' '}
          {unchecked.length === 1 ? 'is' : 'are'} still a contributor on the
          cluster: the preflight stops until confirmed here, or removed in the
          Central Dashboard (Manage contributors).
        </FormHelperText>
      )}
    </FormControl>
  );
}
