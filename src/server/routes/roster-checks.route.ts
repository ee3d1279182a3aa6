/** 组织设置检查: the township report of the four organization checks, as JSON and as .xlsx. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ALL_ROLES } from '../../domain/access';
import type { ServiceContext } from '../../services/context';
import { orgCheckReport, orgCheckReportXlsx } from '../../services/roster/org-checks.service';
import { XLSX_MIME } from '../../services/roster/roster-xlsx';
import { actorOf } from '../access';

export const orgCheckFindingSchema = z.object({
  check: z.enum(['branchCommittee', 'branchSize', 'villageFullMembers', 'awayNotTransferred']),
  checkLabel: z.string(),
  ruleId: z.string(),
  level: z.enum(['error', 'warning']),
  orgId: z.number().int(),
  orgName: z.string(),
  personId: z.number().int().nullable(),
  message: z.string(),
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  citation: z.string(),
});

const querySchema = z.object({ orgId: z.coerce.number().int().positive().optional() });

export function rosterChecksRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  const read = { roles: ALL_ROLES, scope: 'caller' } as const;
  return async (app) => {
    app.get(
      '/api/roster/checks',
      {
        config: { access: read },
        schema: {
          summary:
            '组织设置检查：支委会设置、党支部人数、村正式党员人数、外出未转组织关系（管辖范围内）',
          querystring: querySchema,
          response: {
            200: z.object({
              scopeName: z.string(),
              asOf: z.string(),
              summary: z.array(
                z.object({ check: z.string(), label: z.string(), count: z.number().int() }),
              ),
              findings: z.array(orgCheckFindingSchema),
            }),
          },
        },
      },
      async (request) => orgCheckReport(ctx, actorOf(request), request.query.orgId),
    );

    app.get(
      '/api/roster/checks/export',
      {
        config: { access: read },
        schema: {
          summary: '导出组织设置检查（.xlsx）',
          querystring: querySchema,
          response: { 200: z.unknown().describe('二进制文件（.xlsx）') },
        },
      },
      async (request, reply) => {
        const report = await orgCheckReport(ctx, actorOf(request), request.query.orgId);
        const name = `${report.scopeName}组织设置检查.xlsx`;
        return reply
          .type(XLSX_MIME)
          .header(
            'content-disposition',
            `attachment; filename="org-checks.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
          )
          .send(await orgCheckReportXlsx(report));
      },
    );
  };
}
