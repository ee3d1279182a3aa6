import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ALL_ROLES } from '../../domain/access';
import { RULE_MODULE_LABELS, type RuleModule } from '../../domain/rule-index';
import {
  calculateDuesView,
  calculateMembershipAge,
  calculatePlan,
  calculateWorkdays,
  calculateElectionThresholds,
  calculateTermDates,
  getQuestionDetail,
  getRuleDetail,
  handbookData,
  search,
} from '../../services/handbook/handbook.service';

const moduleSchema = z.enum(Object.keys(RULE_MODULE_LABELS) as [RuleModule, ...RuleModule[]]);
const severitySchema = z.enum(['error', 'warning', 'info']);

const citationSchema = z.object({
  text: z.string(),
  instrument: z.string(),
  version: z.string(),
  status: z.enum(['verified', 'articleUnverified', 'unverified']),
  isLocalPractice: z.boolean(),
});

const settingSchema = z.object({
  key: z.string(),
  label: z.string(),
  defaultValue: z.string(),
  source: z.string(),
});

const ruleSchema = z.object({
  id: z.string(),
  module: moduleSchema,
  moduleLabel: z.string(),
  levels: z.array(severitySchema),
  title: z.string(),
  explanation: z.string(),
  citations: z.array(citationSchema),
  isProvisional: z.boolean(),
  settings: z.array(settingSchema),
  questionIds: z.array(z.string()),
});

const answerSchema = z.object({
  id: z.string(),
  topic: moduleSchema,
  topicLabel: z.string(),
  question: z.string(),
  answer: z.string(),
  ruleIds: z.array(z.string()),
  citations: z.array(citationSchema),
});

const exampleSchema = z.object({
  name: z.string(),
  outcome: z.enum(['flagged', 'clean', 'computed']),
  detail: z.string(),
  file: z.string(),
});

const segmentSchema = z.object({ text: z.string(), isHit: z.boolean() });

const ruleRefSchema = z.object({
  id: z.string(),
  title: z.string(),
  citations: z.array(citationSchema),
});

const text = (max: number) => z.string().max(max).optional();

