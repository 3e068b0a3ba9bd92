import { configApiRef, useApi } from '@backstage/core-plugin-api';

/** Default scaffolder path of the task pages (`/create/tasks/<taskId>`). */
export const DEFAULT_SCAFFOLDER_TASKS_PATH = '/create/tasks';

/**
 * Link to a scaffolder task page (e.g. the task of a wave): under the `kfMesh.scaffolderTasksPath` config, else the
 * default path.
 */
export function useScaffolderTaskLink(): (taskId: string) => string {
  const configApi = useApi(configApiRef);
  const base = (
    configApi.getOptionalString('kfMesh.scaffolderTasksPath') ??
    DEFAULT_SCAFFOLDER_TASKS_PATH
  ).replace(/\/$/, '');
  return taskId => `${base}/${encodeURIComponent(taskId)}`;
}
