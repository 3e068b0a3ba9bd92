import type { TemplateActionOptions } from '@backstage/plugin-scaffolder-node';
import type { TextFieldRules } from '@kf-mesh/plugin-kf-mesh-common';

/**
 * The zod the scaffolder hands to an action's schema functions. Taken from scaffolder-node's own types, so this
 * package never imports a zod of its own (two zod copies in one type check is what made `tsc` run out of memory).
 */
type SchemaFunction = NonNullable<
  NonNullable<TemplateActionOptions['schema']>['input']
>[string];
export type ActionZod = Parameters<SchemaFunction>[0];

/** The rule sentences of a field, for the JSON Schema error and description. */
export function ruleText(rules: TextFieldRules): string {
  return rules.checks.map(c => c.text).join('; ');
}

/**
 * A text input with the planner's rules for that field (kf-mesh-common's ONBOARDING_TEXT_FIELDS): the action's JSON
 * Schema carries their length limits and pattern; the planner still runs its own checks in the handler.
 */
export function textInput(
  z: ActionZod,
  field: string,
  rules: TextFieldRules,
  description: string,
): ReturnType<ActionZod['string']> {
  return z
    .string({ description: `${description} (${ruleText(rules)})` })
    .min(rules.minLength, `${field} must not be empty`)
    .max(
      rules.maxLength,
      `${field} must be at most ${rules.maxLength} characters`,
    )
    .regex(rules.pattern, `${field} ${ruleText(rules)}`);
}

/**
 * {@link textInput}, or empty: a template leaves an unset field as `''` (for an option, Kubeflow's default; for
 * the preflight's cluster and namespace, the entity's only one). One string schema, so the pattern stays readable.
 */
export function textInputOrEmpty(
  z: ActionZod,
  field: string,
  rules: TextFieldRules,
  description: string,
): ReturnType<ActionZod['string']> {
  return z
    .string({ description: `${description}; empty: the default` })
    .max(rules.maxLength)
    .regex(
      new RegExp(`${rules.pattern.source}|^$`),
      `${field} ${ruleText(rules)} (or empty for the default)`,
    );
}
