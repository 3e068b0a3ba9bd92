import yaml from 'yaml';

/** One step of a software template: which action it runs and with what input. */
export interface ExampleStep {
  id: string;
  action: string;
  name: string;
  input: Record<string, unknown>;
}

/** The YAML of a template with one step, as an action's example shows it in the actions list. */
export function oneStepTemplateYaml(step: ExampleStep): string {
  return yaml.stringify({ steps: [step] });
}
