/**
 * The learning loop's admin API (admin session or ADMIN_TOKEN, through StaffAuth):
 *   GET  /api/admin/review?status=pending|accepted|rejected&reason=…&limit=…  → {items: [{id, text, predicted, confidence, reason, status, intent?, count, updatedAt}], intents}
 *   POST /api/admin/review/:id/label   {intent}   → the item (intent must be one the model knows)
 *   POST /api/admin/review/:id/accept  {intent?}  → the item, now training data (409 `unlabelled` without a label)
 *   POST /api/admin/review/:id/reject             → the item
 *   POST /api/admin/nlu/retrain   → {before: {accuracy, n, …}, after: {…}, examples, ms, heldBack} (409 `busy` while one runs)
 *   GET  /api/admin/unanswered    → {groups: [{size, examples, suggestedQuestion, words, ids}], threshold}
 *   POST /api/admin/faq  {question, answer, language?, keywords?, topic?} → 201 {id}; answered from the next message on
 * Customer text leaves here only in JSON bodies; it is never logged.
 */
import crypto from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { INTENTS, type Intent } from '../nlu/types';
import type { NluReviewDoc, ReviewQueue } from '../nlu/review/reviewQueue';
import { REVIEW_REASONS, REVIEW_STATUSES } from '../nlu/review/reviewQueue';
import { RetrainBusyError, type IntentRetrainer } from '../nlu/review/retrainer';
import { DEFAULT_THRESHOLD, groupQuestions } from '../nlu/review/questionGroups';
import type { FaqEntry, Lang } from '../knowledge/types';
import type { Logger } from '../platform/logger';
import { HttpError, queryObject, readJsonObject, route, sendJson } from '../platform/http';
import type { StaffPrincipal, StaffRole } from './staffAuth';

export interface ReviewRouteDeps {
  auth: { require(req: Request, roles: StaffRole[]): Promise<StaffPrincipal> };
  review: ReviewQueue;
  /** absent when the app runs without the local model (a stand-in recognizer): retrain answers 503 */
  retrainer?: IntentRetrainer;
  knowledge: {
    upsertFaqs(entries: FaqEntry[]): Promise<unknown>;
    /** how well the FAQ answers a question now (0..1): grouped questions it answers drop out */
    faqConfidence(question: string): number;
  };
  /** FAQ confidence from which a question counts as answered (KB_FAQ_MIN_CONFIDENCE) */
  faqMinConfidence: number;
  logger: Logger;
}

const listQuery = z
  .object({
    status: z.enum(REVIEW_STATUSES as [string, ...string[]]).optional(),
    reason: z.enum(REVIEW_REASONS as [string, ...string[]]).optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .strict();
const intentField = z.enum(INTENTS as unknown as [Intent, ...Intent[]], { message: `must be one of: ${INTENTS.join(', ')}` });
const labelBody = z.object({ intent: intentField }).strict();
const acceptBody = z.object({ intent: intentField.optional() }).strict();
const text = (max: number) => z.string().trim().min(1).max(max);
const faqBody = z
  .object({
    question: text(200),
    answer: text(2000),
    language: z.enum(['zh', 'en']).optional(),
    keywords: z.array(text(40)).max(20).optional(),
    topic: z.string().trim().regex(/^[a-z_]{1,32}$/, 'lowercase letters and _ only').optional(),
  })
  .strict();
const UNANSWERED_LIMIT = 500;

function parsed<T>(schema: z.ZodType<T>, value: unknown, code = 'invalid_body'): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new HttpError(400, code, `${r.error.issues[0].path.join('.') || 'body'}: ${r.error.issues[0].message}`);
  return r.data;
}

async function optionalBody(req: Request): Promise<Record<string, unknown>> {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody) return readJsonObject(req, 8 * 1024);
  req.resume();
  return {};
}

function idParam(req: Request): string {
  const id = String(req.params?.id ?? '');
  if (!/^[\w-]{8,64}$/.test(id)) throw new HttpError(400, 'invalid_id', 'id is not a review item id');
  return id;
}

