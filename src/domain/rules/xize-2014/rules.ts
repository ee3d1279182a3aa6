/**
 * 发展党员 rules under the 2014 《中国共产党发展党员工作细则》, plus the local 公示 rule and the
 * ID-number check: every rule of the 发展党员 table in rules.md. Titles and explanations are
 * this project's own wording; facts and article numbers come from reference.md §2.
 */
import { addDays, addMonths, ageOn, diffDays, maxDate, type IsoDate } from '../../calendar/date';
import { yearOf } from '../../calendar/workdays';
import { readIdNumber } from '../../id-number';
import {
  REQUIRED_DOCUMENTS,
  STEP_TITLES,
  type Person,
  type StepKey,
  type Steps,
  type Vote,
} from '../../dossier/types';
import { xize2014, xize2026, XIZE_2014, type Citation } from '../citation';
import { extensionMonths, type CheckContext, type Rule } from '../engine';

const FROM_2014 = XIZE_2014.effectiveFrom;

function rule2014(
  r: Omit<Rule, 'ruleSet' | 'effectiveFrom' | 'effectiveTo'> & { effectiveFrom?: IsoDate },
): Rule {
  return {
    ruleSet: 'xize-2014',
    effectiveTo: null,
    ...r,
    effectiveFrom: r.effectiveFrom ?? FROM_2014,
  };
}

/** 18th birthday: the day 年满十八岁 (29 February clamps to 28 February). */
export function eighteenthBirthday(birthDate: IsoDate): IsoDate {
  return addMonths(birthDate, 18 * 12);
}

function checkPeople(
  ctx: CheckContext,
  step: 'mentors' | 'sponsors',
  role: string,
  people: readonly Person[],
  date: IsoDate,
): void {
  for (let i = 0; i < people.length; i++) {
    const person = people[i] as Person;
    for (let j = 0; j < i; j++) {
      if (people[j]?.name === person.name) {
        ctx.report('error', step, date, `${role}中同一人出现两次：${person.name}。`, {
          name: person.name,
        });
        break;
      }
    }
    if (person.name === ctx.dossier.name) {
      ctx.report('error', step, date, `${role}不能是申请人本人：${person.name}。`, {
        name: person.name,
        applicant: ctx.dossier.name,
      });
    }
  }
}

/** Status of one person as a 正式党员 on `date`: error when known not to be, warning when unknown. */
function checkFullMember(
  ctx: CheckContext,
  step: StepKey,
  role: string,
  person: Person,
  date: IsoDate,
  occasion: string,
): void {
  if (person.fullMemberSince === undefined) {
    ctx.report(
      'warning',
      step,
      date,
      `${role}${person.name}成为正式党员的日期未记录，无法核实其在${occasion}（${date}）是否为正式党员。`,
      { name: person.name, date },
    );
  } else if (person.fullMemberSince > date) {
    ctx.report(
      'error',
      step,
      date,
      `${role}应为正式党员：${person.name}于 ${person.fullMemberSince} 才成为正式党员，${occasion}（${date}）时尚不是正式党员。`,
      { name: person.name, fullMemberSince: person.fullMemberSince, date },
    );
  }
}

function meetingName(step: StepKey): string {
  return step === 'admissionMeeting' ? '接收预备党员的支部大会' : '讨论转正的支部大会';
}

/** Date a step starts (training: startDate); null for multi-date steps or absent steps. */
export function stepStart(steps: Steps, key: StepKey): IsoDate | null {
  const s = steps[key] as { date?: IsoDate; startDate?: IsoDate } | undefined;
  return s === undefined ? null : (s.date ?? s.startDate ?? null);
}

/** Date a step ends (training: endDate). */
export function stepEnd(steps: Steps, key: StepKey): IsoDate | null {
  const s = steps[key] as { date?: IsoDate; endDate?: IsoDate } | undefined;
  return s === undefined ? null : (s.date ?? s.endDate ?? null);
}

interface OrderEdge {
  from: StepKey;
  to: StepKey;
  /** Check the dates (false where a numbered rule already does). */
  order: boolean;
  /** Check that `from` exists when `to` does (false where a numbered rule already does). */
  missing: boolean;
}

/**
 * The backbone of dossier-format.md §5, minus the pairs a numbered rule covers
 * (DEV-08 for 3→7 dates, DEV-11 for a missing 10, DEV-14 for 12→13→14→15, DEV-23 for 17→20 dates,
 * DEV-25 for 15→23 dates), plus the filing steps that must follow what they file.
 */
export const ORDER_EDGES: readonly OrderEdge[] = [
  { from: 'application', to: 'applicationTalk', order: true, missing: true },
  { from: 'applicationTalk', to: 'activistSelection', order: true, missing: true },
  { from: 'activistSelection', to: 'activistFiling', order: true, missing: true },
  { from: 'activistSelection', to: 'mentors', order: true, missing: true },
  { from: 'activistSelection', to: 'candidateSelection', order: false, missing: true },
  { from: 'candidateSelection', to: 'candidateFiling', order: true, missing: true },
  { from: 'candidateSelection', to: 'sponsors', order: true, missing: true },
  { from: 'candidateSelection', to: 'committeeReview', order: true, missing: true },
  { from: 'politicalReview', to: 'committeeReview', order: true, missing: false },
  { from: 'training', to: 'committeeReview', order: true, missing: true },
  { from: 'admissionMeeting', to: 'approval', order: true, missing: true },
  { from: 'approval', to: 'oath', order: false, missing: true },
  { from: 'approval', to: 'approvalFiling', order: true, missing: true },
  { from: 'approval', to: 'groupAssignment', order: true, missing: true },
  { from: 'admissionMeeting', to: 'fullMembershipMeeting', order: false, missing: true },
  { from: 'fullMembershipMeeting', to: 'fullMembershipApproval', order: true, missing: true },
  { from: 'fullMembershipApproval', to: 'archiving', order: true, missing: true },
];

