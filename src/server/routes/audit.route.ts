import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ADMIN_ROLES } from '../../domain/access';
import { listAuditEntries } from '../../services/audit.service';
import { auditActionLabel, describeAuditEntry } from '../../services/audit-labels';
import type { ServiceContext } from '../../services/context';
import { actorOf } from '../access';

export function auditRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/audit',
      {
        // Supervision reads the trail: administrators and 巡察/督查, each within scope.
        config: { access: { roles: [...ADMIN_ROLES, 'inspector'], scope: 'caller' } },
        schema: {
          summary: '审计日志（管辖范围内，最新在前）',
          querystring: z.object({
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(200).default(20),
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  seq: z.number().int(),
                  at: z.string(),
                  actorName: z.string(),
                  action: z.string(),
                  actionLabel: z.string(),
                  entityType: z.string(),
                  entityId: z.string(),
                  summary: z.string(),
                }),
              ),
              total: z.number().int(),
            }),
          },
        },
      },
      async (request) => {
        const { page, pageSize } = request.query;
        const result = await listAuditEntries(ctx.db, actorOf(request).scopePath, page, pageSize);
        return {
          total: result.total,
          items: result.items.map((e) => ({
            seq: e.seq,
            at: e.at,
            actorName: e.actorName,
            action: e.action,
            actionLabel: auditActionLabel(e.action),
            entityType: e.entityType,
            entityId: e.entityId,
            summary: describeAuditEntry(e),
          })),
        };
      },
    );
  };
}
