export interface Config {
  /** Frontend settings of the kf-mesh plugin. */
  kfMesh?: {
    /**
     * Path of the onboarding template in the scaffolder, used for the "fix with
     * onboarding" buttons when the app does not bind the `onboardingTemplate`
     * external route. Default `/create/templates/default/onboard-namespace`.
     * @visibility frontend
     */
    onboardingTemplatePath?: string;
  };
}
