/**
 * MainDialog: greets, routes each message by intent through a table, and handles interruptions
 * (cancel, help) anywhere in a flow. Business areas plug in as child dialogs of the route table.
 */
import { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogContext,
  DialogSet,
  DialogState,
  DialogTurnResult,
  DialogTurnStatus,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { nluResultOf } from '../bots/turnContracts';
import type { Intent } from '../nlu/types';
import type { CustomerProfile } from '../services/customers/profile';
import type { DialogArea } from './dialogArea';
import { replyLanguage, ReplyLanguage, say } from './language';

export const MAIN_DIALOG = 'mainDialog';
const ROUTER = 'mainRouter';

const CANCEL_WORDS = /^(取消|算了|不要了|退出|cancel|stop|quit|never ?mind)[。.!！]*$/i;
const HELP_WORDS = /^(帮助|help|怎么用|你能做什么|\?|？)[。.!！]*$/i;

type Route = { dialog: string } | { reply: (lang: ReplyLanguage) => string };

export class MainDialog extends ComponentDialog {
  private readonly routes: Partial<Record<Intent, Route>>;

  constructor(
    private readonly profile: StatePropertyAccessor<CustomerProfile>,
    areas: DialogArea[] = [],
  ) {
    super(MAIN_DIALOG);
    this.addDialog(new WaterfallDialog(ROUTER, [this.routeStep.bind(this), this.finalStep.bind(this)]));
    this.initialDialogId = ROUTER;
    this.routes = {
      greeting: {
        reply: (lang) =>
          say(lang, '亲，您好！有什么可以帮您？可以问我商品、订单、退换货或优惠哦～', 'Hello! How can I help — products, orders, returns or offers?'),
      },
      thanks_bye: { reply: (lang) => say(lang, '不客气，祝您生活愉快～', 'You are welcome, have a nice day!') },
    };
    for (const area of areas) {
      for (const dialog of area.dialogs) this.addDialog(dialog);
      for (const [intent, dialogId] of Object.entries(area.routes)) this.routes[intent as Intent] = { dialog: dialogId };
    }
  }

  /** Runs the dialog for this turn (continue the active flow, or start routing). */
  async run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    const dc = await dialogSet.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(inner);
    return interrupted ?? super.onContinueDialog(inner);
  }

  private async interrupt(inner: DialogContext): Promise<DialogTurnResult | undefined> {
    const text = (inner.context.activity.text ?? '').trim();
    const lang = await this.language(inner.context);
    if (CANCEL_WORDS.test(text)) {
      await inner.context.sendActivity(say(lang, '好的，已取消。还有什么可以帮您？', 'OK, cancelled. Anything else?'));
      return inner.cancelAllDialogs();
    }
    if (HELP_WORDS.test(text)) {
      await inner.context.sendActivity(
        say(lang, '您可以直接告诉我肤质和需求，或者发订单号查物流；说「取消」可以结束当前流程。', 'Tell me your skin type and needs, or send an order number; say "cancel" to stop the current flow.'),
      );
      return { status: DialogTurnStatus.waiting };
    }
    return undefined;
  }

  private async language(context: TurnContext): Promise<ReplyLanguage> {
    const profile = await this.profile.get(context, {});
    return replyLanguage(context, profile.language);
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const nlu = nluResultOf(step.context);
    const lang = await this.language(step.context);
    const profile = await this.profile.get(step.context, {});
    if (profile.language !== lang) await this.profile.set(step.context, { ...profile, language: lang });
    const route = nlu ? this.routes[nlu.intent] : undefined;
    if (route && 'dialog' in route) return step.beginDialog(route.dialog);
    if (route) {
      await step.context.sendActivity(route.reply(lang));
      return step.endDialog();
    }
    await step.context.sendActivity(
      say(lang, '抱歉，这个问题我还在学习中，您可以换个说法，或输入「转人工」。', 'Sorry, I cannot help with that yet. Try rephrasing, or type "agent".'),
    );
    return step.endDialog();
  }

  private async finalStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(step.result);
  }
}
