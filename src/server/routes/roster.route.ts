/**
 * 知根知底 routes: the roster (paged, filtered, pinyin search, masked ID numbers), one member
 * with history, membership events, the audited reveal of an ID number, village profiles and
 * statistics.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ADMIN_ROLES, ALL_ROLES } from '../../domain/access';
import { EDUCATION_LEVELS, MEMBERSHIP_STATUS_CODES } from '../../domain/roster/labels';
import type { MembershipEventKind } from '../../domain/roster/types';
import type { ServiceContext } from '../../services/context';
import {
  getMember,
  listRoster,
  recordMembershipEvent,
  revealIdNumber,
  transferInNewMember,
} from '../../services/roster/member.service';
import {
  getVillageProfile,
  listVillages,
  rosterStatistics,
} from '../../services/roster/village.service';
import { actorOf } from '../access';
import { idParams } from '../schemas';
import { orgCheckFindingSchema } from './roster-checks.route';

const statusSchema = z.enum(MEMBERSHIP_STATUS_CODES as [string, ...string[]]);
const awayKindSchema = z.enum(['mobile', 'abroad', 'lostContact', 'transferredOut']);
const eventKinds: [MembershipEventKind, ...MembershipEventKind[]] = [
  'corrected',
  'admitted',
  'confirmed',
  'transferIn',
  'transferOut',
  'transferReceived',
  'mobileOut',
  'mobileContact',
  'mobileReturn',
  'abroad',
  'abroadReturn',
  'lostContact',
  'contactRestored',
  'suspended',
  'reinstated',
  'left',
  'deceased',
];
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const statusAlternatives = MEMBERSHIP_STATUS_CODES.join('|');
/** A comma-separated list in a query string. */
const list = (pattern?: RegExp) =>
  (pattern === undefined ? z.string() : z.string().regex(pattern, '取值不在可选范围内'))
    .optional()
    .transform((s) => (s === undefined || s === '' ? undefined : s.split(',')));

export const rosterRowSchema = z.object({
  membershipId: z.number().int(),
  personId: z.number().int(),
  name: z.string(),
  gender: z.enum(['男', '女']),
  ethnicity: z.string().nullable(),
  birthDate: z.string().nullable(),
  age: z.number().int().nullable(),
  idNumber: z.string().nullable(),
  education: z.string().nullable(),
  phone: z.string().nullable(),
  occupation: z.string().nullable(),
  workUnit: z.string().nullable(),
  orgId: z.number().int(),
  orgName: z.string(),
  villageName: z.string().nullable(),
  status: statusSchema,
  statusLabel: z.string(),
  joinedOn: z.string().nullable(),
  fullMemberSince: z.string().nullable(),
  partyYears: z.number().int().nullable(),
  awayKind: awayKindSchema.nullable(),
  awayLabel: z.string().nullable(),
  awaySince: z.string().nullable(),
});

const eventSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  kindLabel: z.string(),
  occurredOn: z.string(),
  statusBefore: z.string().nullable(),
  statusAfter: z.string().nullable(),
  letterNumber: z.string().nullable(),
  place: z.string().nullable(),
  validUntil: z.string().nullable(),
  receivedOn: z.string().nullable(),
  isOverdue: z.boolean(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  note: z.string().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string(),
});

const countItems = z.array(z.object({ label: z.string(), count: z.number().int() }));
const structureSchema = z.object({
  total: z.number().int(),
  ageBands: countItems,
  gender: countItems,
  education: countItems,
  partyYears: countItems,
  occupation: countItems,
});

export const rosterQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  status: list(new RegExp(`^(${statusAlternatives})(,(${statusAlternatives}))*$`)),
  gender: z.enum(['男', '女']).optional(),
  education: list(),
  ageMin: z.coerce.number().int().min(0).max(150).optional(),
  ageMax: z.coerce.number().int().min(0).max(150).optional(),
  partyYearsMin: z.coerce.number().int().min(0).max(100).optional(),
  partyYearsMax: z.coerce.number().int().min(0).max(100).optional(),
  away: z
    .enum(['here', 'away', 'all', 'mobile', 'abroad', 'lostContact', 'transferredOut'])
    .optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.enum(['name', 'birthDate', 'joinedOn', 'org']).optional(),
});

