/**
 * A section of a generated Markdown file that another script owns: between `<!-- <name>:start -->` and
 * `<!-- <name>:end -->`. docs/benchmarks.md is written by `yarn bench`; the replica benchmark owns its section.
 */

const markers = (name: string) =>
  [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`] as const;

/** The section with its markers, or undefined when the document has none. */
export function sectionOf(doc: string, name: string): string | undefined {
  const [start, end] = markers(name);
  const from = doc.indexOf(start);
  const to = doc.indexOf(end, from);
  if (from < 0 || to < 0) return undefined;
  return doc.slice(from, to + end.length);
}

/** The document with the section replaced by `body`, or `body` appended as the section when it had none. */
export function withSection(doc: string, name: string, body: string): string {
  const [start, end] = markers(name);
  const section = `${start}\n\n${body.trim()}\n\n${end}`;
  const old = sectionOf(doc, name);
  if (old !== undefined) return doc.replace(old, () => section);
  return `${doc.trimEnd()}\n\n${section}\n`;
}

/** The section of docs/benchmarks.md that replicasBench.ts writes. */
export const REPLICAS_SECTION = 'replicas';

/** The section of docs/benchmarks.md comparing a `--server real` cell with the kube-sim cell of the same size. */
export const REAL_SERVER_SECTION = 'real-server';
