/**
 * Admin API (bearer ADMIN_TOKEN): customers and identity links; export, erase and the audit log are in
 * privacyAdminRoutes.ts. Every /api/admin/* request is audited in one place (adminAudit.ts,
 * registerAdminAudit), whichever wrapper its route uses; `adminRoute` only tells it the token was right.
 */
import type { Server } from 'restify';
import { z } from 'zod';
import type { CustomerDirectory } from '../services/customers/customerDirectory';
import { IdentityError } from '../services/customers/customerDirectory';
import type { Logger } from '../platform/logger';
import { auditAuthorized, auditCustomer } from './adminAudit';
import { HttpError, readJsonObject, requireBearer, route, sendJson } from '../platform/http';

const identity = z.object({ channelId: z.string().trim().min(1).max(64), userId: z.string().trim().min(1).max(256) }).strict();
const linkBody = z.object({ a: identity, b: identity }).strict();

export interface AdminDeps {
  adminToken?: string;
  directory: CustomerDirectory;
  logger: Logger;
}

/** Wraps an admin handler with the bearer check and the JSON error boundary (the audit entry: adminAudit.ts). */
export function adminRoute(deps: Pick<AdminDeps, 'adminToken' | 'logger'>, handler: Parameters<typeof route>[0]) {
  return route(
    async (req, res) => {
      requireBearer(req, deps.adminToken, 'the admin API');
      auditAuthorized(req);
      await handler(req, res);
    },
    (err) => deps.logger.error({ err }, 'admin request failed'),
  );
}

export function registerAdminRoutes(server: Server, deps: AdminDeps): void {
  server.post(
    '/api/admin/customers/link',
    adminRoute(deps, async (req, res) => {
      const parsed = linkBody.safeParse(await readJsonObject(req, 16 * 1024));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new HttpError(400, 'invalid_body', `${issue.path.join('.') || 'body'}: ${issue.message}`);
      }
      try {
        const customerId = await deps.directory.link(parsed.data.a, parsed.data.b);
        auditCustomer(req, customerId);
        sendJson(res, 200, { customerId });
      } catch (err) {
        if (err instanceof IdentityError) throw new HttpError(400, 'invalid_identity', err.message);
        throw err;
      }
    }),
  );

  server.get(
    '/api/admin/customers/:customerId',
    adminRoute(deps, async (req, res) => {
      const id = String(req.params.customerId ?? '');
      if (!/^[\w-]{1,64}$/.test(id)) throw new HttpError(400, 'invalid_id', 'customerId is not valid');
      const customer = await deps.directory.get(id);
      if (!customer) throw new HttpError(404, 'not_found', `no customer ${id}`);
      sendJson(res, 200, {
        customerId: customer._id,
        identities: customer.identities,
        createdAt: customer.createdAt,
        updatedAt: customer.updatedAt,
        ...(customer.mergedInto ? { mergedInto: customer.mergedInto } : {}),
      });
    }),
  );
}