const NOTICE_CITATION: Citation = {
  instrument: '各省（区、市）发展党员工作实施细则',
  version: '地方口径',
  effectiveFrom: FROM_2014,
  effectiveTo: null,
  status: 'verified',
  isLocalPractice: true,
};

const ID_CITATION: Citation = {
  instrument: '公民身份号码',
  version: 'GB 11643—1999',
  effectiveFrom: '1999-07-01',
  effectiveTo: null,
  status: 'verified',
};

export const XIZE_2014_RULES: readonly Rule[] = [
  rule2014({
    id: 'DEV-01',
    levels: ['error', 'warning'],
    title: '申请入党须年满十八岁',
    explanation:
      '递交入党申请书之日应已年满十八周岁。生日当天按年满处理，但因司法实践多自生日次日起算，恰在十八周岁生日当天递交的给出提醒。',
    citations: [xize2014(5, 'verified')],
    check(ctx) {
      const app = ctx.steps.application;
      if (app === undefined) {
        return;
      }
      const birthday18 = eighteenthBirthday(ctx.birthDate);
      if (app.date > birthday18) {
        return;
      }
      const facts = {
        birthDate: ctx.birthDate,
        applicationDate: app.date,
        eighteenthBirthday: birthday18,
      };
      if (ageOn(ctx.birthDate, app.date) < 18) {
        ctx.report(
          'error',
          'application',
          app.date,
          `申请入党须年满十八岁：出生日期 ${ctx.birthDate}，应在 ${birthday18} 或以后递交申请书，实际 ${app.date}。`,
          facts,
        );
      } else if (app.date === birthday18) {
        ctx.report(
          'warning',
          'application',
          app.date,
          `入党申请书恰在十八周岁生日当天（${app.date}）递交：按本系统口径视为年满十八岁，请核实当地是否自生日次日起算。`,
          facts,
        );
      }
    },
  }),
  rule2014({
    id: 'DEV-03',
    levels: ['error'],
    title: '收到入党申请书后一个月内派人谈话',
    explanation:
      '党组织收到入党申请书后，应当在一个月内派人同申请人谈话。期限从收到之日的次日起算，到下个月对应日（无对应日的取月末）为止。',
    citations: [xize2014(7, 'verified')],
    check(ctx) {
      const app = ctx.steps.application;
      if (app === undefined) {
        return;
      }
      const received = app.receivedDate ?? app.date;
      const deadline = addMonths(received, 1);
      const talk = ctx.steps.applicationTalk;
      if (talk !== undefined) {
        if (talk.date > deadline) {
          ctx.report(
            'error',
            'applicationTalk',
            talk.date,
            `党组织收到入党申请书后一个月内应派人谈话：${received} 收到，最迟 ${deadline}，实际 ${talk.date}。`,
            { receivedDate: received, talkDate: talk.date, deadline },
          );
        }
      } else if (ctx.asOf > deadline) {
        ctx.report(
          'error',
          'applicationTalk',
          deadline,
          `党组织收到入党申请书后一个月内应派人谈话：${received} 收到，最迟 ${deadline}，截至 ${ctx.asOf} 仍无谈话记录。`,
          { receivedDate: received, talkDate: null, deadline, asOf: ctx.asOf },
        );
      }
    },
  }),
  rule2014({
    id: 'DEV-04',
    levels: ['error', 'warning'],
    title: '入党积极分子经推荐产生、由支部委员会研究决定',
    explanation:
      '入党积极分子应经党员推荐、群团组织推优等方式产生，由支部委员会（不设支部委员会的由支部大会）研究决定，并报上级党委备案。未记录决定机构的视为违反；未记录推荐方式的给出提醒。本地设置规定申请后最短间隔的，未满间隔即确定的给出提醒（地方口径）。',
    citations: [xize2014(8, 'verified')],
    check(ctx) {
      const step = ctx.steps.activistSelection;
      if (step === undefined) {
        return;
      }
      if (step.decidedBy === undefined) {
        ctx.report(
          'error',
          'activistSelection',
          step.date,
          `入党积极分子应由支部委员会（不设支部委员会的由支部大会）研究决定：${step.date} 的确定记录未写明决定机构。`,
          { date: step.date, decidedBy: null },
        );
      }
      if (step.method === undefined) {
        ctx.report(
          'warning',
          'activistSelection',
          step.date,
          `入党积极分子应经党员推荐或群团组织推优等方式产生：${step.date} 的确定记录未写明推荐方式。`,
          { date: step.date, method: null },
        );
      }
      const months = ctx.settings.applicationToActivistMinMonths;
      const app = ctx.steps.application;
      if (months > 0 && app !== undefined) {
        const earliest = addMonths(app.date, months);
        if (step.date < earliest) {
          ctx.report(
            'warning',
            'activistSelection',
            step.date,
            `按本地设置，递交申请书后满 ${months} 个月方可确定为入党积极分子（地方口径）：${app.date} 递交，最早 ${earliest}，实际 ${step.date}。`,
            { applicationDate: app.date, activistDate: step.date, earliest, minMonths: months },
          );
        }
      }
    },
  }),
  rule2014({
    id: 'DEV-05',
    levels: ['error', 'warning'],
    title: '指定一至两名正式党员作培养联系人',
    explanation:
      '党组织应指定一至两名正式党员作为入党积极分子的培养联系人。人数不符、同一人重复、申请人本人或指定时尚非正式党员的均不符合要求；转正日期未记录的无法核实，给出提醒。',
    citations: [xize2014(9, 'verified')],
    check(ctx) {
      const step = ctx.steps.mentors;
      if (step === undefined) {
        return;
      }
      const n = step.people.length;
      if (n < 1 || n > 2) {
        ctx.report(
          'error',
          'mentors',
          step.date,
          `培养联系人应为一至两名正式党员：${step.date} 指定了 ${n} 人。`,
          { date: step.date, count: n, names: step.people.map((p) => p.name) },
        );
      }
      checkPeople(ctx, 'mentors', '培养联系人', step.people, step.date);
      for (const person of step.people) {
        checkFullMember(ctx, 'mentors', '培养联系人', person, step.date, '指定培养联系人时');
      }
    },
  }),
  rule2014({
    id: 'DEV-06',
    levels: ['error'],
    title: '每半年对入党积极分子考察一次',
    explanation:
      '党支部应每半年对入党积极分子进行一次考察。从确定为积极分子之日起，经各次考察直到确定为发展对象（尚未确定的算到检查日），相邻两个日期不得超过六个月。',
    citations: [xize2014(11, 'articleUnverified')],
    check(ctx) {
      const start = ctx.steps.activistSelection;
      if (start === undefined) {
        return;
      }
      const reviews = ctx.steps.activistReviews?.dates ?? [];
      const candidate = ctx.steps.candidateSelection;
      let end: IsoDate | null = null;
      if (candidate !== undefined) {
        end = candidate.date;
      } else if (!ctx.hasStepFrom('candidateFiling') && ctx.asOf > start.date) {
        end = ctx.asOf;
      }
      let prev = start.date;
      let dates = reviews;
      for (let i = 1; i < reviews.length; i++) {
        if ((reviews[i] as IsoDate) < (reviews[i - 1] as IsoDate)) {
          dates = [...reviews].sort();
          break;
        }
      }
      for (const d of dates) {
        checkReviewGap(ctx, prev, d, null);
        prev = maxDate(prev, d);
      }
      if (end !== null) {
        checkReviewGap(ctx, prev, end, candidate === undefined ? 'asOf' : 'candidate');
      }
    },
  }),
  rule2014({
    id: 'DEV-08',
    levels: ['error'],
    title: '经一年以上培养教育和考察方可列为发展对象',
    explanation:
      '入党积极分子经过一年以上的培养教育和考察，方可列为发展对象。“一年以上”含本数：确定为积极分子满一年的对应日当天即可。',
    citations: [xize2014(13, 'verified'), xize2026(13)],
    check(ctx) {
      const activist = ctx.steps.activistSelection;
      const candidate = ctx.steps.candidateSelection;
      if (activist === undefined || candidate === undefined) {
        return;
      }
      const earliest = addMonths(activist.date, 12);
      if (candidate.date < earliest) {
        ctx.report(
          'error',
          'candidateSelection',
          candidate.date,
          `入党积极分子经一年以上培养考察方可列为发展对象：${activist.date} 确定为积极分子，最早 ${earliest}，实际 ${candidate.date}（少 ${diffDays(candidate.date, earliest)} 天）。`,
          { activistDate: activist.date, candidateDate: candidate.date, earliest },
        );
      }
    },
  }),
  rule2014({
    id: 'DEV-09',
    levels: ['error', 'warning'],
    title: '两名正式党员作入党介绍人',
    explanation:
      '发展对象应有两名正式党员作入党介绍人，在确定介绍人和支部大会讨论时都应是正式党员；受留党察看处分、尚未恢复党员权利的不能作介绍人。转正日期未记录的无法核实，给出提醒。',
    citations: [xize2014(14, 'articleUnverified')],
    check(ctx) {
      const step = ctx.steps.sponsors;
      if (step === undefined) {
        return;
      }
      const n = step.people.length;
      if (n !== 2) {
        ctx.report(
          'error',
          'sponsors',
          step.date,
          `入党介绍人应为两名正式党员：${step.date} 确定了 ${n} 人。`,
          {
            date: step.date,
            count: n,
            names: step.people.map((p) => p.name),
          },
        );
      }
      checkPeople(ctx, 'sponsors', '入党介绍人', step.people, step.date);
      const meeting = ctx.steps.admissionMeeting;
      for (const person of step.people) {
        if (person.disciplinaryProbation === true) {
          ctx.report(
            'error',
            'sponsors',
            step.date,
            `受留党察看处分、尚未恢复党员权利的党员不能作入党介绍人：${person.name}。`,
            { name: person.name, disciplinaryProbation: true },
          );
        }
        if (person.fullMemberSince === undefined) {
          checkFullMember(ctx, 'sponsors', '入党介绍人', person, step.date, '确定介绍人时');
          continue;
        }
        if (person.fullMemberSince > step.date) {
          checkFullMember(ctx, 'sponsors', '入党介绍人', person, step.date, '确定介绍人时');
        } else if (meeting !== undefined && person.fullMemberSince > meeting.date) {
          checkFullMember(ctx, 'sponsors', '入党介绍人', person, meeting.date, '支部大会讨论时');
        }
      }
    },
  }),
  rule2014({
    id: 'DEV-11',
    levels: ['error'],
    title: '未经政治审查或政审不合格的不能发展',
    explanation:
      '对发展对象应进行政治审查并形成结论性材料。支部委员会审查及以后各步开始前应已有政审结论；结论为不合格的不能继续发展；结论不能早于函调回复。',
    citations: [xize2014(16, 'verified'), xize2026(16)],
    check(ctx) {
      const review = ctx.steps.politicalReview;
      if (review === undefined) {
        if (ctx.hasStepFrom('committeeReview')) {
          const later = firstPresentFrom(ctx, 'committeeReview');
          ctx.report(
            'error',
            'politicalReview',
            later.date,
            `未经政治审查不能发展：已有“${STEP_TITLES[later.step]}”（${later.date}），但没有政治审查结论。`,
            { laterStep: later.step, laterDate: later.date },
          );
        }
        return;
      }
      if (review.result === '不合格' && ctx.hasStepFrom('committeeReview')) {
        const later = firstPresentFrom(ctx, 'committeeReview');
        ctx.report(
          'error',
          'politicalReview',
          review.date,
          `政治审查不合格的不能发展：${review.date} 结论为不合格，之后仍有“${STEP_TITLES[later.step]}”（${later.date}）。`,
          { reviewDate: review.date, result: review.result, laterStep: later.step },
        );
      }
      for (const reply of review.inquiryReplyDates ?? []) {
        if (reply > review.date) {
          ctx.report(
            'error',
            'politicalReview',
            review.date,
            `政治审查结论应在函调回复之后形成：函调回复 ${reply}，结论却在 ${review.date}。`,
            { reviewDate: review.date, inquiryReplyDate: reply },
          );
        }
      }
    },
  }),
  rule2014({
    id: 'DEV-12',
    levels: ['error'],
    title: '发展对象须经短期集中培训',
    explanation:
      '发展对象应参加不少于三天（或不少于二十四个学时）的集中培训，起止两天都计入；未经培训的不能发展，培训应在支部大会讨论前结束。',
    citations: [xize2014(17, 'verified'), xize2026(17)],
    check(ctx) {
      const training = ctx.steps.training;
      const meeting = ctx.steps.admissionMeeting;
      if (training === undefined) {
        if (meeting !== undefined) {
          ctx.report(
            'error',
            'training',
            meeting.date,
            `未经集中培训不能发展：${meeting.date} 已召开支部大会，但没有集中培训记录。`,
            { meetingDate: meeting.date },
          );
        }
        return;
      }
      const days = diffDays(training.startDate, training.endDate) + 1;
      const hours = training.hours;
      if (days < 3 && (hours === undefined || hours < 24)) {
        ctx.report(
          'error',
          'training',
          training.startDate,
          `集中培训应不少于三天或二十四个学时：${training.startDate} 至 ${training.endDate} 共 ${Math.max(days, 0)} 天，${hours === undefined ? '学时未记录' : `${hours} 学时`}。`,
          { startDate: training.startDate, endDate: training.endDate, days, hours: hours ?? null },
        );
      }
      if (meeting !== undefined && training.endDate > meeting.date) {
        ctx.report(
          'error',
          'training',
          training.endDate,
          `集中培训应在支部大会讨论前结束：培训 ${training.endDate} 结束，支部大会却在 ${meeting.date}。`,
          { endDate: training.endDate, meetingDate: meeting.date },
        );
      }
    },
  }),
  rule2014({
    id: 'DEV-14',
    levels: ['error'],
    title: '支委会审查、上级预审在前，填写志愿书在后',
    explanation:
      '支部委员会审查合格后报上级党委预审，预审合格的才发放入党志愿书，填写志愿书后才能提交支部大会讨论。四个环节的日期应依次不早于前一环节，且不能缺少前一环节。',
    citations: [xize2014(19, 'verified'), xize2026(18)],
    check(ctx) {
      const chain: StepKey[] = [
        'committeeReview',
        'preReview',
        'applicationForm',
        'admissionMeeting',
      ];
      for (let i = 1; i < chain.length; i++) {
        const from = chain[i - 1] as StepKey;
        const to = chain[i] as StepKey;
        orderCheck(ctx, from, to, true, true);
      }
    },
  }),
  rule2014({
    id: 'DEV-15',
    levels: ['error'],
    title: '支部大会到会人数超过应到会有表决权人数的半数',
    explanation:
      '讨论接收预备党员和预备党员转正的支部大会，有表决权的到会人数必须超过应到会有表决权人数的半数；恰好一半不够。',
    citations: [xize2014(20, 'verified')],
    check(ctx) {
      if (ctx.steps.admissionMeeting !== undefined) {
        checkQuorum(ctx, ctx.steps.admissionMeeting, 'admissionMeeting');
      }
      if (ctx.steps.fullMembershipMeeting !== undefined) {
        checkQuorum(ctx, ctx.steps.fullMembershipMeeting, 'fullMembershipMeeting');
      }
    },
  }),
  rule2014({
    id: 'DEV-17',
    levels: ['error'],
    title: '赞成人数超过应到会正式党员半数，逐个表决',
    explanation:
      '赞成人数（含因故缺席者会前正式提出的书面赞成意见）必须超过应到会有表决权正式党员的半数才能通过；讨论两个以上发展对象时必须逐个表决。',
    citations: [xize2014(22, 'articleUnverified')],
    check(ctx) {
      if (ctx.steps.admissionMeeting !== undefined) {
        checkMajority(ctx, ctx.steps.admissionMeeting, 'admissionMeeting');
      }
      if (ctx.steps.fullMembershipMeeting !== undefined) {
        checkMajority(ctx, ctx.steps.fullMembershipMeeting, 'fullMembershipMeeting');
      }
    },
  }),
  rule2014({
    id: 'DEV-18',
    levels: ['error'],
    title: '村、社区党委和党总支不能审批预备党员',
    explanation:
      '乡镇（街道）党委所属的村、社区党委不能审批预备党员，只能审议后报乡镇（街道）党委审批；党总支也不能审批。',
    citations: [xize2014(23, 'verified', { paragraph: 2 })],
    check(ctx) {
      const approval = ctx.steps.approval;
      const level = approval?.approverLevel;
      if (approval === undefined || level === undefined) {
        return;
      }
      if (level === '村党委' || level === '社区党委' || level === '党总支') {
        ctx.report(
          'error',
          'approval',
          approval.date,
          `${level}不能审批预备党员，应报有审批权限的基层党委（如乡镇党委、街道党工委）审批：${approval.date} 由${level}审批。`,
          { approvalDate: approval.date, approverLevel: level },
        );
      }
    },
  }),
  rule2014({
    id: 'DEV-19',
    levels: ['error'],
    title: '审批前上级党委派人谈话',
    explanation: '上级党委审批前，应派党委委员或组织员同发展对象谈话，谈话应在审批之日或之前进行。',
    citations: [xize2014(24, 'articleUnverified')],
    check(ctx) {
      const approval = ctx.steps.approval;
      if (approval === undefined) {
        return;
      }
      const talk = ctx.steps.approvalTalk;
      if (talk === undefined) {
        ctx.report(
          'error',
          'approvalTalk',
          approval.date,
          `上级党委审批前应派人同发展对象谈话：${approval.date} 已审批，但没有谈话记录。`,
          { approvalDate: approval.date, talkDate: null },
        );
      } else if (talk.date > approval.date) {
        ctx.report(
          'error',
          'approvalTalk',
          talk.date,
          `上级党委应在审批前派人谈话：审批 ${approval.date}，谈话却在 ${talk.date}。`,
          { approvalDate: approval.date, talkDate: talk.date },
        );
      }
    },
  }),
  rule2014({
    id: 'DEV-20',
    levels: ['error', 'warning'],
    title: '支部大会通过后三个月内审批',
    explanation:
      '上级党委对支部大会通过的接收预备党员决议，应在三个月内审批；有特殊情况的可以延长，但最长不超过六个月。超过三个月给出提醒（说明是否记录了特殊情况），超过六个月即为违反。',
    citations: [xize2014(25, 'articleUnverified'), xize2026(25)],
    check(ctx) {
      const meeting = ctx.steps.admissionMeeting;
      if (meeting === undefined) {
        return;
      }
      const deadline3 = addMonths(meeting.date, 3);
      const deadline6 = addMonths(meeting.date, 6);
      const approval = ctx.steps.approval;
      if (approval !== undefined ? approval.date <= deadline3 : ctx.asOf <= deadline3) {
        return;
      }
      const facts = {
        meetingDate: meeting.date,
        approvalDate: approval?.date ?? null,
        deadline: deadline3,
        extendedDeadline: deadline6,
        specialCircumstance: approval?.specialCircumstance ?? null,
      };
      if (approval !== undefined) {
        if (approval.date > deadline6) {
          ctx.report(
            'error',
            'approval',
            approval.date,
            `上级党委审批最长不超过支部大会后六个月：支部大会 ${meeting.date}，最迟 ${deadline6}，实际 ${approval.date}。`,
            facts,
          );
        } else if (approval.date > deadline3) {
          const reason =
            approval.specialCircumstance === undefined
              ? '未记录特殊情况说明'
              : `特殊情况：${approval.specialCircumstance}`;
          ctx.report(
            'warning',
            'approval',
            approval.date,
            `上级党委应在支部大会后三个月内审批：支部大会 ${meeting.date}，一般最迟 ${deadline3}，实际 ${approval.date}（${reason}）。`,
            facts,
          );
        }
      } else if (ctx.asOf > deadline6) {
        ctx.report(
          'error',
          'approval',
          deadline6,
          `上级党委审批最长不超过支部大会后六个月：支部大会 ${meeting.date}，最迟 ${deadline6}，截至 ${ctx.asOf} 仍未审批。`,
          facts,
        );
      } else if (ctx.asOf > deadline3) {
        ctx.report(
          'warning',
          'approval',
          deadline3,
          `上级党委应在支部大会后三个月内审批：支部大会 ${meeting.date}，一般最迟 ${deadline3}，截至 ${ctx.asOf} 仍未审批（特殊情况最迟 ${deadline6}）。`,
          facts,
        );
      }
    },
  }),
  rule2014({
    id: 'DEV-23',
    levels: ['error'],
    title: '入党宣誓在审批之后、预备期满之前',
    explanation:
      '预备党员必须面向党旗进行入党宣誓。宣誓应在上级党委批准之后、预备期满之前进行；预备期满仍未宣誓的同样违反。',
    citations: [xize2014(28, 'articleUnverified')],
    check(ctx) {
      const approval = ctx.steps.approval;
      const oath = ctx.steps.oath;
      const end = ctx.probationEnd;
      if (oath !== undefined) {
        if (approval !== undefined && oath.date < approval.date) {
          ctx.report(
            'error',
            'oath',
            oath.date,
            `入党宣誓应在上级党委批准之后：批准 ${approval.date}，宣誓却在 ${oath.date}。`,
            { oathDate: oath.date, approvalDate: approval.date },
          );
        }
        if (end !== null && oath.date >= end) {
          ctx.report(
            'error',
            'oath',
            oath.date,
            `入党宣誓应在预备期满之前：预备期满 ${end}，宣誓却在 ${oath.date}。`,
            { oathDate: oath.date, probationEnd: end },
          );
        }
      } else if (approval !== undefined && end !== null && ctx.asOf >= end) {
        ctx.report(
          'error',
          'oath',
          end,
          `入党宣誓应在预备期满之前：预备期满 ${end}，截至 ${ctx.asOf} 仍无宣誓记录。`,
          { oathDate: null, probationEnd: end, asOf: ctx.asOf },
        );
      }
    },
  }),
  rule2014({
    id: 'DEV-24',
    levels: ['error'],
    title: '延长预备期只能一次，不少于半年、不超过一年',
    explanation:
      '预备期为一年。需要继续考察的可以延长一次预备期，延长时间不少于半年、最长不超过一年。',
    citations: [xize2014(32, 'verified'), xize2026(31)],
    check(ctx) {
      const list = ctx.dossier.probationExtensions;
      const meeting = ctx.steps.admissionMeeting;
      if (list === undefined || list.length === 0) {
        return;
      }
      const on = (i: number): IsoDate =>
        list[i]?.decidedOn ?? ctx.steps.fullMembershipMeeting?.date ?? meeting?.date ?? ctx.asOf;
      if (list.length > 1) {
        ctx.report(
          'error',
          'fullMembershipMeeting',
          on(1),
          `预备期只能延长一次：记录了 ${list.length} 次延长。`,
          { extensions: list.length, months: list.map((e) => e.months) },
        );
      }
      list.forEach((ext, i) => {
        if (ext.months < 6 || ext.months > 12) {
          ctx.report(
            'error',
            'fullMembershipMeeting',
            on(i),
            `延长预备期应不少于六个月、不超过十二个月：第 ${i + 1} 次延长 ${ext.months} 个月${ext.decidedOn === undefined ? '' : `（${ext.decidedOn} 决定）`}。`,
            { index: i, months: ext.months, decidedOn: ext.decidedOn ?? null },
          );
        }
      });
    },
  }),
  rule2014({
    id: 'DEV-25',
    levels: ['error'],
    title: '预备期满后才能讨论转正',
    explanation:
      '预备期从支部大会通过之日起计算一年（延长的加上延长期）。讨论转正的支部大会应在预备期满之日或之后召开；因延长预备期召开的会议按延长前的期满日判断。',
    citations: [xize2014(33, 'verified'), xize2026(32)],
    check(ctx) {
      const admission = ctx.steps.admissionMeeting;
      const meeting = ctx.steps.fullMembershipMeeting;
      if (admission === undefined || meeting === undefined) {
        return;
      }
      const end = addMonths(
        admission.date,
        12 + monthsBeforeMeeting(ctx, meeting.date, meeting.outcome),
      );
      if (meeting.date < end) {
        ctx.report(
          'error',
          'fullMembershipMeeting',
          meeting.date,
          `讨论转正的支部大会应在预备期满后召开：支部大会通过 ${admission.date}，预备期满 ${end}，转正大会却在 ${meeting.date}。`,
          { admissionDate: admission.date, probationEnd: end, meetingDate: meeting.date },
        );
      }
    },
  }),
  rule2014({
    id: 'DEV-26',
    levels: ['error'],
    title: '转正决议三个月内审批，党龄自预备期满之日算起',
    explanation:
      '上级党委对支部大会通过的预备党员转正决议，应在三个月内审批；党龄从预备期满转为正式党员之日算起，记录的党龄起算日应等于预备期满之日。',
    citations: [xize2014(34, 'verified'), xize2026(33)],
    check(ctx) {
      const meeting = ctx.steps.fullMembershipMeeting;
      if (meeting === undefined) {
        return;
      }
      const deadline = addMonths(meeting.date, 3);
      const approval = ctx.steps.fullMembershipApproval;
      if (approval === undefined) {
        if (ctx.asOf > deadline) {
          ctx.report(
            'error',
            'fullMembershipApproval',
            deadline,
            `上级党委应在三个月内审批转正决议：转正大会 ${meeting.date}，最迟 ${deadline}，截至 ${ctx.asOf} 仍未审批。`,
            { meetingDate: meeting.date, deadline, approvalDate: null, asOf: ctx.asOf },
          );
        }
        return;
      }
      if (approval.date > deadline) {
        ctx.report(
          'error',
          'fullMembershipApproval',
          approval.date,
          `上级党委应在三个月内审批转正决议：转正大会 ${meeting.date}，最迟 ${deadline}，实际 ${approval.date}。`,
          { meetingDate: meeting.date, deadline, approvalDate: approval.date },
        );
      }
      const end = ctx.probationEnd;
      if (
        meeting.outcome === '转为正式党员' &&
        end !== null &&
        approval.fullMemberSince !== undefined &&
        approval.fullMemberSince !== end
      ) {
        ctx.report(
          'error',
          'fullMembershipApproval',
          approval.date,
          `党龄应从预备期满之日算起：预备期满 ${end}，记录的党龄起算日却是 ${approval.fullMemberSince}。`,
          { probationEnd: end, fullMemberSince: approval.fullMemberSince },
        );
      }
    },
  }),
  rule2014({
    id: 'DEV-29',
    levels: ['error'],
    title: '五项入党材料归档',
    explanation:
      '预备党员转正后，入党志愿书、入党申请书、政治审查材料、转正申请书和培养教育考察材料应交党委存入本人人事档案（无人事档案的建立党员档案），缺一不可。',
    citations: [xize2014(37, 'verified'), xize2026(36)],
    check(ctx) {
      const archive = ctx.steps.archiving;
      if (archive === undefined) {
        return;
      }
      const missing = REQUIRED_DOCUMENTS.filter((d) => !archive.documents.includes(d));
      if (missing.length > 0) {
        ctx.report(
          'error',
          'archiving',
          archive.date,
          `归档材料应包括入党志愿书、入党申请书、政治审查材料、转正申请书、培养教育考察材料五项：${archive.date} 归档缺少${missing.join('、')}。`,
          { date: archive.date, missing, documents: archive.documents },
        );
      }
    },
  }),
  rule2014({
    id: 'DEV-NOTICE',
    levels: ['error', 'warning'],
    title: '发展对象公示不少于规定的工作日',
    explanation:
      '地方口径：发展对象在上级党委预审时应公示，公示不少于 5 个工作日（可在本地设置中调整），起止两天都计入，公示结束后才能召开支部大会。调休上班日计入，法定节假日不计入；没有当年节假日数据的按周一至周五计算并给出提醒。',
    citations: [NOTICE_CITATION],
    isEnabled: (settings) => settings.publicNoticeCheck,
    check(ctx) {
      const pre = ctx.steps.preReview;
      const meeting = ctx.steps.admissionMeeting;
      const notice = pre?.publicNotice;
      const required = ctx.settings.publicNoticeWorkdays;
      if (notice === undefined) {
        if (meeting !== undefined) {
          ctx.report(
            'warning',
            'preReview',
            pre?.date ?? meeting.date,
            `发展对象应经公示（地方口径）：${meeting.date} 已召开支部大会，但没有公示记录。`,
            { meetingDate: meeting.date, publicNotice: null },
          );
        }
        return;
      }
      const { startDate, endDate } = notice;
      const cal = ctx.calendar;
      const workdays = cal.countWorkdays(startDate, endDate);
      const facts = { startDate, endDate, workdays, required };
      if (workdays < required) {
        ctx.report(
          'error',
          'preReview',
          endDate,
          `公示应不少于 ${required} 个工作日（起止日均计入）：${startDate} 至 ${endDate} 只有 ${workdays} 个工作日，至少应到 ${cal.nthWorkday(startDate, required)}。`,
          facts,
        );
      } else if (ctx.settings.strictNoticeCounting) {
        const strict = cal.countWorkdays(addDays(startDate, 1), endDate);
        if (strict < required) {
          ctx.report(
            'warning',
            'preReview',
            endDate,
            `按开始当日不计入的严格口径，公示 ${startDate} 至 ${endDate} 只有 ${strict} 个工作日，少于 ${required} 个。`,
            { ...facts, strictWorkdays: strict },
          );
        }
      }
      if (meeting !== undefined && endDate >= meeting.date) {
        ctx.report(
          'error',
          'preReview',
          endDate,
          `公示结束后才能召开支部大会：公示至 ${endDate}，支部大会却在 ${meeting.date}。`,
          { startDate, endDate, meetingDate: meeting.date },
        );
      }
      const y1 = yearOf(startDate);
      const y2 = yearOf(endDate);
      for (let y = y1; y <= y2; y++) {
        if (!cal.hasData(y)) {
          ctx.report(
            'warning',
            'preReview',
            endDate,
            `${y} 年没有节假日安排数据，公示工作日按周一至周五计算，结果待核实；可用 --holidays 载入当年安排。`,
            { year: y, startDate, endDate },
          );
        }
      }
    },
  }),
  rule2014({
    id: 'DEV-ORDER',
    levels: ['error'],
    title: '发展程序的先后顺序',
    explanation:
      '发展党员的主干步骤必须依次进行：后一步的日期不能早于它必须跟随的前一步，前一步缺失而后一步已有记录的同样违反。已由专门规则（如 DEV-08、DEV-14、DEV-23、DEV-25）检查的日期关系不重复报告。',
    citations: [
      {
        instrument: '中国共产党发展党员工作细则',
        version: '2014',
        effectiveFrom: FROM_2014,
        effectiveTo: null,
        status: 'verified',
      },
    ],
    check(ctx) {
      const admission = ctx.steps.admissionMeeting;
      for (const edge of ORDER_EDGES) {
        // A missing 培训 once the 支部大会 was held is DEV-12's finding.
        const missing = edge.missing && !(edge.from === 'training' && admission !== undefined);
        orderCheck(ctx, edge.from, edge.to, edge.order, missing);
      }
    },
  }),
  {
    id: 'ID-NUMBER',
    ruleSet: 'xize-2014',
    levels: ['error'],
    title: '公民身份号码校验',
    explanation:
      '公民身份号码应符合国家标准的校验码规则，号码中的出生日期应与档案记录的出生日期一致。',
    citations: [ID_CITATION],
    effectiveFrom: '1900-01-01',
    effectiveTo: null,
    check(ctx) {
      const id = ctx.dossier.idNumber;
      if (id === undefined) {
        return;
      }
      const result = readIdNumber(id);
      if (!result.ok) {
        const reason =
          result.problem === 'checkDigit'
            ? '校验码不符'
            : result.problem === 'birthDate'
              ? '号码中的出生日期无效'
              : '应为 17 位数字加 1 位数字或 X';
        ctx.report('error', null, ctx.asOf, `公民身份号码无效（${reason}）：${id}。`, {
          idNumber: id,
          problem: result.problem,
        });
        return;
      }
      const birth = ctx.dossier.birthDate;
      if (birth !== undefined && result.info.birthDate !== birth) {
        ctx.report(
          'error',
          null,
          ctx.asOf,
          `公民身份号码中的出生日期 ${result.info.birthDate} 与档案记录的出生日期 ${birth} 不一致。`,
          { idNumber: id, idBirthDate: result.info.birthDate, birthDate: birth },
        );
      }
    },
  },
];

