/** Shared by the NLU tests: one trained local recognizer per test file, with the model cached across files. */
import os from 'node:os';
import path from 'node:path';
import { LocalRecognizer } from '../../nlu/localRecognizer';

export const TEST_MODEL_CACHE = path.join(os.tmpdir(), 'beautybot-nlu-test-cache');

let shared: LocalRecognizer | undefined;

export function localRecognizer(): LocalRecognizer {
  shared ??= new LocalRecognizer({ cacheDir: TEST_MODEL_CACHE });
  return shared;
}
