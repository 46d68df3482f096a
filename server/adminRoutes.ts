/**
 * Admin API (bearer ADMIN_TOKEN): customers and identity links; export, erase and the audit log are in
 * privacyAdminRoutes.ts. Other areas add their admin routes beside these, through `adminRoute`, which
 * writes an audit entry for every request (failed authentications included).
 */
import type { Server } from 'restify';
import { z } from 'zod';
import type { CustomerDirectory } from '../services/customers/customerDirectory';
import { IdentityError } from '../services/customers/customerDirectory';
import type { Logger } from '../platform/logger';
import type { AuditLog } from '../services/privacy/auditLog';
import { auditAuthorized, auditCustomer, auditEntryOf } from './adminAudit';
import { HttpError, readJsonObject, requireBearer, route, sendJson } from '../platform/http';

const identity = z.object({ channelId: z.string().trim().min(1).max(64), userId: z.string().trim().min(1).max(256) }).strict();
const linkBody = z.object({ a: identity, b: identity }).strict();

export interface AdminDeps {
  adminToken?: string;
  directory: CustomerDirectory;
  logger: Logger;
  audit: AuditLog;
}

/** Wraps an admin handler with the bearer check, the JSON error boundary and the audit entry. */
export function adminRoute(deps: Pick<AdminDeps, 'adminToken' | 'logger' | 'audit'>, handler: Parameters<typeof route>[0]) {
  const guarded = route(
    async (req, res) => {
      requireBearer(req, deps.adminToken, 'the admin API');
      auditAuthorized(req);
      await handler(req, res);
    },
    (err) => deps.logger.error({ err }, 'admin request failed'),
  );
  return async (...[req, res]: Parameters<typeof guarded>) => {
    await guarded(req, res);
    // queued before the next request can arrive, so a following GET /api/admin/audit sees it
    void deps.audit.record(auditEntryOf(req, res.statusCode));
  };
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
