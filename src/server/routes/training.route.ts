/** 学习培训: training classes (轮训班), attendance per session, and certificates. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ALL_ROLES } from '../../domain/access';
import type { ServiceContext } from '../../services/context';
import { TRAINING_WRITE_ROLES } from '../../services/meetings/common';
import { certificateDocx } from '../../services/meetings/documents';
import {
  importTrainees,
  TRAINEE_IMPORT_MAX_BYTES,
  traineeTemplateXlsx,
} from '../../services/meetings/trainee-import';
import { trainingPlanDocx, trainingPlanXlsx } from '../../services/meetings/training-plan';
import {
  createClass,
  getClass,
  listClasses,
  recordAttendance,
} from '../../services/meetings/training.service';
import { actorOf } from '../access';
import { idParams } from '../schemas';
import { fileSchema } from './meetings.route';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const hours = z.number().min(-1000).max(1000);

const classSummary = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  name: z.string(),
  organizer: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  centralized: z.boolean(),
  sessionCount: z.number().int(),
  traineeCount: z.number().int(),
  totalHours: z.number(),
});

const classDetail = classSummary.extend({
  sessions: z.array(
    z.object({
      id: z.number().int(),
      date: z.string(),
      hours: z.number(),
      topic: z.string(),
      teacher: z.string(),
    }),
  ),
  trainees: z.array(
    z.object({
      personId: z.number().int(),
      name: z.string(),
      orgName: z.string(),
      category: z.enum(['member', 'cadre']),
      attended: z.array(z.number().int()),
      hours: z.number(),
      completed: z.boolean(),
    }),
  ),
});

export function trainingRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  const read = { roles: ALL_ROLES, scope: 'caller' } as const;
  const write = { roles: TRAINING_WRITE_ROLES, scope: 'caller' } as const;

  return async (app) => {
    app.get(
      '/api/training/classes',
      {
        config: { access: read },
        schema: {
          summary: '培训班（管辖范围内举办的）',
          querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
          response: { 200: z.object({ items: z.array(classSummary) }) },
        },
      },
      async (request) => ({ items: await listClasses(ctx, actorOf(request), request.query.year) }),
    );

    app.post(
      '/api/training/classes',
      {
        config: { access: write },
        schema: {
          summary: '新建培训班（课程、学员）',
          body: z.object({
            orgId: z.number().int().positive(),
            name: z.string().max(100),
            organizer: z.string().max(100),
            startDate: isoDate,
            endDate: isoDate,
            centralized: z.boolean(),
            sessions: z
              .array(
                z.object({
                  date: isoDate,
                  hours,
                  topic: z.string().max(200),
                  teacher: z.string().max(50),
                }),
              )
              .max(100),
            trainees: z
              .array(
                z.object({
                  personId: z.number().int().positive(),
                  category: z.enum(['member', 'cadre']),
                }),
              )
              .max(2000),
          }),
          response: { 201: classDetail },
        },
      },
      async (request, reply) => {
        const cls = await createClass(ctx, actorOf(request), request.body);
        reply.status(201);
        return cls;
      },
    );

    app.get(
      '/api/training/classes/:id',
      {
        config: { access: read },
        schema: {
          summary: '培训班：课程、学员、考勤、学时、结业名单',
          params: idParams,
          response: { 200: classDetail },
        },
      },
      async (request) => getClass(ctx, actorOf(request), request.params.id),
    );

    app.put(
      '/api/training/classes/:id/sessions/:sessionId/attendance',
      {
        config: { access: write },
        schema: {
          summary: '登记一节课的考勤（覆盖此前的登记）',
          params: z.object({
            id: z.coerce.number().int().positive(),
            sessionId: z.coerce.number().int().positive(),
          }),
          body: z.object({
            attendees: z
              .array(z.object({ personId: z.number().int().positive(), hours: hours.optional() }))
              .max(2000),
          }),
          response: { 200: classDetail },
        },
      },
      async (request) =>
        recordAttendance(
          ctx,
          actorOf(request),
          request.params.id,
          request.params.sessionId,
          request.body.attendees,
        ),
    );

    app.get(
      '/api/training/classes/:id/certificates/:personId',
      {
        config: { access: read },
        schema: {
          summary: '结业证书（.docx）',
          params: z.object({
            id: z.coerce.number().int().positive(),
            personId: z.coerce.number().int().positive(),
          }),
          response: { 200: fileSchema },
        },
      },
      async (request, reply) => {
        const file = await certificateDocx(
          ctx,
          actorOf(request),
          request.params.id,
          request.params.personId,
        );
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header(
            'content-disposition',
            `attachment; filename="certificate.docx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
          )
          .send(file.buffer);
      },
    );

    const planQuery = z.object({
      year: z.coerce.number().int().min(2000).max(2100),
      orgId: z.coerce.number().int().positive().optional(),
    });

    app.get(
      '/api/training/plan',
      {
        config: { access: read },
        schema: {
          summary:
            '年度党员轮训计划（.xlsx）：需培训人员、各类对象尚差学时、按季度建议班次（默认为管辖范围）',
          querystring: planQuery,
          response: { 200: fileSchema },
        },
      },
      async (request, reply) => {
        const file = await trainingPlanXlsx(ctx, actorOf(request), request.query);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header(
            'content-disposition',
            `attachment; filename="plan.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
          )
          .send(file.buffer);
      },
    );

    app.get(
      '/api/training/plan/docx',
      {
        config: { access: read },
        schema: {
          summary: '年度党员轮训计划（.docx，A4）',
          querystring: planQuery,
          response: { 200: fileSchema },
        },
      },
      async (request, reply) => {
        const file = await trainingPlanDocx(ctx, actorOf(request), request.query);
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header(
            'content-disposition',
            `attachment; filename="plan.docx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
          )
          .send(file.buffer);
      },
    );

    app.get(
      '/api/training/trainee-template',
      {
        config: { access: { roles: ALL_ROLES, scope: 'none' } },
        schema: {
          summary: '培训班学员导入模板（.xlsx）：姓名、公民身份号码、类别、所在党组织',
          response: { 200: fileSchema },
        },
      },
      async (_request, reply) => {
        const file = await traineeTemplateXlsx();
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header(
            'content-disposition',
            `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
          )
          .send(file.buffer);
      },
    );

    app.post(
      '/api/training/classes/:id/trainees/import',
      {
        bodyLimit: Math.ceil((TRAINEE_IMPORT_MAX_BYTES * 4) / 3) + 1024 * 1024,
        config: { access: write },
        schema: {
          summary: '从 .xlsx 导入培训班学员：按公民身份号码或姓名匹配，任何一行有错误则什么也不写',
          params: idParams,
          body: z.object({
            fileName: z.string().max(200),
            /** The .xlsx file, base64. */
            contentBase64: z.string().min(1, '请选择文件'),
          }),
          response: { 200: z.object({ added: z.number().int(), cls: classDetail }) },
        },
      },
      async (request) =>
        importTrainees(
          ctx,
          actorOf(request),
          request.params.id,
          Buffer.from(request.body.contentBase64, 'base64'),
        ),
    );
  };
}
