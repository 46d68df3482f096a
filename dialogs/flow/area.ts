/**
 * How a business area plugs into MainDialog: its dialogs and the intents it takes over, and optionally
 * signal routes (on what the message says, e.g. hesitation), aside answers (questions answered mid-flow
 * without a dialog) and a greeting add-on. Also the result a flow returns when it gives up, so MainDialog
 * offers a human. Areas are built by their factories with their dependencies and handed to MainDialog;
 * they import these types from here, never from MainDialog.
 */
import type { TurnContext } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import type { Intent } from '../../nlu/types';
import type { CustomerProfile } from '../../services/customers/profile';
import type { ReplyLanguage } from './language';

export interface DialogArea {
  readonly name: string;
  /** child dialogs MainDialog adds (each with a unique id) */
  readonly dialogs: Dialog[];
  /** intent → id of the dialog (one of `dialogs`) that handles it */
  readonly routes: Partial<Record<Intent, string>>;
}

/** What a flow returns when the customer could not be understood three times: MainDialog offers a human. */
export interface FlowResult {
  failed?: boolean;
}

/** Answers a message straight away (no dialog); true when it did. Used for questions asked mid-flow too. */
export type AsideAnswer = (context: TurnContext, lang: ReplyLanguage) => Promise<boolean>;

/** A route taken on what the message says rather than its intent (e.g. hesitation: 再想想, 有点贵). */
export interface SignalRoute {
  dialogId: string;
  matches(context: TurnContext, profile: CustomerProfile): boolean;
}

/** A business area with the optional extras MainDialog understands. */
export interface GuidedArea extends DialogArea {
  signals?: SignalRoute[];
  asides?: Partial<Record<Intent, AsideAnswer>>;
  /** dialogs that start afresh when asked for again while they wait for a choice ("推荐" during needs discovery) */
  restartable?: string[];
  /** said after the greeting (e.g. a repurchase reminder for a returning customer) */
  onGreeting?: (context: TurnContext, lang: ReplyLanguage) => Promise<void>;
}