export type RosterQueryString = z.infer<typeof rosterQuerySchema>;

export function rosterQueryOf(q: RosterQueryString) {
  return {
    ...q,
    statuses: q.status as Parameters<typeof listRoster>[2]['statuses'],
  };
}

export function rosterRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  const read = { roles: ALL_ROLES, scope: 'caller' } as const;

  return async (app) => {
    app.get(
      '/api/roster/members',
      {
        config: { access: read },
        schema: {
          summary: '党员名册（分页、筛选、姓名/拼音/首字母检索；身份证号脱敏）',
          querystring: rosterQuerySchema,
          response: {
            200: z.object({
              items: z.array(rosterRowSchema),
              total: z.number().int(),
              totalIsLowerBound: z.boolean(),
              page: z.number().int(),
              pageSize: z.number().int(),
            }),
          },
        },
      },
      async (request) => listRoster(ctx, actorOf(request), rosterQueryOf(request.query)),
    );

    app.get(
      '/api/roster/options',
      {
        config: { access: { roles: ALL_ROLES, scope: 'none' } },
        schema: {
          summary: '名册筛选项：学历',
          response: { 200: z.object({ education: z.array(z.string()) }) },
        },
      },
      async () => ({ education: [...EDUCATION_LEVELS] }),
    );

    app.get(
      '/api/roster/members/:id',
      {
        config: { access: read },
        schema: {
          summary: '一名党员的信息、党籍变动记录和任职',
          params: idParams,
          response: {
            200: rosterRowSchema.extend({
              events: z.array(eventSchema),
              posts: z.array(
                z.object({
                  body: z.string(),
                  title: z.string(),
                  orgName: z.string(),
                  termStart: z.string(),
                  termEnd: z.string().nullable(),
                  endedOn: z.string().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => getMember(ctx, actorOf(request), request.params.id),
    );

    app.post(
      '/api/roster/members/:id/reveal-id-number',
      {
        config: { access: { roles: ADMIN_ROLES, scope: 'caller' } },
        schema: {
          summary: '查看一人完整的公民身份号码（记入审计）',
          params: idParams,
          response: { 200: z.object({ idNumber: z.string().nullable() }) },
        },
      },
      async (request) => ({
        idNumber: await revealIdNumber(ctx, actorOf(request), request.params.id),
      }),
    );

    app.post(
      '/api/roster/members/:id/events',
      {
        config: {
          access: {
            roles: ['countyAdmin', 'townshipOrganizer', 'branchSecretary'],
            scope: 'caller',
          },
        },
        schema: {
          summary: '登记党籍变动（转入转出、流动、出国（境）、失联、停止与恢复党籍、出党、死亡）',
          params: idParams,
          body: z.object({
            kind: z.enum(eventKinds),
            occurredOn: dateSchema,
            letterNumber: z.string().max(60).nullish(),
            place: z.string().max(100).nullish(),
            validUntil: dateSchema.nullish(),
            contactName: z.string().max(30).nullish(),
            contactPhone: z.string().max(30).nullish(),
            note: z.string().max(500).nullish(),
            status: statusSchema.optional(),
            joinedOn: dateSchema.nullish(),
            fullMemberSince: dateSchema.nullish(),
          }),
          response: { 201: eventSchema },
        },
      },
      async (request, reply) => {
        const { status, ...rest } = request.body;
        const event = await recordMembershipEvent(ctx, actorOf(request), request.params.id, {
          ...rest,
          ...(status === undefined
            ? {}
            : { status: status as (typeof MEMBERSHIP_STATUS_CODES)[number] }),
        });
        reply.status(201);
        return event;
      },
    );

    app.post(
      '/api/roster/members/transfer-in',
      {
        config: { access: { roles: ADMIN_ROLES, scope: 'caller' } },
        schema: {
          summary: '组织关系转入（名册中还没有的党员）：新建人员与党籍，登记转入',
          body: z.object({
            orgId: z.number().int().positive(),
            person: z.object({
              name: z.string().max(20),
              gender: z.enum(['男', '女']),
              idNumber: z.string().max(18),
              ethnicity: z.string().max(20).nullish(),
              birthDate: dateSchema.nullish(),
              education: z.string().max(20).nullish(),
              phone: z.string().max(30).nullish(),
              occupation: z.string().max(50).nullish(),
              workUnit: z.string().max(100).nullish(),
            }),
            status: z.enum(['full', 'probationary']),
            joinedOn: dateSchema,
            fullMemberSince: dateSchema.nullish(),
            occurredOn: dateSchema,
            letterNumber: z.string().max(60),
            fromOrg: z.string().max(100),
            validUntil: dateSchema,
            note: z.string().max(500).nullish(),
          }),
          response: {
            201: z.object({ membershipId: z.number().int(), personId: z.number().int() }),
          },
        },
      },
      async (request, reply) => {
        const ids = await transferInNewMember(ctx, actorOf(request), request.body);
        reply.status(201);
        return ids;
      },
    );

    app.get(
      '/api/roster/villages',
      {
        config: { access: read },
        schema: {
          summary: '管辖范围内的村（社区）党组织概况',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.number().int(),
                  name: z.string(),
                  kindLabel: z.string(),
                  members: z.number().int(),
                  secretaryName: z.string().nullable(),
                  isOneShoulder: z.boolean(),
                  termEnd: z.string().nullable(),
                  awayCount: z.number().int(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => ({ items: await listVillages(ctx, actorOf(request)) }),
    );

    app.get(
      '/api/roster/villages/:id',
      {
        config: { access: read },
        schema: {
          summary: '村情档案：两委班子与任期、一肩挑与交叉任职、党员结构、发展情况、组织检查',
          params: idParams,
          response: {
            200: z.object({
              id: z.number().int(),
              name: z.string(),
              kindLabel: z.string(),
              posts: z.array(
                z.object({
                  id: z.number().int(),
                  personId: z.number().int(),
                  name: z.string(),
                  gender: z.string(),
                  age: z.number().int().nullable(),
                  education: z.string().nullable(),
                  isPartyMember: z.boolean(),
                  body: z.enum(['partyOrg', 'villagersCommittee', 'supervisoryCommittee']),
                  bodyLabel: z.string(),
                  title: z.enum([
                    'secretary',
                    'deputySecretary',
                    'director',
                    'deputyDirector',
                    'member',
                  ]),
                  titleLabel: z.string(),
                  termStart: z.string(),
                  termEnd: z.string().nullable(),
                }),
              ),
              isOneShoulder: z.boolean(),
              secretaryName: z.string().nullable(),
              directorName: z.string().nullable(),
              crossAppointedNames: z.array(z.string()),
              twoCommitteesSize: z.number().int(),
              termEnd: z.string().nullable(),
              nextElectionDate: z.string().nullable(),
              reserves: z.array(
                z.object({
                  id: z.number().int(),
                  name: z.string(),
                  age: z.number().int().nullable(),
                  education: z.string().nullable(),
                  readinessLabel: z.string(),
                  targetPost: z.string().nullable(),
                  notes: z.string().nullable(),
                  addedOn: z.string(),
                }),
              ),
              counts: z.object({
                members: z.number().int(),
                full: z.number().int(),
                probationary: z.number().int(),
                mobile: z.number().int(),
                abroad: z.number().int(),
                lostContact: z.number().int(),
                branches: z.number().int(),
              }),
              pipeline: z.object({
                applicant: z.number().int(),
                activist: z.number().int(),
                candidate: z.number().int(),
              }),
              structure: structureSchema,
              findings: z.array(orgCheckFindingSchema),
            }),
          },
        },
      },
      async (request) => getVillageProfile(ctx, actorOf(request), request.params.id),
    );

    app.get(
      '/api/roster/statistics',
      {
        config: { access: read },
        schema: {
          summary: '党员队伍结构统计（年龄、性别、学历、党龄、职业、分村、历年发展）',
          querystring: z.object({ orgId: z.coerce.number().int().positive().optional() }),
          response: {
            200: z.object({
              scopeName: z.string(),
              asOf: z.string(),
              structure: structureSchema,
              perVillage: z.array(
                z.object({
                  name: z.string(),
                  members: z.number().int(),
                  full: z.number().int(),
                  probationary: z.number().int(),
                }),
              ),
              admissionsByYear: countItems,
              away: countItems,
            }),
          },
        },
      },
      async (request) => rosterStatistics(ctx, actorOf(request), request.query.orgId),
    );
  };
}
