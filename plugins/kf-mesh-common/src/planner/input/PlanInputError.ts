/** One rule broken by the onboarding input. @public */
export interface PlanInputIssue {
  /** Dotted path of the field, e.g. `options.waypointName` or `contributors.0.user`. */
  field: string;
  /** Short machine-readable rule id, e.g. `dns1123-label`, `too-long`, `required`. */
  rule: string;
  /** Human sentence naming the field and the rule. */
  message: string;
}

/**
 * Thrown by `planOnboarding` on invalid input. `name` is `InputError` so Backstage's
 * error handler maps it to HTTP 400.
 * @public
 */
export class PlanInputError extends Error {
  readonly issues: PlanInputIssue[];

  constructor(issues: PlanInputIssue[]) {
    super(`Invalid onboarding input: ${issues.map(i => i.message).join('; ')}`);
    this.name = 'InputError';
    this.issues = issues;
  }
}
