/**
 * 换届选举 routes: the term register (and the township view for 同步换届), election plans and
 * their progress, candidate checks, the live tally and the rounds recorded.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ALL_ROLES } from '../../domain/access';
import { parseIsoDate } from '../../domain/calendar/date';
import { PLAN_STEPS, type PlanStepKey } from '../../domain/elections/plan';
import { BODY_KINDS } from '../../domain/elections/term';
import { ELECTION_KINDS, ROUND_KINDS } from '../../domain/elections/types';
import type { ServiceContext } from '../../services/context';
import { NEGATIVE_LIST_SCOPES } from '../../domain/elections/candidates';
import { ROUND_POSTS } from '../../domain/elections/posts';
import {
  createNegativeItem,
  deleteNegativeItem,
  listNegativeItems,
  NEGATIVE_LIST_WRITE_ROLES,
  updateNegativeItem,
} from '../../services/elections/negative-list.service';
import {
  checkCandidates,
  ELECTION_WRITE_ROLES,
  listCandidateChecks,
  saveCandidateCheck,
  getPlan,
  getRound,
  listRounds,
  listTermRegister,
  markPlanStep,
  previewRound,
  recordRound,
  recordTermApproval,
  registerTerm,
  savePlan,
  summarize,
} from '../../services/elections/elections.service';
import {
  announcementDocx,
  ballotDocx,
  electionRulesDocx,
  planXlsx,
  reportDocx,
  tallySheetDocx,
} from '../../services/elections/documents';
import { actorOf } from '../access';
import { idParams, okSchema } from '../schemas';

const dateSchema = z
  .string()
  .refine((s) => parseIsoDate(s) !== null, { message: '日期应写作 YYYY-MM-DD 且真实存在' });
const bodyKindSchema = z.enum(BODY_KINDS);
const severitySchema = z.enum(['error', 'warning', 'info']);
const findingSchema = z.object({
  rule: z.string(),
  severity: severitySchema,
  message: z.string(),
  citation: z.string(),
  facts: z.record(z.string(), z.unknown()),
});
const stepKeys = PLAN_STEPS.map((s) => s.key) as [PlanStepKey, ...PlanStepKey[]];
const planSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  electionDate: z.string(),
  bodyKinds: z.array(bodyKindSchema),
  done: z.number(),
  steps: z.array(
    z.object({
      key: z.enum(stepKeys),
      title: z.string(),
      dueDate: z.string(),
      source: z.string(),
      isStatutory: z.boolean(),
      documents: z.array(z.string()),
      doneOn: z.string().nullable(),
      overdue: z.boolean(),
      late: z.boolean(),
    }),
  ),
  findings: z.array(findingSchema),
});
const termSchema = z.object({
  id: z.number(),
  bodyKind: bodyKindSchema,
  termStart: z.string(),
  termEnd: z.string(),
  bodySize: z.number(),
  electionDate: z.string().nullable(),
  held: z.boolean(),
  approvalKind: z.enum(['delay', 'advance']).nullable(),
  approvalOn: z.string().nullable(),
  approvalUntil: z.string().nullable(),
  evaluation: z.object({
    status: z.enum(['renewed', 'expired', 'due6', 'due12', 'current']),
    daysLeft: z.number(),
    findings: z.array(findingSchema),
  }),
  members: z.array(z.object({ name: z.string(), title: z.string() })),
});
const villageSchema = z.object({
  orgId: z.number(),
  orgName: z.string(),
  townshipId: z.number(),
  townshipName: z.string(),
  terms: z.array(termSchema),
  plan: planSchema.nullable(),
});
const candidateVotesSchema = z.object({ name: z.string(), votes: z.number() });
const roundSchema = z.object({
  id: z.string(),
  kind: z.enum(ELECTION_KINDS),
  date: z.string(),
  seats: z.number(),
  expectedVoters: z.number(),
  presentVoters: z.number(),
  ballotsIssued: z.number(),
  ballotsReturned: z.number(),
  candidates: z.array(candidateVotesSchema),
  round: z.enum(ROUND_KINDS),
});
const tallySchema = z.object({
  id: z.string(),
  valid: z.boolean(),
  elected: z.array(z.string()),
  revote: z.array(z.string()),
  revoteSeats: z.number(),
  shortfall: z.number(),
  findings: z.array(findingSchema),
  threshold: z.object({ basis: z.string(), base: z.number(), minVotes: z.number() }).nullable(),
  candidates: z.array(
    z.object({
      name: z.string(),
      votes: z.number(),
      outcome: z.enum(['elected', 'revote', 'notElected', 'void']),
    }),
  ),
});
const postSchema = z.enum(ROUND_POSTS);
const roundViewSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  code: z.string(),
  round: roundSchema,
  result: tallySchema,
  posts: z.object({
    post: postSchema.nullable(),
    candidatePosts: z.record(z.string(), postSchema),
  }),
  recordedAt: z.string(),
  recordedByName: z.string(),
});
const ballotQuery = z.object({
  title: z.string().trim().min(1).max(80),
  kind: z.enum(ELECTION_KINDS),
  seats: z.coerce.number().int().min(1).max(50),
  names: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string().trim().min(1).max(20)).min(1).max(100)),
});
const fileSchema = z.unknown().describe('二进制文件（.docx）');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function attachment(name: string): string {
  return `attachment; filename="document.docx"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const negativeItemSchema = z.object({
  key: z.string(),
  label: z.string(),
  source: z.string(),
  verified: z.boolean(),
  appliesTo: z.enum(NEGATIVE_LIST_SCOPES),
});
const negativeItemViewSchema = negativeItemSchema.extend({
  active: z.boolean(),
  sortOrder: z.number(),
  used: z.boolean(),
});
const negativeItemInputSchema = z.object({
  label: z.string().max(200),
  source: z.string().max(400),
  verified: z.boolean(),
  appliesTo: z.enum(NEGATIVE_LIST_SCOPES),
});
const negativeListResponse = z.object({ items: z.array(negativeItemViewSchema) });
const keyParams = z.object({ key: z.string().min(1).max(80) });
const candidateCheckBody = z.object({
  orgId: z.number().int().positive(),
  bodyKind: bodyKindSchema,
  date: dateSchema,
  seats: z.number().int().min(1),
  candidates: z.array(
    z.object({
      personId: z.number().int().positive(),
      residence: z.enum(['hukouResident', 'hukouAbsent', 'residentOneYear', 'none']).nullable(),
      negativeHits: z.array(z.string()),
      forSecretary: z.boolean(),
    }),
  ),
});
const candidateChecksSchema = z.object({
  candidates: z.array(
    z.object({
      personId: z.number(),
      name: z.string(),
      eligible: z.boolean(),
      findings: z.array(findingSchema),
    }),
  ),
  slate: z.array(findingSchema),
  negativeList: z.array(negativeItemSchema),
});
const storedCheckSchema = candidateChecksSchema.extend({
  id: z.number(),
  orgId: z.number(),
  bodyKind: bodyKindSchema,
  date: z.string(),
  seats: z.number(),
  recordedAt: z.string(),
  recordedByName: z.string(),
});

/** A round as typed in: checked by the domain reader, which names the field and value. */
const roundInputSchema = z.record(z.string(), z.unknown());

