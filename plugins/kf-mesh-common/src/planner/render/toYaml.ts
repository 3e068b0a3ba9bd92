import { Document } from 'yaml';

/**
 * Serializes data as YAML that Kubernetes tooling reads back literally. YAML 1.1 quoting is
 * used because kubectl/kustomize parse YAML 1.1 (go-yaml): strings such as `yes`, `on` or `y`
 * must be quoted or they turn into booleans. Line folding is off so long values stay on one line.
 */
export function toYaml(data: unknown, comment?: string): string {
  const doc = new Document(data, { version: '1.1' });
  if (comment)
    doc.commentBefore = comment
      .split('\n')
      .map(line => ` ${line}`)
      .join('\n');
  return doc.toString({ lineWidth: 0 });
}
