#!/usr/bin/env node
/* After tsc: copies the data and page files the code reads at run time (training data, demo store,
 * web pages) into dist/, at the same relative paths, so `node dist/index.js` finds them. */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const SOURCE_DIRS = ['adapters', 'bots', 'dialogs', 'knowledge', 'nlu', 'server', 'services', 'storage', 'web'];
const SKIP = /\.(ts|md)$/;

let copied = 0;
function copyTree(rel) {
  const from = path.join(root, rel);
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const child = path.join(rel, entry.name);
    if (entry.isDirectory()) copyTree(child);
    else if (!SKIP.test(entry.name)) {
      const to = path.join(dist, child);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(path.join(root, child), to);
      copied++;
    }
  }
}

for (const dir of SOURCE_DIRS) if (fs.existsSync(path.join(root, dir))) copyTree(dir);
process.stdout.write(`copied ${copied} asset files into dist/\n`);
