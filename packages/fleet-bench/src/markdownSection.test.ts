import { sectionOf, withSection } from './markdownSection';

describe('markdown sections owned by another script', () => {
  it('appends a section, then replaces only it', () => {
    const doc = '# Report\n\nnumbers\n';
    const once = withSection(doc, 'replicas', '## Replicas\n\nv1');
    expect(once).toBe(
      '# Report\n\nnumbers\n\n<!-- replicas:start -->\n\n## Replicas\n\nv1\n\n<!-- replicas:end -->\n',
    );
    const twice = withSection(
      `${once}\nafter\n`,
      'replicas',
      '## Replicas\n\nv2 $&',
    );
    expect(twice).toContain('v2 $&');
    expect(twice).not.toContain('v1');
    expect(twice.startsWith('# Report\n\nnumbers\n')).toBe(true);
    expect(twice.endsWith('\nafter\n')).toBe(true);
  });

  it('reads the section with its markers, or undefined', () => {
    const doc = withSection('# R\n', 'replicas', 'body');
    expect(sectionOf(doc, 'replicas')).toBe(
      '<!-- replicas:start -->\n\nbody\n\n<!-- replicas:end -->',
    );
    expect(sectionOf('# R\n', 'replicas')).toBeUndefined();
    expect(sectionOf(doc, 'other')).toBeUndefined();
  });
});
