/**
 * The held-back slice: fixed by the text's hash (same rows every run), never trained on in a run — not even
 * when the same text also comes from the other source — and the job scores before and after on it.
 */
import { accuracyOn, heldBackSlice, inHeldBackSlice, withoutSlice } from '../../../nlu/review/heldBack';
import { runTrainJob } from '../../../nlu/review/trainJob';
import { IntentClassifier } from '../../../nlu/model/intentClassifier';
import type { LabeledUtterance } from '../../../nlu/model/trainingData';
import type { Intent } from '../../../nlu/types';

const rows = (intent: Intent, texts: string[]): LabeledUtterance[] => texts.map((text) => ({ text, intent }));
const many = (intent: Intent, stem: string, n: number) => rows(intent, Array.from({ length: n }, (_, i) => `${stem}${i}`));

describe('held-back slice', () => {
  const project = [...many('order_status', '我的快递到哪了', 60), ...many('invoice', '我要开发票', 60)];
  const accepted = many('promotion', '有啥羊毛可以薅', 40);

  it('is the same every time and about the configured share', () => {
    const a = heldBackSlice(project, accepted);
    const b = heldBackSlice(project, accepted);
    expect(a.project).toEqual(b.project);
    expect(a.accepted).toEqual(b.accepted);
    expect(a.project.length).toBeGreaterThan(2);
    expect(a.project.length).toBeLessThan(30);
    expect(a.accepted.length).toBeGreaterThan(2);
    expect(a.project.every((r) => inHeldBackSlice(r.text, 'project'))).toBe(true);
  });

  it('leaves every row with a held-back text out of training, whatever its source', () => {
    const slice = heldBackSlice(project, accepted);
    const heldText = slice.accepted[0].text;
    // the same text labelled again in the project data must not sneak into training
    const train = withoutSlice([...project, { text: heldText, intent: 'promotion' }, ...accepted], slice);
    expect(train.some((r) => slice.texts.has(r.text))).toBe(false);
    expect(train.length).toBe(project.length + accepted.length - slice.project.length - slice.accepted.length);
  });

  it('scores accuracy on the slice only, before and after, and serves a model trained on everything', () => {
    const out = runTrainJob({ project, accepted, previous: [], temperature: 1 });
    const slice = heldBackSlice(project, accepted);
    expect(out.heldBack).toEqual({ project: slice.project.length, accepted: slice.accepted.length });
    expect(out.before.n).toBe(slice.project.length + slice.accepted.length);
    expect(out.trainedRows).toBe(project.length + accepted.length - out.before.n);
    // before: the model never saw the slang, so its held-back examples are wrong; after: right
    expect(out.before.accepted.accuracy).toBe(0);
    expect(out.after.accepted.accuracy).toBe(1);
    const served = IntentClassifier.fromSerialized(out.served);
    for (const r of slice.accepted) expect(served.predict(r.text).intent).toBe('promotion');
    expect(accuracyOn([], () => 'other')).toEqual({ accuracy: null, n: 0 });
  });
});
