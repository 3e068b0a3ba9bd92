import { gzipSync } from 'node:zlib';

/** One file of a tarball: path (inside the top directory) and content. */
export interface TarFile {
  path: string;
  content: Buffer;
}

const BLOCK = 512;

function field(header: Buffer, offset: number, length: number, value: string) {
  header.write(
    value,
    offset,
    Math.min(length, Buffer.byteLength(value)),
    'utf8',
  );
}

function octal(value: number, length: number): string {
  return `${value.toString(8).padStart(length - 1, '0')}\0`;
}

/** Splits a path into ustar's `prefix` (≤155 bytes) and `name` (≤100 bytes) at a `/`. */
function splitPath(path: string): { prefix: string; name: string } {
  if (Buffer.byteLength(path) <= 100) return { prefix: '', name: path };
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) {
      return { prefix, name };
    }
  }
  throw new Error(`path too long for a ustar archive: ${path}`);
}

function entryHeader(
  path: string,
  size: number,
  type: '0' | '5',
  mtime: number,
) {
  const h = Buffer.alloc(BLOCK);
  const { prefix, name } = splitPath(path);
  field(h, 0, 100, name);
  field(h, 100, 8, type === '5' ? '0000755\0' : '0000644\0');
  field(h, 108, 8, octal(0, 8));
  field(h, 116, 8, octal(0, 8));
  field(h, 124, 12, octal(size, 12));
  field(h, 136, 12, octal(mtime, 12));
  field(h, 148, 8, '        '); // checksum counted as spaces
  field(h, 156, 1, type);
  field(h, 257, 6, 'ustar\0');
  field(h, 263, 2, '00');
  field(h, 345, 155, prefix);
  let sum = 0;
  for (const byte of h) sum += byte;
  field(h, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return h;
}

/**
 * A gzipped ustar archive as GitHub's `tarball` endpoint serves it: every file under one top
 * directory (`<owner>-<repo>-<sha>/`), directories listed before their files.
 */
export function gzippedTarball(
  topDirectory: string,
  files: TarFile[],
  mtime: Date,
): Buffer {
  const seconds = Math.floor(mtime.getTime() / 1000);
  const parts: Buffer[] = [];
  const directories = new Set<string>([topDirectory]);
  for (const file of files) {
    const segments = file.path.split('/').slice(0, -1);
    for (let i = 1; i <= segments.length; i++) {
      directories.add(`${topDirectory}/${segments.slice(0, i).join('/')}`);
    }
  }
  for (const dir of [...directories].sort()) {
    parts.push(entryHeader(`${dir}/`, 0, '5', seconds));
  }
  for (const file of files) {
    parts.push(
      entryHeader(
        `${topDirectory}/${file.path}`,
        file.content.length,
        '0',
        seconds,
      ),
    );
    parts.push(file.content);
    const pad = (BLOCK - (file.content.length % BLOCK)) % BLOCK;
    parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return gzipSync(Buffer.concat(parts));
}
