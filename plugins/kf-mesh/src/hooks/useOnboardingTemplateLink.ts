import { configApiRef, useApi, useRouteRef } from '@backstage/core-plugin-api';
import type { DataplaneIntent } from '@kf-mesh/plugin-kf-mesh-common';
import { onboardingTemplateRouteRef } from '../routes';

/** Default scaffolder path of `template:default/onboard-namespace`. */
export const DEFAULT_ONBOARDING_TEMPLATE_PATH =
  '/create/templates/default/onboard-namespace';

/** Target mode parameter of the onboarding template. */
export type OnboardingTargetMode = 'ambient' | 'sidecar-strict';

/**
 * The onboarding template's parameters this plugin prefills (the parameter names of
 * `templates/onboard-namespace/template.yaml`).
 */
export interface OnboardingFormData {
  /** Ref of the profile entity, when known: the template's preflight checks the entity maps to the namespace. */
  profile?: string;
  cluster: string;
  namespace: string;
  mode: OnboardingTargetMode;
}

/** The mode to propose: keep a sidecar namespace on sidecar, else ambient. */
export function targetModeFor(
  intentOrVerdict: DataplaneIntent | 'migrating',
): OnboardingTargetMode {
  return intentOrVerdict === 'sidecar' ? 'sidecar-strict' : 'ambient';
}

/**
 * Builds the scaffolder link that opens the onboarding template prefilled
 * for one namespace (`?formData=<url-encoded JSON>`).
 */
export function buildOnboardingLink(
  templatePath: string,
  formData: OnboardingFormData,
): string {
  const query = new URLSearchParams({ formData: JSON.stringify(formData) });
  return `${templatePath}?${query}`;
}

/**
 * Link to the onboarding template prefilled with `formData`: through the
 * bound `onboardingTemplate` external route, else the
 * `kfMesh.onboardingTemplatePath` config, else the default path.
 */
export function useOnboardingTemplateLink(
  formData: OnboardingFormData,
): string {
  const templateRoute = useRouteRef(onboardingTemplateRouteRef);
  const configApi = useApi(configApiRef);
  const templatePath = templateRoute
    ? templateRoute({ namespace: 'default', templateName: 'onboard-namespace' })
    : configApi.getOptionalString('kfMesh.onboardingTemplatePath') ??
      DEFAULT_ONBOARDING_TEMPLATE_PATH;
  return buildOnboardingLink(templatePath, formData);
}