function firstPresentFrom(ctx: CheckContext, from: StepKey): { step: StepKey; date: IsoDate } {
  const keys = Object.keys(STEP_TITLES) as StepKey[];
  for (let i = keys.indexOf(from); i < keys.length; i++) {
    const key = keys[i] as StepKey;
    if (ctx.steps[key] !== undefined) {
      const date =
        stepStart(ctx.steps, key) ??
        (ctx.steps[key] as { dates?: IsoDate[] }).dates?.[0] ??
        ctx.asOf;
      return { step: key, date };
    }
  }
  return { step: from, date: ctx.asOf };
}

function orderCheck(
  ctx: CheckContext,
  from: StepKey,
  to: StepKey,
  order: boolean,
  missing: boolean,
): void {
  if (ctx.steps[to] === undefined) {
    return;
  }
  const toDate = stepStart(ctx.steps, to) ?? ctx.asOf;
  if (ctx.steps[from] === undefined) {
    if (missing) {
      ctx.report(
        'error',
        to,
        toDate,
        `“${STEP_TITLES[to]}”（${toDate}）之前应先有“${STEP_TITLES[from]}”，但没有该步骤记录。`,
        { step: to, date: toDate, missingStep: from },
      );
    }
    return;
  }
  const fromDate = stepEnd(ctx.steps, from);
  if (order && fromDate !== null && toDate < fromDate) {
    ctx.report(
      'error',
      to,
      toDate,
      `“${STEP_TITLES[to]}”不能早于“${STEP_TITLES[from]}”：前者 ${toDate}，后者 ${fromDate}。`,
      { step: to, date: toDate, previousStep: from, previousDate: fromDate },
    );
  }
}

