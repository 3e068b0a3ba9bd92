import { dump } from 'js-yaml';

/** `#` comment lines of a text. */
const commentLines = (comment: string) =>
  comment
    .split('\n')
    .map(line => (line ? `# ${line}` : '#'))
    .join('\n');

/**
 * Serializes data as YAML that Kubernetes tooling reads back literally. kubectl/kustomize parse YAML 1.1
 * (go-yaml), so strings such as `yes`, `on` or `y` must be quoted or they turn into booleans: js-yaml's
 * compatibility mode (the default, `noCompatMode: false`) quotes them. Line folding is off so long values stay on
 * one line, and repeated values are written out, never as anchors/aliases (`noRefs`). js-yaml rather than the
 * `yaml` package because rendering a fleet is dominated by serialization (scripts/bench-plan.ts).
 *
 * @param comment - optional header, written as `#` comment lines before the document (one part after the other)
 */
export function toYaml(data: unknown, ...comment: string[]): string {
  const body = dump(data, { lineWidth: -1, noRefs: true });
  if (comment.length === 0) return body;
  return `${comment.map(commentLines).join('\n')}\n${body}`;
}
