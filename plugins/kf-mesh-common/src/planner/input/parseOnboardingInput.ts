import type { z } from 'zod';
import { onboardingInputSchema, type OnboardingInput } from './inputSchema';
import { PlanInputError, type PlanInputIssue } from './PlanInputError';

function fieldOf(path: (string | number)[]): string {
  return path.length ? path.join('.') : '(input)';
}

function toIssues(issue: z.ZodIssue): PlanInputIssue[] {
  const field = fieldOf(issue.path);
  switch (issue.code) {
    case 'custom': {
      const rule = String(issue.params?.rule ?? 'invalid');
      return [{ field, rule, message: `${field} ${issue.message}` }];
    }
    case 'invalid_type':
      return issue.received === 'undefined'
        ? [{ field, rule: 'required', message: `${field} is required` }]
        : [
            {
              field,
              rule: 'type',
              message: `${field} must be a ${issue.expected} (got ${issue.received})`,
            },
          ];
    case 'invalid_enum_value':
      return [
        {
          field,
          rule: 'enum',
          message: `${field} must be one of ${issue.options
            .map(o => `"${String(o)}"`)
            .join(', ')}`,
        },
      ];
    case 'unrecognized_keys':
      return issue.keys.map(key => {
        const unknown = fieldOf([...issue.path, key.slice(0, 64)]);
        return {
          field: unknown,
          rule: 'unknown-field',
          message: `${unknown} is not a known field`,
        };
      });
    case 'too_big':
      return [
        {
          field,
          rule: 'too-many',
          message: `${field} must have at most ${issue.maximum} entries`,
        },
      ];
    default:
      return [
        { field, rule: issue.code, message: `${field}: ${issue.message}` },
      ];
  }
}

/**
 * Validates a raw onboarding request and applies defaults.
 * @throws PlanInputError naming every broken field and rule.
 * @public
 */
export function parseOnboardingInput(raw: unknown): OnboardingInput {
  const result = onboardingInputSchema.safeParse(raw);
  if (!result.success) {
    throw new PlanInputError(result.error.issues.flatMap(toIssues));
  }
  return result.data;
}
