import { Document } from 'yaml';

// One reusable Document: building its YAML 1.1 schema is a measurable share of rendering
// time (bench-plan.ts). Rendering is synchronous, so sharing it cannot interleave.
const doc = new Document(null, { version: '1.1' });

/**
 * Serializes data as YAML that Kubernetes tooling reads back literally. YAML 1.1 quoting is
 * used because kubectl/kustomize parse YAML 1.1 (go-yaml): strings such as `yes`, `on` or `y`
 * must be quoted or they turn into booleans. Line folding is off so long values stay on one
 * line, and repeated values are written out, never as anchors/aliases.
 */
export function toYaml(data: unknown, comment?: string): string {
  doc.contents = doc.createNode(data, { aliasDuplicateObjects: false });
  doc.commentBefore = comment
    ? comment
        .split('\n')
        .map(line => ` ${line}`)
        .join('\n')
    : null;
  return doc.toString({ lineWidth: 0 });
}
