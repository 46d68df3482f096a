/**
 * POST /api/miniprogram/login — called by the Mini Program (or its backend) with the codes of wx.login
 * and, when the customer pressed the phone button (open-type="getPhoneNumber"), its code:
 * `{"code", "phoneCode"?}`. WeChat's servers turn the codes into the openid (and unionid) and a phone
 * number it verified; those proofs join the Mini Program customer with the same person elsewhere (the
 * Official Account by unionid, a phone call or another channel by phone) before any turn runs.
 * Answers `{"linked": ["unionid", "phone"]}` (what was joined) and never the openid or the number.
 * A code WeChat refuses is a 400 naming WeChat's errcode; WeChat unreachable is a 502.
 */
import type { Request, Response } from 'restify';
import { z } from 'zod';
import { HttpError, readJsonObject, route, sendJson } from '../../platform/http';
import type { Logger } from '../../platform/logger';
import { MiniProgramApi, MiniProgramApiError } from './miniProgramApi';
import type { IdentityLinker } from './route';
import { MINIPROGRAM_CHANNEL_ID } from './toActivity';

export const MINIPROGRAM_LOGIN_PATH = '/api/miniprogram/login';

const CODE = z.string().trim().min(1).max(256).regex(/^[A-Za-z0-9_-]+$/, 'must be the code WeChat gave the Mini Program');
const loginBody = z.object({ code: CODE, phoneCode: CODE.optional() }).strict();

/** WeChat's answers to a bad code, as the caller should see them. */
const CODE_ERRORS: Record<number, { status: number; code: string; message: string }> = {
  40029: { status: 400, code: 'invalid_code', message: 'the code is invalid (WeChat errcode 40029)' },
  40163: { status: 400, code: 'code_used', message: 'the code was already used (WeChat errcode 40163)' },
  45011: { status: 429, code: 'rate_limited', message: 'WeChat limits logins of this user for now (errcode 45011)' },
  40226: { status: 403, code: 'risky_user', message: 'WeChat blocked this login as high-risk (errcode 40226)' },
};

export function miniProgramLogin(deps: { api: Pick<MiniProgramApi, 'codeToSession' | 'phoneNumber'>; verified: IdentityLinker; logger: Logger }): (req: Request, res: Response) => Promise<void> {
  const wechat = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (err) {
      if (err instanceof MiniProgramApiError) {
        const known = CODE_ERRORS[err.errcode];
        if (known) throw new HttpError(known.status, known.code, known.message);
        throw new HttpError(400, `wechat_${err.errcode}`, `WeChat refused the code (errcode ${err.errcode})`);
      }
      deps.logger.warn({ err: { name: (err as Error).name } }, 'Mini Program login could not reach WeChat');
      throw new HttpError(502, 'wechat_unreachable', 'WeChat could not be reached; try again');
    }
  };

  return route(
    async (req, res) => {
      const parsed = loginBody.safeParse(await readJsonObject(req, 4096));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new HttpError(400, 'invalid_body', `${issue.path.join('.') || 'body'}: ${issue.message}`);
      }
      const { code, phoneCode } = parsed.data;
      const session = await wechat(() => deps.api.codeToSession(code));
      const identity = { channelId: MINIPROGRAM_CHANNEL_ID, userId: session.openid };
      const linked: ('unionid' | 'phone')[] = [];
      const link = async (kind: 'unionid' | 'phone', value: string) => {
        try {
          await deps.verified.attach(identity, { kind, value });
        } catch (err) {
          // WeChat returned something that is not a usable proof (a malformed number)
          if ((err as Error).name === 'ProofError') throw new HttpError(400, `unusable_${kind}`, `WeChat's ${kind} could not be used`);
          throw err;
        }
        linked.push(kind);
      };
      if (session.unionid) await link('unionid', session.unionid);
      if (phoneCode) await link('phone', await wechat(() => deps.api.phoneNumber(phoneCode)));
      sendJson(res, 200, { linked });
    },
    (err) => deps.logger.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'Mini Program login failed'),
  );
}