function item(doc: NluReviewDoc) {
  return {
    id: doc._id,
    text: doc.text,
    predicted: doc.predicted,
    confidence: doc.confidence,
    reason: doc.reason,
    status: doc.status,
    ...(doc.intent ? { intent: doc.intent } : {}),
    count: doc.count,
    updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}

function found<T>(doc: T | undefined): T {
  if (!doc) throw new HttpError(404, 'not_found', 'no such review item');
  return doc;
}

/** han characters → zh, else en: the FAQ's language when the admin did not say */
function languageOf(question: string): Lang {
  return /\p{Script=Han}/u.test(question) ? 'zh' : 'en';
}

export function registerReviewRoutes(server: Server, deps: ReviewRouteDeps): void {
  const onError = (err: unknown) => deps.logger.error({ err }, 'review request failed');
  type Handler = (req: Request, res: Response, principal: StaffPrincipal) => Promise<void>;
  /** admin only (every /api/admin/* request is audited in one place: adminAudit.ts) */
  const admin = (handler: Handler) =>
    route(async (req, res) => {
      const principal = await deps.auth.require(req, ['admin']);
      await handler(req, res, principal);
    }, onError);

  server.get(
    '/api/admin/review',
    admin(async (req, res) => {
      const q = parsed(listQuery, queryObject(req), 'invalid_query');
      const rows = await deps.review.list({ status: q.status as never, reason: q.reason as never, limit: q.limit });
      sendJson(res, 200, { items: rows.map(item), intents: INTENTS });
    }),
  );

  server.post(
    '/api/admin/review/:id/label',
    admin(async (req, res) => {
      const id = idParam(req);
      const { intent } = parsed(labelBody, await readJsonObject(req, 8 * 1024));
      sendJson(res, 200, item(found(await deps.review.label(id, intent))));
    }),
  );

  server.post(
    '/api/admin/review/:id/accept',
    admin(async (req, res) => {
      const id = idParam(req);
      const { intent } = parsed(acceptBody, await optionalBody(req));
      const done = await deps.review.accept(id, intent);
      if (done === 'unlabelled') throw new HttpError(409, 'unlabelled', 'label the intent first (or send {"intent"})');
      sendJson(res, 200, item(found(done)));
    }),
  );

  server.post(
    '/api/admin/review/:id/reject',
    admin(async (req, res) => {
      const id = idParam(req);
      await optionalBody(req);
      sendJson(res, 200, item(found(await deps.review.reject(id))));
    }),
  );

  server.post(
    '/api/admin/nlu/retrain',
    admin(async (req, res) => {
      await optionalBody(req);
      if (!deps.retrainer) throw new HttpError(503, 'nlu_unavailable', 'this app runs without the local intent model');
      try {
        sendJson(res, 200, await deps.retrainer.retrain());
      } catch (err) {
        if (err instanceof RetrainBusyError) throw new HttpError(409, 'busy', err.message);
        throw err;
      }
    }),
  );

  server.get(
    '/api/admin/unanswered',
    admin(async (_req, res) => {
      const pending = await deps.review.list({ status: 'pending', limit: UNANSWERED_LIMIT });
      // a question the FAQ now answers (someone wrote the entry) is no longer missing
      const open = pending.filter((r) => deps.knowledge.faqConfidence(r.text) < deps.faqMinConfidence);
      const groups = groupQuestions(open.map((r) => ({ id: r._id, text: r.text, count: r.count })));
      sendJson(res, 200, { groups, threshold: DEFAULT_THRESHOLD });
    }),
  );

  server.post(
    '/api/admin/faq',
    admin(async (req, res) => {
      const body = parsed(faqBody, await readJsonObject(req, 16 * 1024));
      const id = `faq-admin-${crypto.randomBytes(6).toString('hex')}`;
      const entry: FaqEntry = {
        _id: id,
        topic: body.topic ?? 'custom',
        lang: body.language ?? languageOf(body.question),
        question: body.question,
        ...(body.keywords?.length ? { variants: body.keywords } : {}),
        answer: body.answer,
      };
      await deps.knowledge.upsertFaqs([entry]);
      deps.logger.info({ faqId: id }, 'faq entry added from the review page');
      sendJson(res, 201, { id });
    }),
  );
}
