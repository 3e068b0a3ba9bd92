const SAFE_FILE = /^[a-z0-9]([-a-z0-9.]{0,200}[a-z0-9])?\.yaml$/;

/** Guards rendered file names: one path segment, no `..`, no absolute paths. */
export function assertSafeFileName(name: string): string {
  if (!SAFE_FILE.test(name) || name.includes('..')) {
    throw new Error(
      `Refusing to render file ${JSON.stringify(
        name.slice(0, 80),
      )}: file names must be a single lowercase path segment ending in .yaml`,
    );
  }
  return name;
}
