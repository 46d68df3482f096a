/**
 * Worker-thread entry of a retrain: training is seconds of synchronous CPU work, which on the main thread
 * would stall every customer's turn. The segmenter is taught the same words the main thread's was (domain
 * words, product and brand names), so the model's features are cut the way predictions will cut them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { addWords } from '../../platform/text/segmenter';
import { runTrainJob, type TrainJobInput } from './trainJob';

interface WorkerInput {
  job: TrainJobInput;
  words: [string, number][];
}

const { job, words } = workerData as WorkerInput;
const byWeight = new Map<number, string[]>();
for (const [word, weight] of words) {
  const list = byWeight.get(weight) ?? [];
  list.push(word);
  byWeight.set(weight, list);
}
for (const [weight, list] of byWeight) addWords(list, { weight });
const output = runTrainJob(job);
parentPort?.postMessage(output);
