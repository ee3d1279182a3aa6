/**
 * 组织生活: meetings (record, list, read, delete, .docx record), the members of a branch to pick
 * attendees from, and the compliance report (matrix, roll-ups, study hours; .xlsx export).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ALL_ROLES } from '../../domain/access';
import { MEETING_KINDS, type MeetingKind } from '../../domain/organization-life/types';
import type { ServiceContext } from '../../services/context';
import { MEETING_WRITE_ROLES } from '../../services/meetings/common';
import { complianceReport } from '../../services/meetings/compliance.service';
import { createExemption, removeExemptions } from '../../services/meetings/exemption.service';
import {
  complianceXlsx,
  meetingRecordDocx,
  yearPlanDocx,
  yearPlanXlsx,
} from '../../services/meetings/documents';
import {
  createMeeting,
  deleteMeeting,
  getMeeting,
  listBranchMembers,
  listMeetings,
} from '../../services/meetings/meetings.service';
import { actorOf } from '../access';
import { idParams, okSchema } from '../schemas';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const kindSchema = z.enum(MEETING_KINDS as [MeetingKind, ...MeetingKind[]]);
const hours = z.number().min(-1000).max(1000);
export const fileSchema = z.unknown().describe('二进制文件（.docx / .xlsx）');

const meetingSummary = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  groupOrgId: z.number().int().nullable(),
  groupName: z.string().nullable(),
  kind: kindSchema,
  kindLabel: z.string(),
  date: z.string(),
  topic: z.string(),
  presenterName: z.string(),
  studyHours: z.number(),
  presentCount: z.number().int(),
  absentCount: z.number().int(),
});

const meetingDetail = meetingSummary.extend({
  presenterPersonId: z.number().int().nullable(),
  location: z.string().nullable(),
  minutes: z.string(),
  decisions: z.string(),
  createdByName: z.string(),
  attendees: z.array(z.object({ personId: z.number().int(), name: z.string(), hours: z.number() })),
  absentees: z.array(
    z.object({ personId: z.number().int(), name: z.string(), reason: z.string().nullable() }),
  ),
});

const periodSchema = z.object({
  key: z.string(),
  kind: z.string(),
  label: z.string(),
  start: z.string(),
  end: z.string(),
});

const cellSchema = z.object({
  rule: z.string(),
  period: z.string(),
  subject: z.string().nullable(),
  groupId: z.number().int().nullable(),
  state: z.enum(['met', 'missing', 'notDue', 'notRequired']),
  meetingIds: z.array(z.number().int()),
  required: z.number(),
  found: z.number(),
  note: z.string().optional(),
});

const findingSchema = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  orgId: z.number().int(),
  personId: z.number().int().nullable(),
  period: z.string().nullable(),
  message: z.string(),
  citation: z.string(),
  facts: z.record(z.string(), z.unknown()),
  review: z.boolean().optional(),
});

const studySchema = z.object({
  personId: z.number().int(),
  name: z.string(),
  isOfficer: z.boolean(),
  exemptReason: z.string().nullable(),
  meetingHours: z.number(),
  trainingHours: z.number(),
  totalHours: z.number(),
  requiredHours: z.number(),
  centralizedCount: z.number().int(),
  state: z.enum(['met', 'behind', 'missing', 'exempt']),
  shortfall: z.number(),
  monthsLeft: z.number().int(),
  rule: z.enum(['EDU-05', 'EDU-14']),
});

const reportSchema = z.object({
  year: z.number().int(),
  asOf: z.string(),
  settings: z.array(z.object({ key: z.string(), value: z.string(), source: z.string() })),
  rules: z.array(
    z.object({
      id: z.string(),
      module: z.string(),
      shortTitle: z.string(),
      title: z.string(),
      explanation: z.string(),
      level: z.string(),
      citations: z.array(z.string()),
      isReviewList: z.boolean(),
    }),
  ),
  periods: z.object({
    months: z.array(periodSchema),
    quarters: z.array(periodSchema),
    halves: z.array(periodSchema),
    year: periodSchema,
  }),
  branches: z.array(
    z.object({
      orgId: z.number().int(),
      name: z.string(),
      year: z.number().int(),
      asOf: z.string(),
      path: z.string(),
      parentName: z.string().nullable(),
      townshipId: z.number().int().nullable(),
      cells: z.array(cellSchema),
      findings: z.array(findingSchema),
      study: z.array(studySchema),
    }),
  ),
  rollups: z.array(
    z.object({
      orgId: z.number().int(),
      name: z.string(),
      kind: z.string(),
      branchCount: z.number().int(),
      rules: z.array(
        z.object({
          rule: z.string(),
          branchesMissing: z.number().int(),
          met: z.number().int(),
          missing: z.number().int(),
          notDue: z.number().int(),
        }),
      ),
      study: z.object({
        people: z.number().int(),
        met: z.number().int(),
        behind: z.number().int(),
        missing: z.number().int(),
        exempt: z.number().int(),
      }),
    }),
  ),
});

const complianceQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  orgId: z.coerce.number().int().positive().optional(),
  asOf: isoDate.optional(),
});

function attachment(filename: string): string {
  return `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function meetingsRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  const read = { roles: ALL_ROLES, scope: 'caller' } as const;
  const write = { roles: MEETING_WRITE_ROLES, scope: 'caller' } as const;

  return async (app) => {
    app.get(
      '/api/meetings',
      {
        config: { access: read },
        schema: {
          summary: '会议记录（管辖范围内，按日期倒序）',
          querystring: z.object({
            orgId: z.coerce.number().int().positive().optional(),
            year: z.coerce.number().int().min(2000).max(2100).optional(),
            from: isoDate.optional(),
            to: isoDate.optional(),
            kind: kindSchema.optional(),
          }),
          response: { 200: z.object({ items: z.array(meetingSummary) }) },
        },
      },
      async (request) => ({ items: await listMeetings(ctx, actorOf(request), request.query) }),
    );

    app.post(
      '/api/meetings',
      {
        config: { access: write },
        schema: {
          summary: '登记一次会议（到会、缺席、学时）',
          body: z.object({
            orgId: z.number().int().positive(),
            groupOrgId: z.number().int().positive().nullable().optional(),
            kind: kindSchema,
            date: isoDate,
            topic: z.string().max(200),
            presenterPersonId: z.number().int().positive().nullable().optional(),
            presenterName: z.string().max(50).optional(),
            location: z.string().max(100).nullable().optional(),
            minutes: z.string().max(20000).optional(),
            decisions: z.string().max(5000).optional(),
            studyHours: hours,
            attendees: z
              .array(z.object({ personId: z.number().int().positive(), hours: hours.optional() }))
              .max(2000),
            absentees: z
              .array(
                z.object({
                  personId: z.number().int().positive(),
                  reason: z.string().max(200).nullable().optional(),
                }),
              )
              .max(2000)
              .optional(),
          }),
          response: { 201: meetingDetail },
        },
      },
      async (request, reply) => {
        const meeting = await createMeeting(ctx, actorOf(request), request.body);
        reply.status(201);
        return meeting;
      },
    );

    app.get(
      '/api/meetings/:id',
      {
        config: { access: read },
        schema: { summary: '一次会议的记录', params: idParams, response: { 200: meetingDetail } },
      },
      async (request) => getMeeting(ctx, actorOf(request), request.params.id),
    );

    app.delete(
      '/api/meetings/:id',
      {
        config: { access: write },
        schema: { summary: '删除会议记录', params: idParams, response: { 200: okSchema } },
      },
      async (request) => {
        await deleteMeeting(ctx, actorOf(request), request.params.id);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/meetings/:id/record',
      {
        config: { access: read },
        schema: {
          summary: '会议记录（.docx，A4，归入支部档案）',
          params: idParams,
          response: { 200: fileSchema },
        },
      },
      async (request, reply) => {
        const file = await meetingRecordDocx(ctx, actorOf(request), request.params.id);
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', attachment(file.filename))
          .send(file.buffer);
      },
    );

    app.get(
      '/api/meetings/branches/:id',
      {
        config: { access: read },
        schema: {
          summary: '党支部的党小组和党员（登记会议时选择到会人员）',
          params: idParams,
          response: {
            200: z.object({
              orgId: z.number().int(),
              name: z.string(),
              groups: z.array(z.object({ id: z.number().int(), name: z.string() })),
              members: z.array(
                z.object({
                  personId: z.number().int(),
                  name: z.string(),
                  gender: z.string(),
                  status: z.string(),
                  orgId: z.number().int(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const r = await listBranchMembers(ctx, actorOf(request), request.params.id);
        return {
          orgId: r.branch.id,
          name: r.branch.name,
          groups: r.groups.map((g) => ({ id: g.id, name: g.name })),
          members: r.members,
        };
      },
    );

    app.get(
      '/api/meetings/branches/:id/plan',
      {
        config: { access: read },
        schema: {
          summary: '党支部年度三会一课计划（.xlsx）：每项会议的最迟日期和依据',
          params: idParams,
          querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
          response: { 200: fileSchema },
        },
      },
      async (request, reply) => {
        const file = await yearPlanXlsx(
          ctx,
          actorOf(request),
          request.params.id,
          request.query.year,
        );
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', attachment(file.filename))
          .send(file.buffer);
      },
    );

    app.get(
      '/api/meetings/branches/:id/plan/docx',
      {
        config: { access: read },
        schema: {
          summary: '党支部年度三会一课计划（.docx，A4）：每项会议的最迟日期和依据',
          params: idParams,
          querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
          response: { 200: fileSchema },
        },
      },
      async (request, reply) => {
        const file = await yearPlanDocx(
          ctx,
          actorOf(request),
          request.params.id,
          request.query.year,
        );
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', attachment(file.filename))
          .send(file.buffer);
      },
    );

    app.post(
      '/api/study-exemptions',
      {
        config: { access: write },
        schema: {
          summary: '登记党员免于学时和组织活动硬性要求（年老体弱、行动不便等，EDU-06）',
          body: z.object({
            personId: z.number().int().positive(),
            reason: z.string().max(50),
            fromDate: isoDate.optional(),
          }),
          response: { 201: z.object({ id: z.number().int() }) },
        },
      },
      async (request, reply) => {
        const created = await createExemption(ctx, actorOf(request), request.body);
        reply.status(201);
        return created;
      },
    );

    app.delete(
      '/api/study-exemptions/:personId',
      {
        config: { access: write },
        schema: {
          summary: '取消党员的免于要求',
          params: z.object({ personId: z.coerce.number().int().positive() }),
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await removeExemptions(ctx, actorOf(request), request.params.personId);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/compliance',
      {
        config: { access: read },
        schema: {
          summary: '组织生活落实情况：党支部×月份/季度/年度，学时，乡镇和县汇总',
          querystring: complianceQuery,
          response: { 200: reportSchema },
        },
      },
      async (request) => complianceReport(ctx, actorOf(request), request.query),
    );

    app.get(
      '/api/compliance/export',
      {
        config: { access: read },
        schema: {
          summary: '组织生活落实情况（.xlsx）',
          querystring: complianceQuery,
          response: { 200: fileSchema },
        },
      },
      async (request, reply) => {
        const file = await complianceXlsx(ctx, actorOf(request), request.query);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', attachment(file.filename))
          .send(file.buffer);
      },
    );
  };
}
