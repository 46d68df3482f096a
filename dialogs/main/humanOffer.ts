/**
 * The way to a human agent: starting the handoff (asked for, an angry customer, or accepted after
 * repeated misses) and the offer of one when a flow, or MainDialog itself, keeps failing to understand.
 */
import { DialogContext, DialogTurnResult, DialogTurnStatus, WaterfallStepContext } from 'botbuilder-dialogs';
import { withChoices } from '../flow/choices';
import { ReplyLanguage, say } from '../flow/language';
import { acceptsOffer } from '../flow/yesNo';
import { HANDOFF_DIALOG, HandoffOptions } from '../handoff/ids';
import { OFFER_HUMAN_PROMPT } from './ids';
import type { MissCounter } from './mainState';
import { CHOICES, choicesIn, TEXT } from './text';

export class HumanOffer {
  constructor(
    private readonly misses: MissCounter,
    /** whether the handoff area is wired (test harnesses may leave it out) */
    private readonly canHandOff: () => boolean,
  ) {}

  /** Ends every flow and starts the handoff; the misses start over. */
  async handOff(dc: DialogContext, options: HandoffOptions, lang: ReplyLanguage): Promise<DialogTurnResult> {
    await dc.cancelAllDialogs();
    await this.misses.reset(dc.context);
    if (this.canHandOff()) return dc.beginDialog(HANDOFF_DIALOG, options);
    await dc.context.sendActivity(say(lang, TEXT.connecting));
    return { status: DialogTurnStatus.complete };
  }

  /** After a flow gave up (FlowResult.failed): ask whether they want a human. */
  async offer(step: WaterfallStepContext, lang: ReplyLanguage): Promise<DialogTurnResult> {
    await this.misses.reset(step.context);
    const offer = withChoices(say(lang, TEXT.offerHuman), choicesIn(lang, CHOICES.offerHuman));
    return step.prompt(OFFER_HUMAN_PROMPT, { prompt: offer });
  }

  /** The answer to the offer: a human, or an invitation to ask another way. */
  async answer(step: WaterfallStepContext, lang: ReplyLanguage): Promise<DialogTurnResult> {
    if (acceptsOffer(String(step.result ?? ''))) return this.handOff(step, { reason: 'repeated_failures' }, lang);
    await step.context.sendActivity(say(lang, TEXT.offerDeclined));
    return step.endDialog();
  }
}
