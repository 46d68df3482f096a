/**
 * POST /api/voice/twilio, the number's "A call comes in" webhook and the action of every <Gather> after
 * it. The form body is checked against X-Twilio-Signature (twilio's validateRequest over VOICE_PUBLIC_URL
 * + the path and query Twilio called) before anything is read from it: 403 when it does not match, 400
 * when a signed request is malformed. The answer is always TwiML: a greeting at the start, the bot's
 * replies for what was said or pressed, a re-prompt after silence (twice: goodbye), and a transfer to
 * the human line when the bot handed the caller to a person.
 */
import type { Activity, TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import { validateRequest } from 'twilio/lib/webhooks/webhooks';
import { TurnHandler, turnOutcomeOf } from '../../dialogs/turn/turnContracts';
import { HttpError, queryObject, readRawBody, route } from '../../platform/http';
import type { Logger } from '../../platform/logger';
import type { VerifiedIdentities } from '../../services/customers/verifiedIdentities';
import type { VoiceCall, VoiceCalls } from './callState';
import type { VoiceLanguage, VoiceSettings } from './config';
import type { EarLanguage } from './earText';
import { choicesLine, own, render, SpokenLine } from './render';
import { VOICE_TEXT } from './text';
import { Caller, callerOf, inputOf, toActivity, twilioParamsSchema, TwilioParams, VOICE_CHANNEL_ID, voiceQuerySchema } from './toActivity';
import { dial, goodbye, listen, TWIML_LANGUAGE } from './twiml';
import type { VoiceAdapter } from './voiceAdapter';

export const VOICE_PATH = '/api/voice/twilio';
const MAX_BODY_BYTES = 64 * 1024;
/** silent Gathers in a row before the call is ended */
const MAX_SILENCES = 2;

export interface VoiceRouteDeps extends VoiceSettings {
  adapter: VoiceAdapter;
  bot: TurnHandler;
  verified: Pick<VerifiedIdentities, 'attach'>;
  calls: VoiceCalls;
  /** the store's keyed hash: a caller's number becomes the user id the bot sees through it */
  keyedHash: (text: string) => string;
  logger: Logger;
  now?: () => number;
}

const ear = (language: VoiceLanguage): EarLanguage => (language === 'en-US' ? 'en' : 'zh');
const other = (lang: EarLanguage): EarLanguage => (lang === 'zh' ? 'en' : 'zh');

interface Turn {
  params: TwilioParams;
  caller: Caller;
  call?: VoiceCall;
  lang: EarLanguage;
}

export function voiceRoute(deps: VoiceRouteDeps): (req: Request, res: Response) => Promise<void> {
  const { adapter, bot, calls, logger } = deps;
  const now = deps.now ?? Date.now;
  const actionUrl = (lang: EarLanguage, silence = false) => `${deps.publicUrl}${VOICE_PATH}?language=${TWIML_LANGUAGE[lang]}${silence ? '&event=silence' : ''}`;

  /** Speaks `lines`, then listens; the call remembers the choices read and the language. */
  const listenAfter = async (turn: Turn, lines: SpokenLine[], lang: EarLanguage, choices: string[], more: { silences?: number; menu?: boolean } = {}): Promise<string> => {
    await calls.save(turn.params.CallSid, { language: TWIML_LANGUAGE[lang], choices, silences: more.silences ?? 0 });
    // one key is a whole answer when keys mean choices (or the greeting's 0 and 9); else digits end with #
    return listen(lines, { lang, action: actionUrl(lang), onSilence: actionUrl(lang, true), singleKey: choices.length > 0 || more.menu === true });
  };

  const repeatChoices = (turn: Turn): SpokenLine[] => (turn.call?.choices.length ? [choicesLine(turn.call.choices, turn.lang)] : []);

  const greet = (turn: Turn, lang: EarLanguage) =>
    listenAfter(turn, [own(VOICE_TEXT.greeting, lang), own(VOICE_TEXT.switchLanguage, other(lang))], lang, [], { menu: true });

  /** One bot turn for what the caller said or chose; `toPerson`: they asked for a person with a key. */
  const runTurn = async (turn: Turn, text: string, toPerson = false): Promise<string> => {
    const activity: Partial<Activity> = toActivity(text, { callSid: turn.params.CallSid, caller: turn.caller, language: TWIML_LANGUAGE[turn.lang], at: new Date(now()) });
    let outcome: ReturnType<typeof turnOutcomeOf>;
    const replies = await adapter.processActivity(activity, async (ctx: TurnContext) => {
      await bot.run(ctx);
      outcome = turnOutcomeOf(ctx);
    });
    const spoken = render(replies, turn.lang);
    const lang = spoken.lang ?? turn.lang;
    // the bot handed the caller to a person this turn, or a person already has them and the bot kept quiet
    const handedOff = toPerson || outcome?.handoffReason !== undefined || (outcome?.interceptedBy === 'handoffGate' && spoken.lines.length === 0);
    if (handedOff) {
      const said = spoken.lines.filter((l) => l.kind !== 'choices');
      if (deps.humanNumber) return dial([...said, own(VOICE_TEXT.transferring, lang)], deps.humanNumber);
      return goodbye([...said, own(VOICE_TEXT.noHumanLine, lang)]);
    }
    const lines = spoken.lines.length > 0 ? spoken.lines : [own(VOICE_TEXT.stillThere, lang)];
    return listenAfter(turn, lines, lang, spoken.choices);
  };

  const onKeys = (turn: Turn, digits: string): Promise<string> => {
    const choices = turn.call?.choices ?? [];
    const picked = /^[1-9]$/.test(digits) ? choices[Number(digits) - 1] : undefined;
    if (picked !== undefined) return runTurn(turn, picked);
    if (digits === '0') return runTurn(turn, VOICE_TEXT.human[turn.lang], true);
    if (digits === '9') return greet(turn, other(turn.lang));
    // an order number keyed in and ended with #
    if (/^\d{2,}$/.test(digits)) return runTurn(turn, digits);
    return listenAfter(turn, [own(VOICE_TEXT.noSuchKey, turn.lang), ...repeatChoices(turn)], turn.lang, choices);
  };

  const answer = async (turn: Turn, event: 'silence' | undefined): Promise<string> => {
    const { params, call, lang } = turn;
    const input = inputOf(params, event);
    switch (input.kind) {
      case 'start':
        return greet(turn, lang);
      case 'silence': {
        const silences = (call?.silences ?? 0) + 1;
        if (silences >= MAX_SILENCES) return goodbye([own(VOICE_TEXT.goodbye, lang)]);
        return listenAfter(turn, [own(VOICE_TEXT.stillThere, lang), ...repeatChoices(turn)], lang, call?.choices ?? [], { silences });
      }
      case 'notHeard':
        return listenAfter(turn, [own(VOICE_TEXT.notHeard, lang), ...repeatChoices(turn)], lang, call?.choices ?? []);
      case 'keys':
        return onKeys(turn, input.digits);
      case 'speech':
        return runTurn(turn, input.text);
    }
  };

  return route(
    async (req, res) => {
      const type = String(req.headers['content-type'] ?? '').toLowerCase();
      if (!type.startsWith('application/x-www-form-urlencoded')) {
        req.resume();
        throw new HttpError(400, 'unsupported_content_type', 'Content-Type must be application/x-www-form-urlencoded');
      }
      const raw = await readRawBody(req, MAX_BODY_BYTES);
      const form = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
      const signature = req.headers['x-twilio-signature'];
      if (typeof signature !== 'string' || !validateRequest(deps.authToken, signature, deps.publicUrl + (req.url ?? ''), form)) {
        throw new HttpError(403, 'bad_signature', 'X-Twilio-Signature does not match this request');
      }
      const params = twilioParamsSchema.safeParse(form);
      if (!params.success) throw new HttpError(400, 'invalid_request', describe(params.error.issues));
      const query = voiceQuerySchema.safeParse(queryObject(req));
      if (!query.success) throw new HttpError(400, 'invalid_query', describe(query.error.issues));
      const callSid = params.data.CallSid;
      let twiml: string;
      try {
        const call = await calls.get(callSid);
        const caller = callerOf(params.data, deps.keyedHash);
        // the first request of a call: the number Twilio signed for proves the caller's phone
        if (!call && caller.phone) await deps.verified.attach({ channelId: VOICE_CHANNEL_ID, userId: caller.userId }, { kind: 'phone', value: caller.phone });
        const lang = ear(query.data.language ?? call?.language ?? deps.language);
        twiml = await answer({ params: params.data, caller, call, lang }, query.data.event);
      } catch (err) {
        const e = err as Error;
        logger.error({ err: { name: e.name, message: e.message, stack: e.stack }, callSid }, 'voice request failed');
        twiml = goodbye([own(VOICE_TEXT.failed, ear(query.data.language ?? deps.language))]);
      }
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': Buffer.byteLength(twiml) });
      res.end(twiml);
    },
    (err) => logger.error({ err }, 'voice webhook failed'),
  );
}

function describe(issues: { path: (string | number)[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
    .join('; ');
}
