/**
 * 党员花名册 .xlsx routes: the template, the export of the roster in scope, and the import
 * (preview, then all-or-nothing commit). The file travels as base64 in JSON so every route keeps
 * a zod body schema; the body limit leaves room for the 20 MB file cap plus base64's third.
 * The previewed file is kept on disk under a token (import-uploads.ts) and streamed again by the
 * commit; nothing parsed stays in memory between the two requests.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ADMIN_ROLES, ALL_ROLES } from '../../domain/access';
import type { ServiceContext } from '../../services/context';
import { discardUpload, keepUpload, keptUploadPath } from '../../services/roster/import-uploads';
import {
  commitRosterImport,
  IMPORT_MAX_BYTES,
  previewRosterImport,
  tooLarge,
} from '../../services/roster/roster-import';
import { exportRosterXlsx, rosterTemplateXlsx, XLSX_MIME } from '../../services/roster/roster-xlsx';
import { actorOf } from '../access';
import { rosterQueryOf, rosterQuerySchema } from './roster.route';

const fileSchema = z.unknown().describe('二进制文件（.xlsx）');
const uploadSchema = z.object({
  fileName: z.string().max(200),
  /** The .xlsx file, base64. */
  contentBase64: z.string().min(1, '请选择文件'),
});
const tokenSchema = z.object({
  /** From the preview of the same file. */
  token: z.string().max(100),
});

/** An upload over the body limit is refused by Fastify before the service sees it: name the cap. */
function bodyTooLarge(error: FastifyError): void {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    const e = tooLarge(IMPORT_MAX_BYTES + 1);
    e.message = `上传的文件超过上限 ${IMPORT_MAX_BYTES / 1024 / 1024} MB`;
    throw e;
  }
  throw error;
}

function decodeUpload(contentBase64: string): Buffer {
  // base64 is 4 characters for 3 bytes: refuse before decoding a file over the cap.
  const size = Math.floor((contentBase64.length * 3) / 4);
  if (size > IMPORT_MAX_BYTES + 2) {
    throw tooLarge(size);
  }
  return Buffer.from(contentBase64, 'base64');
}

function attachment(filename: string): string {
  return `attachment; filename="roster.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export interface RosterXlsxRouteOptions {
  /** Where previewed uploads wait for their commit: the data directory's tmp folder. */
  uploadDir?: string | undefined;
}

export function rosterXlsxRoutes(
  ctx: ServiceContext,
  options: RosterXlsxRouteOptions = {},
): FastifyPluginAsyncZod {
  const uploadDir = options.uploadDir ?? join(tmpdir(), 'zugong-uploads');
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
        errorHandler: bodyTooLarge,
        config: { access: importAccess },
        schema: {
          summary:
            '导入预览：逐行校验，列出新增、更新、无变化和错误（前 1000 处及总数），不写入；没有错误时返回确认导入用的令牌',
          body: uploadSchema,
          response: {
            200: z.object({
              fileRows: z.number().int(),
              created: z.number().int(),
              updated: z.number().int(),
              unchanged: z.number().int(),
              problemCount: z.number().int(),
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
              /** Pass to POST /api/roster/import within 30 minutes; null when there is nothing to import. */
              token: z.string().nullable(),
            }),
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const bytes = decodeUpload(request.body.contentBase64);
        const kept = await keepUpload(uploadDir, actor, bytes, ctx.now());
        try {
          const preview = await previewRosterImport(ctx, actor, { path: kept.path });
          const usable = preview.problemCount === 0 && preview.created + preview.updated > 0;
          if (!usable) {
            await discardUpload(kept.path);
          }
          return { ...preview, token: usable ? kept.token : null };
        } catch (e) {
          await discardUpload(kept.path);
          throw e;
        }
      },
    );

    app.post(
      '/api/roster/import',
      {
        bodyLimit,
        errorHandler: bodyTooLarge,
        config: { access: importAccess },
        schema: {
          summary:
            '导入花名册：用预览返回的令牌（或再次上传文件），一次读完并在一个事务中写入；任何一行有错误则什么也不写',
          body: z.union([tokenSchema, uploadSchema]),
          response: {
            200: z.object({
              created: z.number().int(),
              updated: z.number().int(),
              unchanged: z.number().int(),
            }),
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const body = request.body;
        if ('token' in body) {
          const path = await keptUploadPath(uploadDir, actor, body.token, ctx.now());
          try {
            return await commitRosterImport(ctx, actor, { path });
          } finally {
            await discardUpload(path);
          }
        }
        return commitRosterImport(ctx, actor, decodeUpload(body.contentBase64));
      },
    );
  };
}
