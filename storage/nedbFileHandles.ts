/**
 * NeDB appends every write with fs.appendFile, which opens and closes the datafile each time — on a
 * busy bot that is most of a turn's I/O cost. This keeps one append handle open per datafile instead,
 * and drops it whenever NeDB rewrites the file (compaction renames a new file into place) or removes it.
 * Writes stay ordered: NeDB already runs a datastore's operations one at a time.
 */
import { promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

// NeDB's storage module: its persistence layer calls these through the module object
// eslint-disable-next-line @typescript-eslint/no-require-imports
const storage = require('@seald-io/nedb/lib/storage.js') as {
  appendFileAsync: (file: string, data: string, options: { encoding: BufferEncoding; mode?: number }) => Promise<void>;
  crashSafeWriteFileLinesAsync: (file: string, lines: string[], modes?: unknown) => Promise<void>;
  unlinkAsync: (file: string) => Promise<void>;
};

const handles = new Map<string, Promise<FileHandle>>();
let installed = false;

async function drop(file: string): Promise<void> {
  const handle = handles.get(file);
  if (!handle) return;
  handles.delete(file);
  await (await handle).close().catch(() => undefined);
}

export function installNedbFileHandles(): void {
  if (installed) return;
  installed = true;
  const rewrite = storage.crashSafeWriteFileLinesAsync;
  const unlink = storage.unlinkAsync;
  storage.appendFileAsync = async (file, data, options) => {
    let handle = handles.get(file);
    if (!handle) {
      handle = fsp.open(file, 'a', options.mode);
      handles.set(file, handle);
      handle.catch(() => handles.delete(file));
    }
    await (await handle).write(data, null, options.encoding ?? 'utf8');
  };
  storage.crashSafeWriteFileLinesAsync = async (file, lines, modes) => {
    await drop(file);
    await rewrite(file, lines, modes);
  };
  storage.unlinkAsync = async (file) => {
    await drop(file);
    await unlink(file);
  };
}

/** Closes the append handles of the given datafiles (the store is closing). */
export async function closeNedbFileHandles(files: string[]): Promise<void> {
  await Promise.all(files.map(drop));
}