function checkQuorum(ctx: CheckContext, vote: Vote, step: StepKey): void {
  if (2 * vote.presentVoters <= vote.expectedVoters) {
    const needed = Math.floor(vote.expectedVoters / 2) + 1;
    ctx.report(
      'error',
      step,
      vote.date,
      `${meetingName(step)}（${vote.date}）有表决权的到会人数应超过应到会人数的半数：应到 ${vote.expectedVoters} 人，至少需到 ${needed} 人，实到 ${vote.presentVoters} 人。`,
      { expectedVoters: vote.expectedVoters, presentVoters: vote.presentVoters, needed },
    );
  }
}

function checkMajority(ctx: CheckContext, vote: Vote, step: StepKey): void {
  const written = vote.writtenVotesFor ?? 0;
  const total = vote.votesFor + written;
  if (2 * total <= vote.expectedVoters) {
    const needed = Math.floor(vote.expectedVoters / 2) + 1;
    ctx.report(
      'error',
      step,
      vote.date,
      `${meetingName(step)}（${vote.date}）赞成人数应超过应到会有表决权正式党员的半数：应到 ${vote.expectedVoters} 人，至少需 ${needed} 票，实得到会赞成 ${vote.votesFor} 票、书面赞成 ${written} 票，共 ${total} 票。`,
      {
        expectedVoters: vote.expectedVoters,
        votesFor: vote.votesFor,
        writtenVotesFor: written,
        needed,
      },
    );
  }
  const candidates = vote.candidatesInVote ?? 1;
  if (candidates > 1) {
    ctx.report(
      'error',
      step,
      vote.date,
      `${meetingName(step)}（${vote.date}）应逐个讨论、逐个表决：本次一次表决了 ${candidates} 人。`,
      { candidatesInVote: candidates },
    );
  }
}