export function handbookRoutes(): FastifyPluginAsyncZod {
  // Reading the handbook and using the calculators is open to every role; nothing is scoped.
  const access = { roles: ALL_ROLES, scope: 'none' } as const;

  return async (app) => {
    app.get(
      '/api/handbook',
      {
        config: { access },
        schema: {
          summary: '问不倒：全部规则与常见问题，按法规与按专题分组',
          response: {
            200: z.object({
              rules: z.array(ruleSchema),
              questions: z.array(answerSchema),
              instruments: z.array(
                z.object({
                  label: z.string(),
                  instrument: z.string(),
                  version: z.string(),
                  ruleIds: z.array(z.string()),
                }),
              ),
              topics: z.array(
                z.object({
                  module: moduleSchema,
                  label: z.string(),
                  ruleIds: z.array(z.string()),
                  questionIds: z.array(z.string()),
                }),
              ),
            }),
          },
        },
      },
      async () => handbookData().handbook,
    );

    app.get(
      '/api/handbook/rules/:id',
      {
        config: { access },
        schema: {
          summary: '一条规则：条文出处、解释、案例、地方设置与相关问题',
          params: z.object({ id: z.string().max(40) }),
          response: {
            200: ruleSchema.extend({
              examples: z.array(exampleSchema),
              questions: z.array(answerSchema),
            }),
          },
        },
      },
      async (request) => getRuleDetail(request.params.id),
    );

    app.get(
      '/api/handbook/questions/:id',
      {
        config: { access },
        schema: {
          summary: '一个常见问题的结论与出处',
          params: z.object({ id: z.string().max(20) }),
          response: {
            200: answerSchema.extend({
              rules: z.array(z.object({ id: z.string(), title: z.string() })),
            }),
          },
        },
      },
      async (request) => getQuestionDetail(request.params.id),
    );

    app.get(
      '/api/handbook/search',
      {
        config: { access },
        schema: {
          summary: '检索规则与问答（整词、词的一部分、拼音首字母、同义词），命中处标出',
          querystring: z.object({ q: z.string().max(2000).default('') }),
          response: {
            200: z.object({
              query: z.string(),
              terms: z.array(z.string()),
              variants: z.array(z.string()),
              hits: z.array(
                z.object({
                  kind: z.enum(['rule', 'question']),
                  id: z.string(),
                  score: z.number(),
                  title: z.array(segmentSchema),
                  snippet: z.array(segmentSchema),
                }),
              ),
            }),
          },
        },
      },
      async (request) => search(request.query.q),
    );

    app.get(
      '/api/handbook/dues',
      {
        config: { access },
        schema: {
          summary: '党费计算：按类别与月收入（元）',
          querystring: z.object({
            income: text(40),
            category: text(10),
            farmerAmount: text(20),
          }),
          response: {
            200: z.object({
              category: z.string(),
              income: z.string().nullable(),
              monthly: z.string(),
              monthlyFen: z.number().int(),
              rate: z.string().nullable(),
              basis: z.string(),
              rule: z.string(),
              ruleTitle: z.string(),
              citation: z.string(),
              citations: z.array(citationSchema),
              notes: z.array(z.string()),
            }),
          },
        },
      },
      async (request) => calculateDuesView(request.query),
    );

    app.get(
      '/api/handbook/membership-age',
      {
        config: { access },
        schema: {
          summary: '预备期满与党龄（含延长预备期）',
          querystring: z.object({
            admissionMeetingDate: z.string().max(40).default(''),
            extensionMonths: text(40),
            asOf: z.string().max(40).default(''),
          }),
          response: {
            200: z.object({
              admissionMeetingDate: z.string(),
              asOf: z.string(),
              regularProbationEnd: z.string(),
              probationEnd: z.string(),
              fullMemberSince: z.string(),
              isProbationOver: z.boolean(),
              partyStanding: z.object({ years: z.number(), months: z.number() }).nullable(),
              problems: z.array(z.object({ rule: z.string(), message: z.string() })),
              rules: z.array(z.string()),
              ruleRefs: z.array(ruleRefSchema),
            }),
          },
        },
      },
      async (request) => calculateMembershipAge(request.query),
    );

    app.get(
      '/api/handbook/workdays',
      {
        config: { access },
        schema: {
          summary: '工作日：加 N 个工作日、两日之间的工作日数、公示结束日',
          querystring: z.object({
            mode: z.string().max(10).default('add'),
            start: z.string().max(40).default(''),
            end: text(40),
            days: text(10),
          }),
          response: {
            200: z.object({
              mode: z.enum(['add', 'count', 'notice']),
              start: z.string(),
              end: z.string(),
              workdays: z.number().int(),
              nextDay: z.string().nullable(),
              explanation: z.string(),
              warnings: z.array(z.string()),
              ruleRefs: z.array(ruleRefSchema),
            }),
          },
        },
      },
      async (request) => calculateWorkdays(request.query),
    );

    app.get(
      '/api/handbook/plan',
      {
        config: { access },
        schema: {
          summary: '发展党员推算表：从递交入党申请书之日推算各步骤最早日期（同 zugong plan）',
          querystring: z.object({ from: z.string().max(40).default('') }),
          response: {
            200: z.object({
              from: z.string(),
              steps: z.array(
                z.object({
                  step: z.string(),
                  title: z.string(),
                  earliest: z.string().nullable(),
                  latest: z.string().nullable(),
                  rule: z.string().nullable(),
                  note: z.string(),
                }),
              ),
              ruleRefs: z.array(z.object({ id: z.string(), title: z.string() })),
            }),
          },
        },
      },
      async (request) => calculatePlan(request.query),
    );

    app.get(
      '/api/handbook/election-thresholds',
      {
        config: { access },
        schema: {
          summary: '选举门槛：由应到、实到、应选人数给出到会人数、当选票数和候选人数',
          querystring: z.object({
            kind: text(10),
            expected: text(10),
            present: text(10),
            seats: text(10),
            date: text(40),
          }),
          response: {
            200: z.object({
              kind: z.enum(['党组织委员会', '党组织书记副书记', '村民委员会']),
              date: z.string(),
              expectedVoters: z.number().int(),
              presentVoters: z.number().int(),
              seats: z.number().int(),
              minPresent: z.number().int(),
              isQuorate: z.boolean(),
              minVotes: z.number().int(),
              votesBasis: z.string(),
              minCandidates: z.number().int(),
              explanation: z.array(z.string()),
              ruleRefs: z.array(ruleRefSchema),
            }),
          },
        },
      },
      async (request) => calculateElectionThresholds(request.query),
    );

    app.get(
      '/api/handbook/term-dates',
      {
        config: { access },
        schema: {
          summary: '换届日期：由本届任期开始日期推算届满日、提醒起始日、延期上限和换届工作计划',
          querystring: z.object({ termStart: text(40), years: text(4) }),
          response: {
            200: z.object({
              termStart: z.string(),
              years: z.number().int(),
              termEnd: z.string(),
              reminderFrom: z.string(),
              latestWithApproval: z.string(),
              steps: z.array(
                z.object({
                  key: z.string(),
                  title: z.string(),
                  dueDate: z.string(),
                  source: z.string(),
                  isStatutory: z.boolean(),
                }),
              ),
              ruleRefs: z.array(ruleRefSchema),
            }),
          },
        },
      },
      async (request) => calculateTermDates(request.query),
    );
  };
}
