import { LinkButton } from '@backstage/core-components';
import {
  type OnboardingFormData,
  useOnboardingTemplateLink,
} from '../../hooks/useOnboardingTemplateLink';

const modeLabels = { ambient: 'ambient', 'sidecar-strict': 'sidecar STRICT' };

/**
 * Opens the onboarding template prefilled with the namespace's cluster,
 * name and target mode; the user then reviews the pull request it opens.
 * @public
 */
export function OnboardingButton(props: {
  target: OnboardingFormData;
  label?: string;
}) {
  const { target } = props;
  const link = useOnboardingTemplateLink(target);
  const label =
    props.label ?? `Fix with onboarding (${modeLabels[target.mode]})`;
  return (
    <LinkButton
      to={link}
      variant="outlined"
      color="primary"
      size="small"
      aria-label={`${label} for ${target.namespace} on ${target.cluster}`}
    >
      {label}
    </LinkButton>
  );
}
