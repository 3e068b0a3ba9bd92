import yaml from 'yaml';

/** The step of a software template that runs an action: its id, the action and the step's name. */
export interface ExampleStep {
  id: string;
  action: string;
  name: string;
}

/**
 * The YAML of a template with `step` as its one step, for the examples shown in the actions list: call the result
 * with the step's input.
 */
export function oneStepTemplate(
  step: ExampleStep,
): (input: Record<string, unknown>) => string {
  return input => yaml.stringify({ steps: [{ ...step, input }] });
}
