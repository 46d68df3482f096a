/**
 * Admin API for privacy (bearer ADMIN_TOKEN), every request audited:
 *   GET    /api/admin/customers?channelId=…&userId=…    → {"items": [{customerId, identities, createdAt, updatedAt}]} (empty when none)
 *   GET    /api/admin/customers/:customerId/export      → everything held about the customer (404 unknown or erased, 409 merged away)
 *   DELETE /api/admin/customers/:customerId             → erase / anonymise it all → {customerId, mergedCustomers, erased}
 *   GET    /api/admin/audit?customerId=&limit=          → {"items": [{at, actor, action, customerId?, route, status}]}, newest first
 */
import type { Request, Server } from 'restify';
import { z } from 'zod';
import { IdentityError, LockTimeoutError } from '../services/customers';
import type { Logger } from '../platform/logger';
import type { AuditLog } from '../services/privacy/auditLog';
import { CustomerDataDeps, CustomerMergedError, CustomerNotFoundError, exportCustomer } from '../services/privacy/customerExport';
import { ErasureDeps, eraseCustomer } from '../services/privacy/customerErasure';
import { auditCustomer } from './adminAudit';
import { adminRoute } from './adminRoutes';
import { HttpError, queryObject, sendJson } from '../platform/http';

export interface PrivacyAdminDeps {
  adminToken?: string;
  logger: Logger;
  audit: AuditLog;
  privacy: ErasureDeps & CustomerDataDeps;
}

const ID = /^[\w-]{1,64}$/;
const lookupQuery = z.object({ channelId: z.string().trim().min(1).max(64), userId: z.string().trim().min(1).max(256) }).strict();
const auditQuery = z
  .object({
    customerId: z.string().regex(ID, 'not a customer id').optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

function parsed<S extends z.ZodTypeAny>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new HttpError(400, 'invalid_query', `${issue.path.join('.') || 'query'}: ${issue.message}`);
}

function customerIdParam(req: Request): string {
  const id = String(req.params.customerId ?? '');
  if (!ID.test(id)) throw new HttpError(400, 'invalid_id', 'customerId is not valid');
  return id;
}

function privacyError(err: unknown): never {
  if (err instanceof CustomerNotFoundError) throw new HttpError(404, 'not_found', err.message);
  if (err instanceof CustomerMergedError) throw new HttpError(409, 'merged', err.message);
  if (err instanceof LockTimeoutError) throw new HttpError(503, 'busy', 'the customer is in a conversation that does not end; try again');
  throw err;
}

export function registerPrivacyAdminRoutes(server: Server, deps: PrivacyAdminDeps): void {
  const { directory } = deps.privacy;

  server.get(
    '/api/admin/customers',
    adminRoute(deps, async (req, res) => {
      const identity = parsed(lookupQuery, queryObject(req));
      let customerId: string | undefined;
      try {
        customerId = await directory.find(identity);
      } catch (err) {
        if (err instanceof IdentityError) throw new HttpError(400, 'invalid_query', err.message);
        throw err;
      }
      const customer = customerId ? await directory.get(customerId) : null;
      auditCustomer(req, customer?._id);
      const items = customer ? [{ customerId: customer._id, identities: customer.identities, createdAt: customer.createdAt, updatedAt: customer.updatedAt }] : [];
      sendJson(res, 200, { items });
    }),
  );

  server.get(
    '/api/admin/customers/:customerId/export',
    adminRoute(deps, async (req, res) => {
      const document = await exportCustomer(deps.privacy, customerIdParam(req)).catch(privacyError);
      res.setHeader('Content-Disposition', `attachment; filename="customer-${document.customerId as string}.json"`);
      sendJson(res, 200, document);
    }),
  );

  server.del(
    '/api/admin/customers/:customerId',
    adminRoute(deps, async (req, res) => {
      const report = await eraseCustomer(deps.privacy, customerIdParam(req)).catch(privacyError);
      deps.logger.info({ customerId: report.customerId, merged: report.mergedCustomers.length, erased: report.erased }, 'customer erased');
      sendJson(res, 200, report);
    }),
  );

  server.get(
    '/api/admin/audit',
    adminRoute(deps, async (req, res) => {
      const filter = parsed(auditQuery, queryObject(req));
      sendJson(res, 200, { items: await deps.audit.list(filter) });
    }),
  );
}
