/**
 * One retrain of the intent model, as a pure job (run in a worker thread by the retrainer, or in-process
 * as a fallback and in tests): evaluation models on everything but the held-back slice — one for the data
 * the running model knows, one for the data it will know — and the model to serve, trained on all of it.
 * The evaluation "before" model is reused when the last run's "after" model was trained on the same rows.
 */
import { IntentClassifier } from '../model/intentClassifier';
import type { SerializedModel } from '../model/softmaxModel';
import { withVariants, type LabeledUtterance } from '../model/trainingData';
import { accuracyOn, heldBackSlice, withoutSlice, type Accuracy } from './heldBack';

export interface TrainJobInput {
  /** the project's own lines (nlu/data/intents) */
  project: LabeledUtterance[];
  /** every accepted review example now */
  accepted: LabeledUtterance[];
  /** the accepted examples the running model was trained on */
  previous: LabeledUtterance[];
  /** the running model's calibrated temperature, kept for the new one */
  temperature: number;
  /** DATA_DIR/nlu: the served model is written there, so a restart with the same data loads it */
  cacheDir?: string;
  /** the last run's "after" evaluation model, keyed by the hash of the rows it was trained on */
  lastEval?: { key: string; model: SerializedModel };
}

export interface SliceAccuracy extends Accuracy {
  /** the same, per source of the held-back rows */
  project: Accuracy;
  accepted: Accuracy;
}

export interface TrainJobOutput {
  served: SerializedModel;
  before: SliceAccuracy;
  after: SliceAccuracy;
  /** rows the evaluation models were trained on (no held-back text among them) */
  trainedRows: number;
  heldBack: { project: number; accepted: number };
  lastEval: { key: string; model: SerializedModel };
}

const expand = (rows: LabeledUtterance[]) => withVariants(rows);

function evalModel(rows: LabeledUtterance[]): IntentClassifier {
  // calibration does not change which intent ranks first: skip it for models that are only scored
  return IntentClassifier.trainWithTemperature(rows, expand, 1);
}

function sliceAccuracy(model: IntentClassifier, slice: { project: LabeledUtterance[]; accepted: LabeledUtterance[] }): SliceAccuracy {
  const predict = (text: string) => model.predict(text).intent;
  return { ...accuracyOn([...slice.project, ...slice.accepted], predict), project: accuracyOn(slice.project, predict), accepted: accuracyOn(slice.accepted, predict) };
}

export function runTrainJob(input: TrainJobInput): TrainJobOutput {
  const slice = heldBackSlice(input.project, input.accepted);
  const beforeRows = withoutSlice([...input.project, ...input.previous], slice);
  const afterRows = withoutSlice([...input.project, ...input.accepted], slice);
  const beforeKey = IntentClassifier.hashOf(beforeRows);
  const afterKey = IntentClassifier.hashOf(afterRows);
  const before =
    input.lastEval?.key === beforeKey ? IntentClassifier.fromSerialized(input.lastEval.model) : evalModel(beforeRows);
  const after = afterKey === beforeKey ? before : evalModel(afterRows);
  const all = [...input.project, ...input.accepted];
  const served = IntentClassifier.trainWithTemperature(all, expand, input.temperature);
  if (input.cacheDir) served.writeCache(input.cacheDir, all);
  return {
    served: served.serialize(),
    before: sliceAccuracy(before, slice),
    after: sliceAccuracy(after, slice),
    trainedRows: afterRows.length,
    heldBack: { project: slice.project.length, accepted: slice.accepted.length },
    lastEval: { key: afterKey, model: after.serialize() },
  };
}
