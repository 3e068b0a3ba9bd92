#!/usr/bin/env node
// Checks that each published package (plugins/*) declares exactly what it imports, so an app that installs it gets
// no unused dependencies and no missing ones:
// - every package imported by shipped code (src/ outside tests, and the declaration files `yarn tsc` wrote to
//   dist-types/, which is where types such as `@backstage/filter-predicates` come in) is in dependencies or
//   peerDependencies;
// - every entry of dependencies is imported by shipped code (one imported by tests only belongs in devDependencies);
// - every entry of devDependencies is imported somewhere in the package, runs from its package.json scripts, or is
//   a peer dependency of another declared package (e.g. @testing-library/dom for @testing-library/react).
// Test files are told apart the way @backstage/eslint-plugin's no-undeclared-imports does.
// Run after `yarn tsc`: node scripts/check-deps.js
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { builtinModules } = require('node:module');

const root = path.resolve(__dirname, '..');
const sourceExtensions = /\.(ts|tsx|js|jsx|mjs|cjs)$/;
const testFile =
  /(\.test\.|\.stories\.|\/__testUtils__\/|\/__mocks__\/|^src\/setupTests\.)/;
const importPatterns = [
  /\bfrom\s+['"]([^'"]+)['"]/g,
  /\bimport\s+['"]([^'"]+)['"]/g,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire(?:\.resolve)?\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\bjest\.(?:mock|requireActual)\(\s*['"]([^'"]+)['"]/g,
  /\/\/\/\s*<reference\s+types=['"]([^'"]+)['"]/g,
];

function walk(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'node_modules' ? [] : walk(full);
    }
    return sourceExtensions.test(entry.name) ? [full] : [];
  });
}

/** The package names a file imports (relative paths and Node built-ins left out). */
function importsOf(file) {
  const text = fs.readFileSync(file, 'utf8');
  const names = new Set();
  for (const pattern of importPatterns) {
    for (const [, specifier] of text.matchAll(pattern)) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) continue;
      if (specifier.startsWith('node:')) continue;
      const parts = specifier.split('/');
      const name = specifier.startsWith('@')
        ? parts.slice(0, 2).join('/')
        : parts[0];
      if (builtinModules.includes(name)) continue;
      names.add(name);
    }
  }
  return names;
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Names of the executables a package installs (to find dev tools run from package.json scripts). */
function binsOf(name, packageDir) {
  for (const dir of [packageDir, root]) {
    const manifest = path.join(dir, 'node_modules', name, 'package.json');
    if (fs.existsSync(manifest)) {
      const { bin } = readJson(manifest);
      if (!bin) return [];
      return typeof bin === 'string'
        ? [name.split('/').pop()]
        : Object.keys(bin);
    }
  }
  return [];
}

function peersOf(name, packageDir) {
  for (const dir of [packageDir, root]) {
    const manifest = path.join(dir, 'node_modules', name, 'package.json');
    if (fs.existsSync(manifest)) {
      return Object.keys(readJson(manifest).peerDependencies ?? {});
    }
  }
  return [];
}

function checkPackage(packageDir) {
  const pkg = readJson(path.join(packageDir, 'package.json'));
  const rel = path.relative(root, packageDir);
  const deps = Object.keys(pkg.dependencies ?? {});
  const peers = Object.keys(pkg.peerDependencies ?? {});
  const devDeps = Object.keys(pkg.devDependencies ?? {});
  const shipped = new Set();
  const everywhere = new Set();

  for (const file of walk(path.join(packageDir, 'src'))) {
    const local = path.relative(packageDir, file).split(path.sep).join('/');
    const names = importsOf(file);
    names.forEach(n => everywhere.add(n));
    if (!testFile.test(local)) names.forEach(n => shipped.add(n));
  }
  const typesDir = path.join(root, 'dist-types', rel, 'src');
  if (!fs.existsSync(typesDir)) {
    return [
      `${rel}: no declarations in dist-types/${rel}: run \`yarn tsc\` first`,
    ];
  }
  for (const file of walk(typesDir)) {
    const local = path.relative(path.join(root, 'dist-types', rel), file);
    if (!testFile.test(local.split(path.sep).join('/'))) {
      importsOf(file).forEach(n => shipped.add(n));
    }
  }
  for (const dir of ['dev', 'scripts']) {
    for (const file of walk(path.join(packageDir, dir))) {
      importsOf(file).forEach(n => everywhere.add(n));
    }
  }

  const self = pkg.name;
  const problems = [];
  for (const name of shipped) {
    if (name === self || deps.includes(name) || peers.includes(name)) continue;
    problems.push(
      `${rel}: "${name}" is imported by shipped code (or its types) but not in dependencies`,
    );
  }
  for (const name of deps) {
    if (shipped.has(name)) continue;
    problems.push(
      everywhere.has(name)
        ? `${rel}: "${name}" is only used by tests, dev or scripts: move it to devDependencies`
        : `${rel}: "${name}" is in dependencies but never imported: remove it`,
    );
  }
  const scripts = Object.values(pkg.scripts ?? {}).join('\n');
  const declared = [...deps, ...peers, ...devDeps];
  for (const name of devDeps) {
    if (everywhere.has(name) || shipped.has(name)) continue;
    if (name.startsWith('@types/') && declared.includes(name.slice(7)))
      continue;
    if (binsOf(name, packageDir).some(bin => scripts.includes(bin))) continue;
    if (declared.some(other => peersOf(other, packageDir).includes(name))) {
      continue;
    }
    problems.push(
      `${rel}: "${name}" is in devDependencies but never imported or run: remove it`,
    );
  }
  return problems;
}

const packageDirs = fs
  .readdirSync(path.join(root, 'plugins'))
  .map(name => path.join(root, 'plugins', name))
  .filter(dir => fs.existsSync(path.join(dir, 'package.json')));
const problems = packageDirs.flatMap(checkPackage);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`check-deps: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(
  `check-deps: the dependencies of ${packageDirs.length} packages match their imports`,
);
