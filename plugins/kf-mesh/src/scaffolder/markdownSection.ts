/**
 * The body of the `### <heading>` section of a Markdown text (up to the next
 * heading of level 3 or higher), trimmed; `undefined` when absent. Used to show
 * one section of the planner's PR description on its own.
 */
export function markdownSection(
  markdown: string,
  heading: string,
): string | undefined {
  const lines = markdown.split('\n');
  const start = lines.findIndex(l => l.trim() === `### ${heading}`);
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex(l => /^#{1,3} /.test(l));
  const body = (end < 0 ? rest : rest.slice(0, end)).join('\n').trim();
  return body || undefined;
}
