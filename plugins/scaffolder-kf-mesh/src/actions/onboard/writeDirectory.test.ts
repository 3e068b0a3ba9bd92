import fs from 'node:fs/promises';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { writeDirectory } from './writeDirectory';

describe('writeDirectory', () => {
  const root = createMockDirectory();
  const workspace = () => root.resolve('workspace');
  beforeEach(() =>
    root.setContent({ workspace: { 'keep.txt': 'keep' }, outside: {} }),
  );

  it('writes exactly the given files and replaces stale ones on a re-run', async () => {
    await writeDirectory(workspace(), 'out/team-a', [
      { path: 'kustomization.yaml', content: 'a' },
      { path: 'stale.yaml', content: 's' },
    ]);
    const written = await writeDirectory(workspace(), 'out/team-a', [
      { path: 'kustomization.yaml', content: 'b' },
      { path: 'policies/ap.yaml', content: 'p' },
    ]);
    expect(written).toEqual([
      'out/team-a/kustomization.yaml',
      'out/team-a/policies/ap.yaml',
    ]);
    expect(root.content()).toEqual({
      outside: {},
      workspace: {
        'keep.txt': 'keep',
        out: {
          'team-a': { 'kustomization.yaml': 'b', policies: { 'ap.yaml': 'p' } },
        },
      },
    });
  });

  it.each([
    ['/etc/kf', /must be relative to the workspace/],
    ['../outside', /may not be "." or ".."/],
    ['a/../../outside', /may not be "." or ".."/],
    ['.', /may not be "." or ".."/],
    ['', /non-empty relative path/],
    ['a\nb', /segments may only contain/],
  ])('rejects targetPath %j without writing', async (targetPath, message) => {
    await expect(
      writeDirectory(workspace(), targetPath, [
        { path: 'x.yaml', content: 'x' },
      ]),
    ).rejects.toThrow(message);
    expect(root.content()).toEqual({
      outside: {},
      workspace: { 'keep.txt': 'keep' },
    });
  });

  it('refuses to follow a symlink out of the workspace', async () => {
    await fs.symlink(root.resolve('outside'), root.resolve('workspace/link'));
    await expect(
      writeDirectory(workspace(), 'link/ns', [
        { path: 'x.yaml', content: 'x' },
      ]),
    ).rejects.toThrow(/outside its parent/);
    expect(await fs.readdir(root.resolve('outside'))).toEqual([]);
  });

  it('leaves the previous content in place when a file path is unsafe', async () => {
    await writeDirectory(workspace(), 'out', [
      { path: 'a.yaml', content: 'a' },
    ]);
    await expect(
      writeDirectory(workspace(), 'out', [
        { path: 'b.yaml', content: 'b' },
        { path: '../escape.yaml', content: 'e' },
      ]),
    ).rejects.toThrow("Refusing to write '../escape.yaml'");
    expect(root.content()).toEqual({
      outside: {},
      workspace: { 'keep.txt': 'keep', out: { 'a.yaml': 'a' } },
    });
  });
});
