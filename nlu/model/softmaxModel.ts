/**
 * Multinomial logistic regression over sparse binary features, in plain TypeScript: trained by SGD with
 * L2 and weight averaging, softmax with a temperature fitted on held-out data so confidences mean
 * something (the LLM threshold and the review queue compare against them).
 */
import { seededRandom } from '../../platform/seededRandom';

export interface Example {
  features: string[];
  label: number;
  weight?: number;
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
}

export interface SerializedModel {
  labels: number;
  features: string[];
  temperature: number;
  weights: Float32Array;
  bias: Float32Array;
}


export class SoftmaxModel {
  private readonly index = new Map<string, number>();

  private constructor(
    readonly labels: number,
    readonly featureNames: string[],
    private readonly weights: Float32Array,
    private readonly bias: Float32Array,
    private temperature: number,
  ) {
    featureNames.forEach((f, i) => this.index.set(f, i));
  }

  static train(examples: Example[], labels: number, options: TrainOptions = {}): SoftmaxModel {
    const { epochs = 12, learningRate = 4, l2 = 1e-5, seed = 7 } = options;
    const names: string[] = [];
    const index = new Map<string, number>();
    const encoded = examples.map((ex) => {
      const ids = new Set<number>();
      for (const f of ex.features) {
        let id = index.get(f);
        if (id === undefined) {
          id = names.length;
          index.set(f, id);
          names.push(f);
        }
        ids.add(id);
      }
      return { ids: Int32Array.from(ids), label: ex.label, weight: ex.weight ?? 1 };
    });
    const K = labels;
    const w = new Float32Array(names.length * K);
    const b = new Float32Array(K);
    // averaged SGD (lazy form: avg = w - u/c, u accumulates c·Δ) damps the noise of the last updates
    const u = new Float64Array(w.length);
    const ub = new Float64Array(K);
    const probs = new Float64Array(K);
    const random = seededRandom(seed);
    const order = encoded.map((_, i) => i);
    let c = 1;
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      const lr = learningRate / (1 + epoch * 0.5);
      for (const n of order) {
        const ex = encoded[n];
        const scale = 1 / Math.sqrt(ex.ids.length || 1);
        scoreInto(probs, w, b, ex.ids, scale, K);
        softmaxInPlace(probs, 1);
        for (let k = 0; k < K; k++) {
          const grad = (probs[k] - (k === ex.label ? 1 : 0)) * ex.weight;
          if (grad === 0) continue;
          const db = lr * grad;
          b[k] -= db;
          ub[k] -= c * db;
          for (let m = 0; m < ex.ids.length; m++) {
            const at = ex.ids[m] * K + k;
            const dw = lr * (grad * scale + l2 * w[at]);
            w[at] -= dw;
            u[at] -= c * dw;
          }
        }
        c++;
      }
    }
    const avgW = new Float32Array(w.length);
    for (let at = 0; at < w.length; at++) avgW[at] = w[at] - u[at] / c;
    const avgB = new Float32Array(K);
    for (let k = 0; k < K; k++) avgB[k] = b[k] - ub[k] / c;
    return new SoftmaxModel(K, names, avgW, avgB, 1);
  }

  static fromSerialized(s: SerializedModel): SoftmaxModel {
    return new SoftmaxModel(s.labels, s.features, s.weights, s.bias, s.temperature);
  }

  serialize(): SerializedModel {
    return { labels: this.labels, features: this.featureNames, temperature: this.temperature, weights: this.weights, bias: this.bias };
  }

  /** Raw scores (before softmax) of one utterance's features. */
  scores(features: string[]): Float64Array {
    const ids = new Set<number>();
    for (const f of features) {
      const id = this.index.get(f);
      if (id !== undefined) ids.add(id);
    }
    const out = new Float64Array(this.labels);
    // unknown features still count in the length, so a text of mostly unknown words scores weakly
    scoreInto(out, this.weights, this.bias, Int32Array.from(ids), 1 / Math.sqrt(Math.max(features.length, 1)), this.labels);
    return out;
  }

  predict(features: string[]): Float64Array {
    return softmaxInPlace(this.scores(features), this.temperature);
  }

  /** Picks the temperature that minimizes log-loss on held-out examples (calibration). */
  calibrate(heldOut: Example[]): number {
    const all = heldOut.map((ex) => ({ s: this.scores(ex.features), label: ex.label }));
    let best = { t: 1, loss: Infinity };
    for (let t = 0.2; t <= 12; t *= 1.05) {
      let loss = 0;
      for (const { s, label } of all) loss -= Math.log(Math.max(softmaxInPlace(Float64Array.from(s), t)[label], 1e-9));
      if (loss < best.loss) best = { t, loss };
    }
    this.temperature = best.t;
    return best.t;
  }
}

function scoreInto(out: Float64Array, w: Float32Array, b: Float32Array, ids: Int32Array, scale: number, K: number): void {
  for (let k = 0; k < K; k++) out[k] = b[k];
  for (let m = 0; m < ids.length; m++) {
    const base = ids[m] * K;
    for (let k = 0; k < K; k++) out[k] += w[base + k] * scale;
  }
}

function softmaxInPlace(s: Float64Array, temperature: number): Float64Array {
  let max = -Infinity;
  for (const v of s) if (v > max) max = v;
  let sum = 0;
  for (let k = 0; k < s.length; k++) {
    s[k] = Math.exp((s[k] - max) / temperature);
    sum += s[k];
  }
  for (let k = 0; k < s.length; k++) s[k] /= sum;
  return s;
}
