import { memoizeText } from './textMemo';
import { dumpYaml } from './yamlDump';

/** `#` comment lines of a text (the object's reason: the same few texts for every namespace). */
const commentLines = memoizeText(comment =>
  comment
    .split('\n')
    .map(line => (line ? `# ${line}` : '#'))
    .join('\n'),
);

/**
 * Serializes data as YAML that Kubernetes tooling reads back literally. kubectl/kustomize parse YAML 1.1
 * (go-yaml), so strings such as `yes`, `on` or `y` must be quoted or they turn into booleans: js-yaml's
 * compatibility mode (the default, `noCompatMode: false`) quotes them. Line folding is off so long values stay on
 * one line, and repeated values are written out, never as anchors/aliases (`noRefs`). js-yaml rather than the
 * `yaml` package because rendering a fleet is dominated by serialization (scripts/bench-plan.ts); `dumpYaml`
 * returns js-yaml's `dump` byte for byte without serializing again the sub-objects every namespace shares.
 *
 * @param comment - optional header, written as `#` comment lines before the document (one part after the other)
 */
export function toYaml(data: unknown, ...comment: string[]): string {
  const body = dumpYaml(data);
  if (comment.length === 0) return body;
  return `${comment.map(commentLines).join('\n')}\n${body}`;
}
