/**
 * Asking the waiting question again — in the customer's language. A prompt keeps the wording it was
 * first sent with, so after "can we continue in English please" re-sending it would still be Chinese.
 * Instead the waterfall step that asked is run again, in the language of the moment, from where it
 * started: every waterfall under MainDialog remembers its current step's input and the flow's values
 * as they were before the step ran.
 */
import {
  Dialog,
  DialogContainer,
  DialogContext,
  DialogReason,
  DialogTurnResult,
  DialogTurnStatus,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { languageOfText, ReplyLanguage } from '../flow/language';

/** where a waterfall keeps its current step's start, in its own instance state */
const ASKED_WITH = 'askedWith';

interface StepStart {
  result?: unknown;
  values?: unknown;
}

interface WaterfallInternals {
  onStep(step: WaterfallStepContext): Promise<DialogTurnResult>;
  runStep(dc: DialogContext, index: number, reason: DialogReason, result?: unknown): Promise<DialogTurnResult>;
}

/** A copy that survives being saved as JSON, or undefined (a step input that is not data is not kept). */
function storable(value: unknown): unknown {
  if (value === undefined || value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value;
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    return undefined;
  }
}

const instrumented = new WeakSet<Dialog>();

/**
 * Makes every waterfall among `dialogs` (and inside their containers) remember its current step's
 * input. WaterfallDialog has no hook for this, so its step runner is wrapped once per instance.
 */
export function rememberStepInputs(dialogs: Dialog[]): void {
  for (const dialog of dialogs) {
    if (instrumented.has(dialog)) continue;
    instrumented.add(dialog);
    if (dialog instanceof WaterfallDialog) {
      const internals = dialog as unknown as WaterfallInternals;
      const onStep = internals.onStep.bind(dialog);
      internals.onStep = (step) => {
        const state = step.activeDialog?.state as Record<string, unknown> | undefined;
        if (state) state[ASKED_WITH] = { result: storable(step.result), values: storable(state.values) } satisfies StepStart;
        return onStep(step);
      };
    }
    if (dialog instanceof DialogContainer) rememberStepInputs(dialog.dialogs.getDialogs());
  }
}

/** The innermost dialog context: the one whose stack holds the waiting prompt above the waterfall that asked. */
export function innermost(dc: DialogContext): DialogContext {
  let current = dc;
  for (let depth = 0; depth < 10 && current.child; depth++) current = current.child;
  return current;
}

/** The language the waiting prompt was worded in, when a prompt waits. */
export function promptLanguage(dc: DialogContext): ReplyLanguage | undefined {
  const options = innermost(dc).activeDialog?.state?.options as { prompt?: string | { text?: string } } | undefined;
  const prompt = options?.prompt;
  const text = typeof prompt === 'string' ? prompt : prompt?.text;
  return text ? languageOfText(text) : undefined;
}

/**
 * Asks the waiting question again. When it was worded in another language than `lang`, the step that
 * asked runs again (it words the question anew); otherwise, or when that cannot be done, the prompt is
 * re-sent as it was.
 */
export async function askAgain(dc: DialogContext, lang: ReplyLanguage): Promise<DialogTurnResult> {
  const leaf = innermost(dc);
  // the top of a stack is its last entry
  const [owner, prompt] = leaf.stack.slice(-2);
  const waterfall = owner ? leaf.findDialog(owner.id) : undefined;
  const worded = promptLanguage(dc);
  if (!prompt || !owner || !(waterfall instanceof WaterfallDialog) || worded === undefined || worded === lang) {
    if (dc.activeDialog) await dc.repromptDialog();
    return { status: DialogTurnStatus.waiting };
  }
  const state = owner.state as { stepIndex?: number; values?: unknown; [ASKED_WITH]?: StepStart };
  const start = state[ASKED_WITH];
  if (!start) {
    await dc.repromptDialog();
    return { status: DialogTurnStatus.waiting };
  }
  // the prompt leaves without an answer; the step that asked runs again from where it started
  leaf.stack.pop();
  if (start.values !== undefined) state.values = start.values;
  const result = await (waterfall as unknown as WaterfallInternals).runStep(leaf, state.stepIndex ?? 0, DialogReason.replaceCalled, start.result);
  // the step ended its waterfall and the container above did not hear of it: end the container too
  if (result.status === DialogTurnStatus.complete && leaf.stack.length === 0 && leaf.parent && leaf !== dc) {
    return leaf.parent.endDialog(result.result);
  }
  return result;
}