export function electionRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  const read = { roles: ALL_ROLES, scope: 'caller' } as const;
  const write = { roles: ELECTION_WRITE_ROLES, scope: 'caller' } as const;
  const pure = { roles: ALL_ROLES, scope: 'none' } as const;

  return async (app) => {
    app.get(
      '/api/elections/terms',
      {
        config: { access: read },
        schema: {
          summary: '任期台账：管辖范围内每个村（社区）的党组织委员会和村民委员会',
          querystring: z.object({ asOf: dateSchema.optional() }),
          response: {
            200: z.object({
              items: z.array(villageSchema),
              summary: z.record(z.string(), z.number()),
            }),
          },
        },
      },
      async (request) => {
        const items = await listTermRegister(ctx, actorOf(request), request.query.asOf);
        return { items, summary: summarize(items) };
      },
    );

    app.post(
      '/api/elections/terms',
      {
        config: { access: write },
        schema: {
          summary: '登记一届任期',
          body: z.object({
            orgId: z.number().int().positive(),
            bodyKind: bodyKindSchema,
            termStart: dateSchema,
            termEnd: dateSchema.optional(),
            bodySize: z.number().int(),
          }),
          response: { 201: z.object({ id: z.number() }) },
        },
      },
      async (request, reply) => {
        const { termEnd, ...rest } = request.body;
        const id = await registerTerm(
          ctx,
          actorOf(request),
          termEnd === undefined ? rest : { ...rest, termEnd },
        );
        reply.status(201);
        return { id };
      },
    );

    app.post(
      '/api/elections/terms/:id/approval',
      {
        config: { access: write },
        schema: {
          summary: '录入上级批准的延期或提前换届',
          params: idParams,
          body: z.object({
            kind: z.enum(['delay', 'advance']),
            approvedOn: dateSchema,
            until: dateSchema,
          }),
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await recordTermApproval(ctx, actorOf(request), request.params.id, request.body);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/elections/plans',
      {
        config: { access: write },
        schema: {
          summary: '按选举日倒排换届工作计划',
          body: z.object({
            orgId: z.number().int().positive(),
            electionDate: dateSchema,
            bodyKinds: z.array(bodyKindSchema).min(1, '至少选择一个班子'),
          }),
          response: { 200: planSchema },
        },
      },
      async (request) => savePlan(ctx, actorOf(request), request.body),
    );

    app.get(
      '/api/elections/plans/:id',
      {
        config: { access: read },
        schema: {
          summary: '一个村的换届计划和进度',
          params: idParams,
          response: { 200: planSchema },
        },
      },
      async (request) => getPlan(ctx, actorOf(request), request.params.id),
    );

    app.post(
      '/api/elections/plans/:id/steps',
      {
        config: { access: write },
        schema: {
          summary: '标记换届步骤完成（或取消）',
          params: idParams,
          body: z.object({ step: z.enum(stepKeys), doneOn: dateSchema.nullable() }),
          response: { 200: planSchema },
        },
      },
      async (request) =>
        markPlanStep(
          ctx,
          actorOf(request),
          request.params.id,
          request.body.step,
          request.body.doneOn,
        ),
    );

    app.get(
      '/api/elections/negative-list',
      {
        config: { access: { roles: ALL_ROLES, scope: 'none' } },
        schema: {
          summary: '本县候选人负面清单（设置）：事项、出处、是否核实、适用班子、启用与顺序',
          response: { 200: negativeListResponse },
        },
      },
      async (request) => ({ items: await listNegativeItems(ctx, actorOf(request)) }),
    );

    const listWrite = { roles: NEGATIVE_LIST_WRITE_ROLES, scope: 'none' } as const;

    app.post(
      '/api/elections/negative-list',
      {
        config: { access: listWrite },
        schema: {
          summary: '新增负面清单事项（县级管理员）',
          body: negativeItemInputSchema,
          response: { 201: negativeListResponse },
        },
      },
      async (request, reply) => {
        const items = await createNegativeItem(ctx, actorOf(request), request.body);
        reply.status(201);
        return { items };
      },
    );

    app.put(
      '/api/elections/negative-list/:key',
      {
        config: { access: listWrite },
        schema: {
          summary: '修改、停用或启用负面清单事项（县级管理员；已保存的检查不变）',
          params: keyParams,
          body: negativeItemInputSchema.partial().extend({
            active: z.boolean().optional(),
            sortOrder: z.number().int().optional(),
          }),
          response: { 200: negativeListResponse },
        },
      },
      async (request) => {
        const patch = Object.fromEntries(
          Object.entries(request.body).filter(([, v]) => v !== undefined),
        );
        return {
          items: await updateNegativeItem(ctx, actorOf(request), request.params.key, patch),
        };
      },
    );

    app.delete(
      '/api/elections/negative-list/:key',
      {
        config: { access: listWrite },
        schema: {
          summary: '删除未被任何资格检查引用的负面清单事项（县级管理员）',
          params: keyParams,
          response: { 200: negativeListResponse },
        },
      },
      async (request) => ({
        items: await deleteNegativeItem(ctx, actorOf(request), request.params.key),
      }),
    );

    app.post(
      '/api/elections/candidates/check',
      {
        config: { access: read },
        schema: {
          summary: '候选人资格检查（年龄、党员身份与党龄、户籍居住、负面清单）、差额和村委会组成',
          body: candidateCheckBody,
          response: { 200: candidateChecksSchema },
        },
      },
      async (request) => checkCandidates(ctx, actorOf(request), request.body),
    );

    app.post(
      '/api/elections/candidates/checks',
      {
        config: { access: write },
        schema: {
          summary: '检查并保存资格联审结果（连同所用负面清单的快照）',
          body: candidateCheckBody,
          response: { 201: storedCheckSchema },
        },
      },
      async (request, reply) => {
        const stored = await saveCandidateCheck(ctx, actorOf(request), request.body);
        reply.status(201);
        return stored;
      },
    );

    app.get(
      '/api/elections/candidates/checks',
      {
        config: { access: read },
        schema: {
          summary: '一个村已保存的资格检查（新的在前，按当时的负面清单）',
          querystring: z.object({ orgId: z.coerce.number().int().positive() }),
          response: { 200: z.object({ items: z.array(storedCheckSchema) }) },
        },
      },
      async (request) => ({
        items: await listCandidateChecks(ctx, actorOf(request), request.query.orgId),
      }),
    );

    app.post(
      '/api/elections/tally',
      {
        config: { access: pure },
        schema: {
          summary: '按规则计票（不保存）：会场录入时实时判断',
          body: roundInputSchema,
          response: { 200: tallySchema },
        },
      },
      async (request) => previewRound(request.body),
    );

    app.get(
      '/api/elections/rounds',
      {
        config: { access: read },
        schema: {
          summary: '已录入的选举轮次（新的在前）',
          querystring: z.object({ orgId: z.coerce.number().int().positive().optional() }),
          response: { 200: z.object({ items: z.array(roundViewSchema) }) },
        },
      },
      async (request) => ({
        items: await listRounds(ctx, actorOf(request), request.query.orgId),
      }),
    );

    app.post(
      '/api/elections/rounds',
      {
        config: { access: write },
        schema: {
          summary:
            '录入一轮计票结果（选满名额后开始新一届任期、当选人就职；这类轮次由乡镇或县录入）',
          body: z.object({
            orgId: z.number().int().positive(),
            planId: z.number().int().positive().nullable().optional(),
            round: roundInputSchema,
            post: postSchema.nullable().optional(),
            candidatePosts: z.record(z.string(), postSchema).optional(),
          }),
          response: { 201: roundViewSchema },
        },
      },
      async (request, reply) => {
        const { post, candidatePosts, planId, ...rest } = request.body;
        const view = await recordRound(ctx, actorOf(request), {
          ...rest,
          ...(planId === undefined ? {} : { planId }),
          ...(post === undefined ? {} : { post }),
          ...(candidatePosts === undefined ? {} : { candidatePosts }),
        });
        reply.status(201);
        return view;
      },
    );

    app.get(
      '/api/elections/documents/ballot.docx',
      {
        config: { access: pure },
        schema: {
          summary: '选票（.docx，A4）：候选人按姓氏笔画为序',
          querystring: ballotQuery,
          response: { 200: fileSchema },
        },
      },
      async (request, reply) => {
        const { buffer } = await ballotDocx(request.query);
        return reply
          .type(DOCX)
          .header('content-disposition', attachment(`${request.query.title}选票.docx`))
          .send(buffer);
      },
    );

    app.get(
      '/api/elections/documents/tally-sheet.docx',
      {
        config: { access: pure },
        schema: {
          summary: '计票单（.docx，A4）：候选人按姓氏笔画为序，供计票人划记',
          querystring: ballotQuery.extend({ date: dateSchema.optional() }),
          response: { 200: fileSchema },
        },
      },
      async (request, reply) => {
        const { buffer } = await tallySheetDocx(request.query);
        return reply
          .type(DOCX)
          .header('content-disposition', attachment(`${request.query.title}计票单.docx`))
          .send(buffer);
      },
    );

    app.get(
      '/api/elections/rounds/:id/report.docx',
      {
        config: { access: read },
        schema: {
          summary: '计票结果报告单（.docx，A4）',
          params: idParams,
          response: { 200: fileSchema },
        },
      },
      async (request, reply) => {
        const view = await getRound(ctx, actorOf(request), request.params.id);
        return reply
          .type(DOCX)
          .header(
            'content-disposition',
            attachment(`${view.orgName}${view.code}计票结果报告单.docx`),
          )
          .send(await reportDocx(view));
      },
    );

    app.get(
      '/api/elections/rounds/:id/announcement.docx',
      {
        config: { access: read },
        schema: {
          summary: '当选公告（.docx，A4）',
          params: idParams,
          response: { 200: fileSchema },
        },
      },
      async (request, reply) => {
        const view = await getRound(ctx, actorOf(request), request.params.id);
        return reply
          .type(DOCX)
          .header('content-disposition', attachment(`${view.orgName}${view.code}当选公告.docx`))
          .send(await announcementDocx(view));
      },
    );

    app.get(
      '/api/elections/documents/rules.docx',
      {
        config: { access: pure },
        schema: {
          summary: '选举办法（草案骨架，.docx，A4）',
          querystring: z.object({
            title: z.string().trim().min(1).max(80),
            kind: z.enum(ELECTION_KINDS),
            seats: z.coerce.number().int().min(1).max(50),
          }),
          response: { 200: fileSchema },
        },
      },
      async (request, reply) =>
        reply
          .type(DOCX)
          .header('content-disposition', attachment(`${request.query.title}选举办法.docx`))
          .send(await electionRulesDocx(request.query)),
    );

    app.get(
      '/api/elections/plans/:id/plan.xlsx',
      {
        config: { access: read },
        schema: {
          summary: '换届工作计划（.xlsx）',
          params: idParams,
          response: { 200: fileSchema },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const plan = await getPlan(ctx, actor, request.params.id);
        const org = (await listTermRegister(ctx, actor)).find((v) => v.orgId === plan.orgId);
        const name = org?.orgName ?? '';
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header(
            'content-disposition',
            `attachment; filename="plan.xlsx"; filename*=UTF-8''${encodeURIComponent(`${name}换届工作计划.xlsx`)}`,
          )
          .send(await planXlsx(name, plan));
      },
    );
  };
}
