/**
 * Account linking in the conversation: "绑定" / "link my account" gets a one-time code; the code sent
 * on another channel (just the six digits, or "绑定 123456") joins that identity to the code owner's
 * customer, whose dialog and profile carry on. Runs as a TurnInterceptor, before recognition.
 *
 * A bare six-digit message that is not a live code is left to the dialogs when one is waiting for an
 * answer (it may be a postcode); it still counts as a failed guess.
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { CustomerState } from '../dialogs/turn/customerState';
import type { CustomerDirectory } from '../services/customers/customerDirectory';
import { LinkCodes, LinkRateLimitedError } from '../services/customers/linkCodes';
import type { Logger } from '../platform/logger';
import { runAfterTurn, sourceAddressOf, TurnInterceptor } from '../dialogs/turn/turnContracts';

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

type Lang = 'zh' | 'en';

function languageOf(context: TurnContext, text: string): Lang {
  if (/\p{Script=Han}/u.test(text)) return 'zh';
  if (/[A-Za-z]{2,}/.test(text)) return 'en';
  return (context.activity.locale ?? '').toLowerCase().startsWith('en') ? 'en' : 'zh';
}

export class AccountLinkingInterceptor implements TurnInterceptor {
  readonly name = 'accountLinking';

  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(private readonly deps: AccountLinkingDeps) {
    this.dialogState = deps.state.createProperty<DialogState>('dialogState');
  }

  async intercept(context: TurnContext, customerId: string): Promise<boolean> {
    const text = (context.activity.text ?? '').trim();
    const request = linkRequestOf(text);
    if (!request) return false;
    const identity = { channelId: context.activity.channelId, userId: context.activity.from.id };
    const lang = languageOf(context, text);
    const say = (zh: string, en: string) => context.sendActivity(lang === 'en' ? en : zh);

    if (request.kind === 'ask') {
      try {
        const { code } = await this.deps.codes.issue(identity);
        this.deps.logger.info({ customerId, channelId: identity.channelId }, 'account link code issued');
        await say(
          `您的绑定码是 ${code}，10 分钟内有效，仅可使用一次。请在另一个渠道（微信公众号、Telegram、网页或 App）把这 6 位数字发给我，两边的账号就会合并，对话接着继续～`,
          `Your link code is ${code}. It works once, within 10 minutes. Send these 6 digits to me on your other channel (WeChat, Telegram, web or app) and both will become one account; the conversation carries on.`,
        );
      } catch (err) {
        if (!(err instanceof LinkRateLimitedError)) throw err;
        await say('获取绑定码太频繁啦，请一小时后再试～', 'Too many link codes requested. Please try again in an hour.');
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
        await say(
          '绑定成功！两个渠道已是同一个账号，您的资料和刚才的对话都接上啦，直接继续聊就好～',
          'Linked! Both channels are now one account; your profile and our conversation carry on here.',
        );
        return true;
      }
      case 'own_code':
        await say('这是您在当前渠道获取的绑定码，请到另一个渠道发送哦～', 'This code was issued on this channel; please send it on your other channel.');
        return true;
      case 'rate_limited': {
        if (!explicit && (await this.dialogWaiting(context))) return false;
        const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
        await say(`绑定码输错次数太多，请 ${minutes} 分钟后再试～`, `Too many wrong codes. Please try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`);
        return true;
      }
      case 'invalid':
        if (!explicit && (await this.dialogWaiting(context))) return false;
        await say(
          '绑定码不正确或已过期，请在原渠道重新发送「绑定」获取新码～',
          'That link code is wrong or has expired. Send "link my account" on your other channel for a new one.',
        );
        return true;
    }
  }

  private async dialogWaiting(context: TurnContext): Promise<boolean> {
    const state = await this.dialogState.get(context);
    return (state?.dialogStack?.length ?? 0) > 0;
  }
}
