#!/usr/bin/env node
/* `npm start` runs this first: compiles TypeScript when dist/ is missing or older than a source file. */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'dist', 'index.js');
const skip = new Set(['node_modules', 'dist', 'data', 'tests', 'bench', '.git', 'coverage']);

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (!entry.name.endsWith('.md')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

const built = fs.existsSync(out) ? fs.statSync(out).mtimeMs : 0;
if (built === 0 || newestSource(root) > built) {
  process.stdout.write('building (tsc)…\n');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
    cwd: root,
  });
  execFileSync(process.execPath, [path.join(__dirname, 'copyAssets.js')], { stdio: 'inherit', cwd: root });
  fs.utimesSync(out, new Date(), new Date());
}
