/**
 * NeDB appends every write with fs.appendFile, which opens and closes the datafile each time — on a
 * busy bot that is most of a turn's I/O cost. This keeps one append descriptor open per datafile instead,
 * and drops it whenever NeDB rewrites the file (compaction renames a new file into place) or removes it.
 *
 * The append itself is a synchronous write: a line of a few kB goes to the page cache in microseconds,
 * while an asynchronous write pays a thread-pool round trip (measured: ~10 µs of CPU against ~50–80 µs, and
 * ~25 µs against ~200 µs until the write's promise resolves), and every turn appends its bot state. Both
 * are on disk (in the page cache, no fsync) in the same sense when the promise resolves.
 * Writes stay ordered: NeDB already runs a datastore's operations one at a time.
 */
import fs from 'node:fs';

// NeDB's storage module: its persistence layer calls these through the module object
// eslint-disable-next-line @typescript-eslint/no-require-imports
const storage = require('@seald-io/nedb/lib/storage.js') as {
  appendFileAsync: (file: string, data: string, options: { encoding: BufferEncoding; mode?: number }) => Promise<void>;
  crashSafeWriteFileLinesAsync: (file: string, lines: string[], modes?: unknown) => Promise<void>;
  unlinkAsync: (file: string) => Promise<void>;
};

const descriptors = new Map<string, number>();
let installed = false;

function drop(file: string): void {
  const fd = descriptors.get(file);
  if (fd === undefined) return;
  descriptors.delete(file);
  try {
    fs.closeSync(fd);
  } catch {
    /* already gone */
  }
}

function append(file: string, data: string, options: { encoding: BufferEncoding; mode?: number }): void {
  let fd = descriptors.get(file);
  if (fd === undefined) {
    fd = fs.openSync(file, 'a', options.mode);
    descriptors.set(file, fd);
  }
  const bytes = Buffer.from(data, options.encoding ?? 'utf8');
  try {
    for (let written = 0; written < bytes.length; ) written += fs.writeSync(fd, bytes, written, bytes.length - written);
  } catch (err) {
    drop(file); // reopened by the next append
    throw err;
  }
}

export function installNedbFileHandles(): void {
  if (installed) return;
  installed = true;
  const rewrite = storage.crashSafeWriteFileLinesAsync;
  const unlink = storage.unlinkAsync;
  storage.appendFileAsync = async (file, data, options) => append(file, data, options);
  storage.crashSafeWriteFileLinesAsync = async (file, lines, modes) => {
    drop(file);
    await rewrite(file, lines, modes);
  };
  storage.unlinkAsync = async (file) => {
    drop(file);
    await unlink(file);
  };
}

/** Closes the append descriptors of the given datafiles (the store is closing). */
export async function closeNedbFileHandles(files: string[]): Promise<void> {
  for (const file of files) drop(file);
}
