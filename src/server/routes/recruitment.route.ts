import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ALL_ROLES } from '../../domain/access';
import { STEP_KEYS } from '../../domain/dossier/types';
import { STAGES } from '../../domain/recruitment/stage';
import type { ServiceContext } from '../../services/context';
import {
  createDossier,
  dossierHistory,
  getDossier,
  previewStep,
  RECRUITMENT_WRITE_ROLES,
  saveStep,
} from '../../services/recruitment/dossier.service';
import { DOCUMENT_KINDS, generateDocument } from '../../services/recruitment/documents';
import { searchMembers } from '../../services/recruitment/people.service';
import { getAnnualPlan, setQuota } from '../../services/recruitment/plan.service';
import {
  getRecruitmentSettings,
  updateRecruitmentSettings,
} from '../../services/recruitment/settings';
import { ADMIN_ROLES } from '../../domain/access';
import {
  getBackdatingReport,
  getCalendar,
  getPipeline,
} from '../../services/recruitment/pipeline.service';
import {
  calendarWorkbook,
  exportDossiers,
  importDossiers,
} from '../../services/recruitment/xlsx.service';
import { actorOf } from '../access';
import { idParams } from '../schemas';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
const stepKey = z.enum(STEP_KEYS);
const stage = z.enum(STAGES);
const severity = z.enum(['error', 'warning', 'info']);
const facts = z.record(z.string(), z.unknown());

const findingSchema = z.object({
  rule: z.string(),
  severity,
  step: stepKey.nullable(),
  message: z.string(),
  citation: z.string(),
  facts,
});
const findingBrief = findingSchema.omit({ facts: true });
const windowSchema = z
  .object({
    earliest: isoDate.nullable(),
    latest: isoDate.nullable(),
    rule: z.string().nullable(),
    note: z.string(),
  })
  .nullable();
const nextSchema = z.object({
  step: stepKey,
  earliest: isoDate.nullable(),
  latest: isoDate.nullable(),
  rule: z.string().optional(),
});
const flagSchema = z.object({
  kind: z.enum(['late', 'batch', 'dependency', 'holiday']),
  severity: z.enum(['warning', 'info']),
  step: stepKey,
  message: z.string(),
  source: z.string(),
  facts,
});
const entrySchema = z.object({
  step: stepKey,
  date: isoDate.nullable(),
  fields: facts,
  documentRef: z.string().nullable(),
  recordedAt: z.string(),
  recordedById: z.number().int().nullable(),
  recordedByName: z.string(),
  lateEntry: z.boolean(),
  lateReason: z.string().nullable(),
  flagReason: z.string().nullable(),
  flagFindings: z.array(
    findingSchema.partial({
      facts: true,
      step: true,
      message: true,
      citation: true,
      severity: true,
    }),
  ),
});
const dossierSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  personId: z.number().int(),
  name: z.string(),
  gender: z.string(),
  birthDate: isoDate.nullable(),
  idNumberMasked: z.string().nullable(),
  education: z.string().nullable(),
  occupation: z.string().nullable(),
  orgId: z.number().int(),
  orgName: z.string(),
  stage,
  asOf: isoDate,
  unreadable: z.string().nullable(),
  steps: z.array(
    z.object({
      step: stepKey,
      index: z.number().int(),
      title: z.string(),
      township: z.boolean(),
      entry: entrySchema.nullable(),
      window: windowSchema,
      findings: z.array(findingSchema),
    }),
  ),
  findings: z.array(findingSchema),
  next: z.array(nextSchema),
  flags: z.array(flagSchema),
  lateEntryDays: z.number().int(),
});
const previewSchema = z.object({
  invalid: z.string().nullable(),
  stepDate: isoDate.nullable(),
  window: windowSchema,
  findings: z.array(findingSchema),
  introduced: z.array(findingSchema),
  resolved: z.array(findingSchema),
  blocking: z.array(findingSchema),
  lateDays: z.number().int().nullable(),
  lateEntryDays: z.number().int(),
  requiresLateReason: z.boolean(),
});
const nextViewSchema = z.object({
  step: stepKey,
  title: z.string(),
  earliest: isoDate.nullable(),
  latest: isoDate.nullable(),
  rule: z.string().nullable(),
});
const stageCounts = z.object(
  Object.fromEntries(STAGES.map((s) => [s, z.number().int()])) as Record<
    (typeof STAGES)[number],
    z.ZodNumber
  >,
);
const pipelineSchema = z.object({
  asOf: isoDate,
  totals: stageCounts,
  branches: z.array(
    z.object({
      orgId: z.number().int(),
      orgName: z.string(),
      counts: stageCounts,
      total: z.number().int(),
    }),
  ),
  items: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      gender: z.string(),
      orgId: z.number().int(),
      orgName: z.string(),
      stage,
      stageLabel: z.string(),
      latestDate: isoDate.nullable(),
      next: nextViewSchema.nullable(),
      overdue: z.boolean(),
      errorCount: z.number().int(),
      warningCount: z.number().int(),
      findings: z.array(findingBrief),
      flagged: z.boolean(),
      lateEntries: z.number().int(),
      backdatingFlags: z.number().int(),
    }),
  ),
});
const calendarSchema = z.object({
  asOf: isoDate,
  until: isoDate,
  items: z.array(
    z.object({
      dossierId: z.number().int(),
      code: z.string(),
      name: z.string(),
      orgId: z.number().int(),
      orgName: z.string(),
      stageLabel: z.string(),
      step: stepKey,
      title: z.string(),
      earliest: isoDate.nullable(),
      latest: isoDate.nullable(),
      rule: z.string().nullable(),
      kind: z.enum(['overdue', 'due', 'opens']),
      on: isoDate,
    }),
  ),
});
const reportSchema = z.object({
  asOf: isoDate,
  branches: z.array(
    z.object({
      orgId: z.number().int(),
      orgName: z.string(),
      items: z.array(
        z.object({
          dossierId: z.number().int(),
          code: z.string(),
          name: z.string(),
          kind: z.enum(['late', 'batch', 'dependency', 'holiday', 'flagged']),
          kindLabel: z.string(),
          severity,
          step: stepKey,
          title: z.string(),
          message: z.string(),
          source: z.string(),
          reason: z.string().nullable(),
        }),
      ),
    }),
  ),
});
const historySchema = z.object({
  items: z.array(
    z.object({
      seq: z.number().int(),
      at: z.string(),
      actorName: z.string(),
      action: z.string(),
      summary: z.string(),
    }),
  ),
});
const recordSchema = z.record(z.string(), z.unknown());
const stepParams = z.object({ id: z.coerce.number().int().positive(), stepKey });
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function attachment(filename: string, ascii: string): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

