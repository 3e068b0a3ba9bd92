const MD_SPECIAL = /[\\`*_[\]<>|\n]/;

const escapeMarkdown = (value: string) =>
  value.replace(/[\\`*_[\]<>|]/g, '\\$&').replace(/\n/g, ' ');

/** Escapes plain text for Markdown table cells and prose (no HTML, emphasis or cell breaks). */
export function mdText(value: string): string {
  // most texts need nothing; the ones that do are mostly the planner's constant reasons
  return MD_SPECIAL.test(value) ? escapeMarkdown(value) : value;
}

/** Inline code span that survives any backticks or pipes in the value (user-supplied text). */
export function mdCode(value: string): string {
  if (!value.includes('`')) {
    return `\`${value.includes('|') ? value.replace(/\|/g, '\\|') : value}\``;
  }
  const runs = value.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map(r => r.length)) + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  // a | inside a code span would still end a table cell
  return `${fence}${pad}${value.replace(/\|/g, '\\|')}${pad}${fence}`;
}