/** One gap of the DEV-06 chain; `end` says what closes the chain, null for a 考察 date. */
function checkReviewGap(
  ctx: CheckContext,
  prev: IsoDate,
  next: IsoDate,
  end: 'asOf' | 'candidate' | null,
): void {
  const latest = addMonths(prev, 6);
  if (next <= latest) {
    return;
  }
  const what =
    end === null
      ? `下一次考察在 ${next}`
      : end === 'candidate'
        ? `至确定为发展对象（${next}）之间没有考察`
        : `截至 ${next} 没有下一次考察`;
  ctx.report(
    'error',
    'activistReviews',
    end === 'asOf' ? latest : next,
    `党支部应每半年考察一次入党积极分子：上一次 ${prev}，最迟 ${latest} 应再考察，${what}。`,
    { previous: prev, next, latest },
  );
}

/**
 * Extension months that apply to a 转正 meeting: all of them for 转为正式党员; for a meeting that
 * decides 延长预备期, only extensions decided before it (undated ones: all but the last).
 */
function monthsBeforeMeeting(ctx: CheckContext, meetingDate: IsoDate, outcome: string): number {
  if (outcome !== '延长预备期') {
    return extensionMonths(ctx.dossier);
  }
  const list = ctx.dossier.probationExtensions ?? [];
  if (list.some((e) => e.decidedOn === undefined)) {
    return extensionMonths(ctx.dossier, 1);
  }
  let sum = 0;
  for (const e of list) {
    if ((e.decidedOn as IsoDate) < meetingDate) {
      sum += e.months;
    }
  }
  return sum;
}
