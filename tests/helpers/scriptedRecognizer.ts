/** Test double for the recognizer: returns the intent the test scripted for a text (core-bot style). */
import type { Intent, NluResult, Recognizer } from '../../nlu/types';

export class ScriptedRecognizer implements Recognizer {
  calls = 0;
  constructor(
    private readonly script: Record<string, Intent | Partial<NluResult>> = {},
    private readonly delayMs = 0,
  ) {}

  async recognize(text: string): Promise<NluResult> {
    this.calls++;
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    const scripted = this.script[text];
    const base: NluResult = {
      intent: 'other',
      confidence: 0.9,
      alternatives: [],
      entities: [],
      sentiment: { label: 'neutral', score: 0.5, anger: 0 },
      language: /[A-Za-z]/.test(text) && !/\p{Script=Han}/u.test(text) ? 'en' : 'zh',
    };
    if (typeof scripted === 'string') return { ...base, intent: scripted };
    return { ...base, ...(scripted ?? {}) };
  }
}
