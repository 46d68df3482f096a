/**
 * Account linking in the conversation: "绑定" / "link my account" gets a one-time code; the code sent
 * on another channel (just the six digits, or "绑定 123456") joins that identity to the code owner's
 * customer, whose dialog and profile carry on. Runs as turn middleware, before recognition.
 *
 * A bare six-digit message that is not a live code is left to the dialogs when one is waiting for an
 * answer (it may be a postcode); it still counts as a failed guess.
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { customerIdOf, CustomerState } from '../dialogs/turn/customerState';
import type { CustomerDirectory } from '../services/customers/customerDirectory';
import { LinkCodes, LinkRateLimitedError } from '../services/customers/linkCodes';
import type { Logger } from '../platform/logger';
import { say, scriptLanguage, Wording } from '../dialogs/flow/language';
import { BOT_TEXT } from './text';
import { runAfterTurn, sourceAddressOf, TurnMiddleware } from '../dialogs/turn/turnContracts';

const ASK =
  /^(?:我要|我想|想|请|麻烦|帮我|给我)*(?:绑定|关联)(?:一下)?(?:我的)?(?:账号|帐号|账户)?(?:吧|一下)?[。.!！~～\s]*$|^(?:please\s+)?(?:link|connect|merge)\s+(?:my\s+)?accounts?[.!\s]*$/i;
const EXPLICIT_CODE = /^(?:绑定码?|关联码?|link(?:\s+code)?|code)\s*[:：]?\s*(\d{6})$/i;
const BARE_CODE = /^\d{6}$/;

export type LinkRequest = { kind: 'ask' } | { kind: 'code'; code: string; explicit: boolean };

/** What a message asks of account linking, if anything. */
export function linkRequestOf(text: string): LinkRequest | undefined {
  const t = text.trim();
  if (!t || t.length > 40) return undefined;
  if (ASK.test(t)) return { kind: 'ask' };
  const explicit = EXPLICIT_CODE.exec(t);
  if (explicit) return { kind: 'code', code: explicit[1], explicit: true };
  if (BARE_CODE.test(t)) return { kind: 'code', code: t, explicit: false };
  return undefined;
}

export interface AccountLinkingDeps {
  codes: LinkCodes;
  directory: CustomerDirectory;
  state: CustomerState;
  logger: Logger;
}

export class AccountLinkingMiddleware implements TurnMiddleware {
  readonly name = 'accountLinking';

  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(private readonly deps: AccountLinkingDeps) {
    this.dialogState = deps.state.createProperty<DialogState>('dialogState');
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (!(await this.handled(context, customerIdOf(context)))) await next();
  }

  /** Answers a link request or code; false when the message is not one (the turn goes on). */
  private async handled(context: TurnContext, customerId: string): Promise<boolean> {
    const text = (context.activity.text ?? '').trim();
    const request = linkRequestOf(text);
    if (!request) return false;
    const identity = { channelId: context.activity.channelId, userId: context.activity.from.id };
    const lang = scriptLanguage(context);
    const reply = (wording: Wording) => context.sendActivity(say(lang, wording));

    if (request.kind === 'ask') {
      try {
        const { code } = await this.deps.codes.issue(identity);
        this.deps.logger.info({ customerId, channelId: identity.channelId }, 'account link code issued');
        await reply(BOT_TEXT.linkCodeIssued(code));
      } catch (err) {
        if (!(err instanceof LinkRateLimitedError)) throw err;
        await reply(BOT_TEXT.linkCodesTooOften);
      }
      return true;
    }

    const { code, explicit } = request;
    const result = await this.deps.codes.redeem(code, identity, sourceAddressOf(context));
    switch (result.status) {
      case 'ok': {
        const owner = result.owner;
        // the merge takes both customers' locks, and this turn holds one: it runs once the turn is over
        // (before the reply goes out; should it fail, the customer gets the apology instead)
        runAfterTurn(context, async () => {
          const survivorId = await this.deps.directory.link(owner, identity);
          this.deps.logger.info({ customerId, survivorId, channelId: identity.channelId, ownerChannelId: owner.channelId }, 'accounts linked by code');
        });
        // this turn's customer is about to be merged away: its copy of the state is not saved
        this.deps.state.forget(context);
        await reply(BOT_TEXT.linked);
        return true;
      }
      case 'own_code':
        await reply(BOT_TEXT.ownCode);
        return true;
      case 'rate_limited': {
        if (!explicit && (await this.dialogWaiting(context))) return false;
        const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
        await reply(BOT_TEXT.tooManyWrongCodes(minutes));
        return true;
      }
      case 'invalid':
        if (!explicit && (await this.dialogWaiting(context))) return false;
        await reply(BOT_TEXT.invalidCode);
        return true;
    }
  }

  private async dialogWaiting(context: TurnContext): Promise<boolean> {
    const state = await this.dialogState.get(context);
    return (state?.dialogStack?.length ?? 0) > 0;
  }
}
