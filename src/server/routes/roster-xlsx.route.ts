/**
 * 党员花名册 .xlsx routes: the template, the export of the roster in scope, and the import
 * (preview, then all-or-nothing commit). The file travels as base64 in JSON so every route keeps
 * a zod body schema; the body limit leaves room for the 20 MB file cap plus base64's third.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ADMIN_ROLES, ALL_ROLES } from '../../domain/access';
import type { ServiceContext } from '../../services/context';
import {
  commitRosterImport,
  exportRosterXlsx,
  IMPORT_MAX_BYTES,
  previewRosterImport,
  rosterTemplateXlsx,
  XLSX_MIME,
} from '../../services/roster/roster-xlsx';
import { actorOf } from '../access';
import { rosterQueryOf, rosterQuerySchema } from './roster.route';

const fileSchema = z.unknown().describe('二进制文件（.xlsx）');
const uploadSchema = z.object({
  fileName: z.string().max(200),
  /** The .xlsx file, base64. */
  contentBase64: z.string().min(1, '请选择文件'),
});

function attachment(filename: string): string {
  return `attachment; filename="roster.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function rosterXlsxRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  const importAccess = { roles: ADMIN_ROLES, scope: 'caller' } as const;
  const bodyLimit = Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 1024 * 1024;

  return async (app) => {
    app.get(
      '/api/roster/template',
      {
        config: { access: { roles: ALL_ROLES, scope: 'none' } },
        schema: { summary: '党员花名册导入模板（.xlsx）', response: { 200: fileSchema } },
      },
      async (_request, reply) =>
        reply
          .type(XLSX_MIME)
          .header('content-disposition', attachment('党员花名册模板.xlsx'))
          .send(await rosterTemplateXlsx()),
    );

    app.get(
      '/api/roster/export',
      {
        config: { access: { roles: ALL_ROLES, scope: 'caller' } },
        schema: {
          summary: '导出管辖范围内的党员花名册（.xlsx；身份证号脱敏，有权限者可要求完整号码）',
          querystring: rosterQuerySchema.extend({
            revealIdNumbers: z
              .enum(['true', 'false'])
              .optional()
              .transform((v) => v === 'true'),
          }),
          response: { 200: fileSchema },
        },
      },
      async (request, reply) => {
        const { revealIdNumbers, ...query } = request.query;
        const file = await exportRosterXlsx(ctx, actorOf(request), rosterQueryOf(query), {
          revealIdNumbers,
        });
        return reply
          .type(XLSX_MIME)
          .header('content-disposition', attachment('党员花名册.xlsx'))
          .send(file.buffer);
      },
    );

    const problemSchema = z.object({
      row: z.number().int(),
      column: z.string(),
      value: z.string(),
      message: z.string(),
    });

    app.post(
      '/api/roster/import/preview',
      {
        bodyLimit,
        config: { access: importAccess },
        schema: {
          summary: '导入预览：逐行校验，列出新增、更新、无变化和每一处错误，不写入',
          body: uploadSchema,
          response: {
            200: z.object({
              fileRows: z.number().int(),
              created: z.number().int(),
              updated: z.number().int(),
              unchanged: z.number().int(),
              problems: z.array(problemSchema),
              rows: z.array(
                z.object({
                  row: z.number().int(),
                  action: z.enum(['create', 'update', 'unchanged']),
                  name: z.string(),
                  idNumberMasked: z.string(),
                  orgName: z.string(),
                  statusLabel: z.string(),
                  changes: z.array(z.string()),
                }),
              ),
            }),
          },
        },
      },
      async (request) =>
        previewRosterImport(
          ctx,
          actorOf(request),
          Buffer.from(request.body.contentBase64, 'base64'),
        ),
    );

    app.post(
      '/api/roster/import',
      {
        bodyLimit,
        config: { access: importAccess },
        schema: {
          summary: '导入花名册：全部通过校验才写入，任何一行有错误则什么也不写',
          body: uploadSchema,
          response: {
            200: z.object({
              created: z.number().int(),
              updated: z.number().int(),
              unchanged: z.number().int(),
            }),
          },
        },
      },
      async (request) =>
        commitRosterImport(
          ctx,
          actorOf(request),
          Buffer.from(request.body.contentBase64, 'base64'),
        ),
    );
  };
}