const importResultSchema = z.object({
  applied: z.boolean(),
  problems: z.array(z.string()),
  rows: z.array(
    z.object({
      row: z.number().int(),
      code: z.string(),
      name: z.string(),
      branch: z.string(),
      action: z.enum(['create', 'update']),
      steps: z.number().int(),
      errors: z.number().int(),
      warnings: z.number().int(),
    }),
  ),
  findings: z.array(
    z.object({
      row: z.number().int(),
      code: z.string(),
      rule: z.string(),
      message: z.string(),
      citation: z.string(),
    }),
  ),
});
const fileSchema = z.unknown().describe('二进制文件（.docx / .xlsx）');

export function recruitmentRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  const read = { roles: ALL_ROLES, scope: 'caller' } as const;
  const write = { roles: RECRUITMENT_WRITE_ROLES, scope: 'caller' } as const;

  return async (app) => {
    app.get(
      '/api/recruitment/pipeline',
      {
        config: { access: read },
        schema: {
          summary: '发展党员：各支部各阶段人数与档案列表（逾期在前）',
          querystring: z.object({
            orgId: z.coerce.number().int().positive().optional(),
            stage: stage.optional(),
            q: z.string().max(40).optional(),
            problemsOnly: z.enum(['true', 'false']).optional(),
          }),
          response: { 200: pipelineSchema },
        },
      },
      async (request) =>
        getPipeline(ctx, actorOf(request), {
          ...request.query,
          problemsOnly: request.query.problemsOnly === 'true',
        }),
    );

    app.post(
      '/api/recruitment/dossiers',
      {
        config: { access: write },
        schema: {
          summary: '为入党申请人建立发展党员档案（新申请人同时建立人员信息）',
          body: z.object({
            orgId: z.number().int().positive(),
            code: z.string().max(40).optional(),
            personId: z.number().int().positive().optional(),
            person: z
              .object({
                name: z.string().trim().min(1, '请填写姓名').max(20),
                gender: z.enum(['男', '女']),
                birthDate: isoDate.optional(),
                idNumber: z.string().max(18).optional(),
                education: z.string().max(20).optional(),
                occupation: z.string().max(30).optional(),
              })
              .optional(),
          }),
          response: { 201: dossierSchema },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const id = await createDossier(ctx, actor, request.body);
        reply.status(201);
        return getDossier(ctx, actor, id);
      },
    );

    app.get(
      '/api/recruitment/dossiers/:id',
      {
        config: { access: read },
        schema: {
          summary: '一份档案：25 个步骤、各步骤的合规日期范围、问题与补录提示',
          params: idParams,
          response: { 200: dossierSchema },
        },
      },
      async (request) => getDossier(ctx, actorOf(request), request.params.id),
    );

    app.get(
      '/api/recruitment/dossiers/:id/history',
      {
        config: { access: read },
        schema: {
          summary: '档案的修改记录（来自审计日志）',
          params: idParams,
          response: { 200: historySchema },
        },
      },
      async (request) => ({
        items: await dossierHistory(ctx, actorOf(request), request.params.id),
      }),
    );

    app.post(
      '/api/recruitment/dossiers/:id/preview',
      {
        config: { access: read },
        schema: {
          summary: '不保存，预先检查录入或修改一个步骤后规则引擎的结论',
          params: idParams,
          body: z.object({ stepKey, record: recordSchema.nullable() }),
          response: { 200: previewSchema },
        },
      },
      async (request) => previewStep(ctx, actorOf(request), request.params.id, request.body),
    );

    app.put(
      '/api/recruitment/dossiers/:id/steps/:stepKey',
      {
        config: { access: write },
        schema: {
          summary: '录入或修改一个步骤（有错误时须“保存并标记问题”并说明原因）',
          params: stepParams,
          body: z.object({
            record: recordSchema,
            documentRef: z.string().max(100).optional(),
            lateReason: z.string().max(500).optional(),
            flagReason: z.string().max(500).optional(),
          }),
          response: { 200: dossierSchema },
        },
      },
      async (request) =>
        saveStep(ctx, actorOf(request), request.params.id, {
          stepKey: request.params.stepKey,
          ...request.body,
        }),
    );

    app.delete(
      '/api/recruitment/dossiers/:id/steps/:stepKey',
      {
        config: { access: write },
        schema: {
          summary: '删除一个步骤的记录',
          params: stepParams,
          response: { 200: dossierSchema },
        },
      },
      async (request) =>
        saveStep(ctx, actorOf(request), request.params.id, {
          stepKey: request.params.stepKey,
          record: null,
        }),
    );

    app.get(
      '/api/recruitment/dossiers/:id/documents/:kind',
      {
        config: { access: read },
        schema: {
          summary: '生成文书（.docx）：公示、支部大会决议、全程纪实表、材料清单',
          params: z.object({
            id: z.coerce.number().int().positive(),
            kind: z.enum(DOCUMENT_KINDS),
          }),
          querystring: z.object({ start: isoDate.optional() }),
          response: { 200: fileSchema },
        },
      },
      async (request, reply) => {
        const doc = await generateDocument(
          ctx,
          actorOf(request),
          request.params.id,
          request.params.kind,
          { start: request.query.start },
        );
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header(
            'content-disposition',
            `attachment; filename="document.docx"; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
          )
          .send(doc.buffer);
      },
    );

    app.get(
      '/api/recruitment/members',
      {
        config: { access: read },
        schema: {
          summary: '可选作培养联系人、入党介绍人的党员（正式党员日期取自党员名册）',
          querystring: z.object({
            q: z.string().max(20).optional(),
            orgId: z.coerce.number().int().positive().optional(),
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  personId: z.number().int(),
                  name: z.string(),
                  orgId: z.number().int(),
                  orgName: z.string(),
                  status: z.enum(['probationary', 'full']),
                  fullMemberSince: isoDate.nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => ({ items: await searchMembers(ctx, actorOf(request), request.query) }),
    );

    app.get(
      '/api/recruitment/calendar',
      {
        config: { access: read },
        schema: {
          summary: '乡镇日程：逾期、30/60/90 天内到期和可以办理的步骤',
          querystring: z.object({
            days: z.coerce.number().int().min(1).max(366).default(30),
            orgId: z.coerce.number().int().positive().optional(),
          }),
          response: { 200: calendarSchema },
        },
      },
      async (request) =>
        getCalendar(ctx, actorOf(request), request.query.days, request.query.orgId),
    );

    app.get(
      '/api/recruitment/backdating',
      {
        config: { access: read },
        schema: {
          summary: '补录与补材料核查：按支部列出补录、集中补录、日期倒置和标记问题',
          response: { 200: reportSchema },
        },
      },
      async (request) => getBackdatingReport(ctx, actorOf(request)),
    );

    app.get(
      '/api/recruitment/calendar.xlsx',
      {
        config: { access: read },
        schema: {
          summary: '乡镇日程导出为 Excel',
          querystring: z.object({ days: z.coerce.number().int().min(1).max(366).default(30) }),
          response: { 200: fileSchema },
        },
      },
      async (request, reply) => {
        const file = await calendarWorkbook(ctx, actorOf(request), request.query.days);
        return reply
          .type(XLSX_TYPE)
          .header('content-disposition', attachment(file.filename, 'calendar.xlsx'))
          .send(file.buffer);
      },
    );

    app.get(
      '/api/recruitment/export.xlsx',
      {
        config: { access: read },
        schema: {
          summary: '导出管辖范围内的全部发展党员档案（规则引擎的档案模板格式）',
          response: { 200: fileSchema },
        },
      },
      async (request, reply) => {
        const file = await exportDossiers(ctx, actorOf(request));
        return reply
          .type(XLSX_TYPE)
          .header('content-disposition', attachment(file.filename, 'dossiers.xlsx'))
          .send(file.buffer);
      },
    );

    app.post(
      '/api/recruitment/import',
      {
        config: { access: write },
        schema: {
          summary: '从档案模板导入（先预览；有任何一行错误则全部不导入）',
          body: z.object({
            filename: z.string().min(1).max(200),
            contentBase64: z.string().min(1),
            apply: z.boolean().default(false),
            flagReason: z.string().max(500).optional(),
          }),
          response: { 200: importResultSchema },
        },
      },
      async (request) =>
        importDossiers(ctx, actorOf(request), {
          filename: request.body.filename,
          content: Buffer.from(request.body.contentBase64, 'base64'),
          apply: request.body.apply,
          flagReason: request.body.flagReason,
        }),
    );

    const structureSchema = z.object({
      total: z.number().int(),
      youth: z.number().int(),
      female: z.number().int(),
      college: z.number().int(),
      byEducation: z.record(z.string(), z.number().int()),
      byOccupation: z.record(z.string(), z.number().int()),
    });

    app.get(
      '/api/recruitment/plan',
      {
        config: { access: read },
        schema: {
          summary: '年度发展计划：各支部计划数、完成数、发展对象数与新党员结构',
          querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
          response: {
            200: z.object({
              year: z.number().int(),
              quotaTotal: z.number().int(),
              admittedTotal: z.number().int(),
              structure: structureSchema,
              branches: z.array(
                z.object({
                  orgId: z.number().int(),
                  orgName: z.string(),
                  quota: z.number().int().nullable(),
                  admitted: z.number().int(),
                  candidates: z.number().int(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => getAnnualPlan(ctx, actorOf(request), request.query.year),
    );

    app.put(
      '/api/recruitment/plan/:orgId/:year',
      {
        config: { access: { roles: ADMIN_ROLES, scope: 'caller' } },
        schema: {
          summary: '下达或修改一个党支部的年度发展计划数',
          params: z.object({
            orgId: z.coerce.number().int().positive(),
            year: z.coerce.number().int().min(2000).max(2100),
          }),
          body: z.object({ quota: z.number().int().min(0).max(999) }),
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async (request) => {
        await setQuota(ctx, actorOf(request), { ...request.params, quota: request.body.quota });
        return { ok: true as const };
      },
    );

    const settingsSchema = z.object({
      rules: z.object({
        publicNoticeCheck: z.boolean(),
        publicNoticeWorkdays: z.number().int(),
        strictNoticeCounting: z.boolean(),
        applicationToActivistMinMonths: z.number().int(),
        enable2026Revision: z.boolean(),
      }),
      backdating: z.object({
        lateEntryDays: z.number().int(),
        batchMinSteps: z.number().int(),
        batchWindowMinutes: z.number().int(),
      }),
    });

    app.get(
      '/api/recruitment/settings',
      {
        config: { access: { roles: ALL_ROLES, scope: 'none' } },
        schema: {
          summary: '本县发展党员设置：地方口径与补录天数（含各项默认值出处）',
          response: {
            200: settingsSchema.extend({ sources: z.record(z.string(), z.string()) }),
          },
        },
      },
      async (request) => getRecruitmentSettings(ctx, actorOf(request)),
    );

    app.put(
      '/api/recruitment/settings',
      {
        config: { access: { roles: ['countyAdmin'], scope: 'none' } },
        schema: {
          summary: '修改本县发展党员设置（县级管理员）',
          body: z.object({
            rules: z.record(z.string(), z.unknown()).optional(),
            backdating: z
              .object({
                lateEntryDays: z.number().int().min(1).max(365).optional(),
                batchMinSteps: z.number().int().min(2).max(25).optional(),
                batchWindowMinutes: z.number().int().min(1).max(1440).optional(),
              })
              .optional(),
          }),
          response: { 200: settingsSchema },
        },
      },
      async (request) => updateRecruitmentSettings(ctx, actorOf(request), request.body),
    );
  };
}
