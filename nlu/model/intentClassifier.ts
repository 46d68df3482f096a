/**
 * The local intent classifier: trains the softmax model on the training set (about a second), or loads
 * it from a cache file under DATA_DIR keyed by a hash of the training data and the code version, so a
 * restart with unchanged data starts instantly.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { INTENTS, type Intent, type IntentScore } from '../types';
import { intentFeatures as features } from './intentFeatures';
import { SoftmaxModel, type Example, type SerializedModel, type TrainOptions } from './softmaxModel';
import { seededRandom } from '../../platform/seededRandom';
import type { LabeledUtterance } from './trainingData';

/** Bump when features or training change, so old cache files are not reused. */
const MODEL_VERSION = 'intent-v7'; // v7: spelling repair (pinyin slips, chat English) and English stems

/**
 * Chosen by 5-fold cross-validation on our own training set (nlu/model: epochs 8–16, learning rate 2–8,
 * L2 1e-6–1e-3, 1–3 variants a line): L2 1e-4 with English letter trigrams was best on English and level
 * on Chinese; more epochs or variants only cost training time.
 */
const TRAIN_OPTIONS: TrainOptions = { epochs: 12, learningRate: 4, l2: 1e-4 };

export interface IntentPrediction {
  intent: Intent;
  confidence: number;
  alternatives: IntentScore[];
}

export class IntentClassifier {
  constructor(private readonly model: SoftmaxModel) {}

  static hashOf(data: LabeledUtterance[]): string {
    const h = crypto.createHash('sha256').update(MODEL_VERSION);
    for (const row of data) h.update(row.intent).update('\t').update(row.text).update('\n');
    return h.digest('hex').slice(0, 16);
  }

  /**
   * Trains on 85% of the utterances (with their variants), fits the temperature on the other 15% — whole
   * utterances the probe never saw in any form, else confidences come out near 1 — then retrains on all.
   */
  static train(base: LabeledUtterance[], expand: (rows: LabeledUtterance[]) => LabeledUtterance[] = (r) => r): IntentClassifier {
    // the probe and the final model see mostly the same texts: extract each text's features once
    const memo = new Map<string, string[]>();
    const featuresOf = (text: string): string[] => {
      let f = memo.get(text);
      if (!f) memo.set(text, (f = features(text)));
      return f;
    };
    const toExamples = (rows: LabeledUtterance[]): Example[] => rows.map((row) => ({ features: featuresOf(row.text), label: INTENTS.indexOf(row.intent) }));
    const random = seededRandom(3);
    const heldOut: LabeledUtterance[] = [];
    const trainPart: LabeledUtterance[] = [];
    for (const row of base) (random() < 0.15 ? heldOut : trainPart).push(row);
    const probe = SoftmaxModel.train(toExamples(expand(trainPart)), INTENTS.length, TRAIN_OPTIONS);
    const temperature = probe.calibrate(toExamples(heldOut));
    const model = SoftmaxModel.train(toExamples(expand(base)), INTENTS.length, TRAIN_OPTIONS);
    return new IntentClassifier(SoftmaxModel.fromSerialized({ ...model.serialize(), temperature }));
  }

  /**
   * One training run on all the data with a known temperature (the learning loop's retrain: the running
   * model's calibration still fits after a handful of new examples, and it halves the work).
   */
  static trainWithTemperature(base: LabeledUtterance[], expand: (rows: LabeledUtterance[]) => LabeledUtterance[], temperature: number): IntentClassifier {
    const examples = expand(base).map((row) => ({ features: features(row.text), label: INTENTS.indexOf(row.intent) }));
    const model = SoftmaxModel.train(examples, INTENTS.length, TRAIN_OPTIONS);
    return new IntentClassifier(SoftmaxModel.fromSerialized({ ...model.serialize(), temperature }));
  }

  private static cacheFile(cacheDir: string, data: LabeledUtterance[]): string {
    return path.join(cacheDir, `nlu-intent-${IntentClassifier.hashOf(data)}.json`);
  }

  /** Loads the cached model for this data, or trains and writes the cache (best effort: a read-only disk only costs time). */
  static trainCached(data: LabeledUtterance[], expand: (rows: LabeledUtterance[]) => LabeledUtterance[], cacheDir: string | undefined): IntentClassifier {
    if (!cacheDir) return IntentClassifier.train(data, expand);
    const file = IntentClassifier.cacheFile(cacheDir, data);
    try {
      if (fs.existsSync(file)) return IntentClassifier.fromJson(fs.readFileSync(file, 'utf8'));
    } catch {
      // a corrupt cache file is simply retrained below
    }
    const classifier = IntentClassifier.train(data, expand);
    classifier.writeCache(cacheDir, data);
    return classifier;
  }

  /** Stores this model as the cached one for `data` (so a restart with that data loads it). Best effort. */
  writeCache(cacheDir: string, data: LabeledUtterance[]): void {
    const file = IntentClassifier.cacheFile(cacheDir, data);
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
      fs.writeFileSync(tmp, this.toJson());
      fs.renameSync(tmp, file);
    } catch {
      // caching is an optimisation only
    }
  }

  get temperature(): number {
    return this.model.serialize().temperature;
  }

  /** The raw model (a worker thread hands a trained model back this way: typed arrays copy cheaply). */
  serialize(): SerializedModel {
    return this.model.serialize();
  }

  static fromSerialized(s: SerializedModel): IntentClassifier {
    return new IntentClassifier(SoftmaxModel.fromSerialized(s));
  }

  toJson(): string {
    const s = this.model.serialize();
    return JSON.stringify({
      version: MODEL_VERSION,
      labels: s.labels,
      temperature: s.temperature,
      features: s.features,
      weights: Buffer.from(s.weights.buffer, s.weights.byteOffset, s.weights.byteLength).toString('base64'),
      bias: Array.from(s.bias),
    });
  }

  static fromJson(json: string): IntentClassifier {
    const raw = JSON.parse(json) as { version: string; labels: number; temperature: number; features: string[]; weights: string; bias: number[] };
    if (raw.version !== MODEL_VERSION || raw.labels !== INTENTS.length) throw new Error('stale intent model cache');
    const bytes = Buffer.from(raw.weights, 'base64');
    const weights = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    if (weights.length !== raw.features.length * raw.labels) throw new Error('corrupt intent model cache');
    return new IntentClassifier(
      SoftmaxModel.fromSerialized({ labels: raw.labels, features: raw.features, temperature: raw.temperature, weights, bias: Float32Array.from(raw.bias) }),
    );
  }

  predict(text: string): IntentPrediction {
    return this.predictFeatures(features(text));
  }

  predictFeatures(feats: string[]): IntentPrediction {
    const probs = this.model.predict(feats);
    const ranked = Array.from(probs, (p, k) => ({ intent: INTENTS[k], confidence: round(p) })).sort((a, b) => b.confidence - a.confidence);
    return { intent: ranked[0].intent, confidence: ranked[0].confidence, alternatives: ranked.slice(1, 4) };
  }
}

function round(p: number): number {
  return Math.round(p * 1000) / 1000;
}
