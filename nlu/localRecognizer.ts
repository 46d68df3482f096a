/**
 * The local recognizer: intent (trained softmax model), entities, the frame (every slot: nlu/frame),
 * sentiment and language, all in-process.
 * recognize() is synchronous work of well under a millisecond on short texts (recognizers-text models run
 * only when a pre-check says they may find something).
 */
import type { Vocabulary } from '../knowledge/types';
import type { NluResult, Recognizer, RecognizeOptions } from './types';
import { EntityRecognizer } from './entities/entityRecognizer';
import { loadDefaultVocabulary } from './entities/gazetteer';
import { FrameBuilder } from './frame/frameBuilder';
import { frameVocabulary, type FrameVocabulary } from './frame/frameVocabulary';
import { warmUp } from './entities/recognizersText';
import { detectLanguage } from './language';
import { IntentClassifier } from './model/intentClassifier';
import { loadIntentFiles, withVariants, type LabeledUtterance } from './model/trainingData';
import { SentimentAnalyzer } from './sentiment/sentimentAnalyzer';
import { addNluWords } from './text/domainWords';

export interface LocalRecognizerOptions {
  vocabulary?: Vocabulary;
  /** reviewed examples from the learning loop, added to the training set */
  extraExamples?: LabeledUtterance[];
  /** directory for the trained-model cache (DATA_DIR); none = always train */
  cacheDir?: string;
}

export class LocalRecognizer implements Recognizer {
  readonly trainingSize: number;
  readonly trainingMs: number;
  /** replaced whole by swapClassifier (hot reload); every prediction reads it afresh */
  private classifier: IntentClassifier;
  /** the learning loop's examples the current classifier was trained on (besides nlu/data/intents) */
  private extra: LabeledUtterance[];
  private readonly entities: EntityRecognizer;
  private readonly sentiment = new SentimentAnalyzer();
  private readonly frames: FrameBuilder;
  /** the catalogue values frames may hold (checks the LLM's frames) */
  readonly vocabulary: FrameVocabulary;

  constructor(options: LocalRecognizerOptions = {}) {
    const vocabulary = options.vocabulary ?? loadDefaultVocabulary();
    this.entities = new EntityRecognizer(vocabulary);
    // product nicknames and brand names must survive segmentation whole
    addNluWords(this.entities.gazetteer.names().filter((n) => /\p{Script=Han}/u.test(n)));
    const started = Date.now();
    this.extra = options.extraExamples ?? [];
    const data = [...loadIntentFiles(), ...this.extra];
    this.trainingSize = data.length;
    this.classifier = IntentClassifier.trainCached(data, (rows) => withVariants(rows), options.cacheDir);
    this.trainingMs = Date.now() - started;
    this.vocabulary = frameVocabulary(this.entities.gazetteer);
    this.frames = new FrameBuilder(this.entities.gazetteer, (clause) => this.classifier.predict(clause));
    warmUp();
  }

  /** The current intent model and the learning-loop examples it was trained on. */
  get intentModel(): { classifier: IntentClassifier; extraExamples: LabeledUtterance[] } {
    return { classifier: this.classifier, extraExamples: this.extra };
  }

  /**
   * Hot reload: the retrained model takes over from the next prediction on. One reference assignment,
   * so a turn sees either the old model or the new one, never a mix.
   */
  swapClassifier(classifier: IntentClassifier, extraExamples: LabeledUtterance[]): void {
    this.classifier = classifier;
    this.extra = extraExamples;
  }

  recognizeSync(text: string, options: RecognizeOptions = {}): NluResult {
    const hasHan = /\p{Script=Han}/u.test(text);
    const english = !hasHan && (/[A-Za-z]/.test(text) || (options.locale?.toLowerCase().startsWith('en') ?? false));
    const entities = this.entities.recognize(text, english);
    const intent = this.classifier.predict(text);
    const language = detectLanguage(text, entities, options.locale);
    return {
      intent: intent.intent,
      confidence: intent.confidence,
      alternatives: intent.alternatives,
      entities,
      sentiment: this.sentiment.analyze(text),
      language,
      frame: this.frames.build(text, entities, intent.intent, language),
    };
  }

  async recognize(text: string, options?: RecognizeOptions): Promise<NluResult> {
    return this.recognizeSync(text, options);
  }
}
