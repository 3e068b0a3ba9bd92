/** Escapes plain text for Markdown table cells and prose (no HTML, emphasis or cell breaks). */
export function mdText(value: string): string {
  return value.replace(/[\\`*_[\]<>|]/g, ch => `\\${ch}`).replace(/\n/g, ' ');
}

/** Inline code span that survives any backticks or pipes in the value (user-supplied text). */
export function mdCode(value: string): string {
  const runs = value.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map(r => r.length)) + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  // a | inside a code span would still end a table cell
  return `${fence}${pad}${value.replace(/\|/g, '\\|')}${pad}${fence}`;
}
