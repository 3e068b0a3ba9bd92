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
    /**
     * Entity ref of the team that grants kf-mesh permissions (e.g.
     * `group:default/kubeflow-platform`): the fleet page names it to users
     * who lack `kf-mesh.fleet.read`.
     * @visibility frontend
     */
    platformTeam?: string;
    /**
     * Path of the scaffolder's task pages, for the links to a wave's task. Default `/create/tasks`
     * (a task is `/create/tasks/<taskId>`).
     * @visibility frontend
     */
    scaffolderTasksPath?: string;
  };
}
