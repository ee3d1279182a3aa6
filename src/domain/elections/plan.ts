/**
 * The election plan (换届工作计划) counted back from 选举日: each step's latest date, the source of
 * that date and the documents the step needs. Only the voter roll (选民名单 at least 20 days before,
 * its appeals within 5 days and their decisions within 3 days: 村民委员会组织法第十四条, VC-05) and
 * the handover (within 10 days, 第二十条) are national rules; the other offsets are common township
 * practice (地方口径) and are settings a county may change.
 *
 * Periods of days follow 《中华人民共和国民法典》第二百零一条: the day of publication is not counted,
 * so appeals may come until 公布日 + 5 and the last decision is due 公布日 + 8.
 */
import { addDays, diffDays, type IsoDate } from '../calendar/date';
import { formatElectionCitation, villageLaw } from './citations';
import type { BodyKind } from './term';
import type { ElectionFinding } from './types';

export type PlanStepKey =
  | 'survey'
  | 'schemeApproval'
  | 'nomination'
  | 'eligibilityReview'
  | 'slateApproval'
  | 'publicNotice'
  | 'voterRoll'
  | 'rollAppeals'
  | 'electionMeeting'
  | 'resultApproval'
  | 'handover';

export interface PlanStepDefinition {
  key: PlanStepKey;
  title: string;
  /** Days from 选举日 of the step's deadline (negative = before). */
  offsetDays: number;
  /** Where the date comes from. */
  source: string;
  /** A national rule (true) or 地方口径 (false). */
  isStatutory: boolean;
  documents: readonly string[];
  appliesTo: readonly BodyKind[];
}

const BOTH: readonly BodyKind[] = ['党组织委员会', '村民委员会'];

/** VC-05: the voter roll is published at least this many days before 选举日. */
export const ROLL_DAYS_BEFORE = 20;
/** VC-05: appeals against the roll within this many days of its publication. */
export const ROLL_APPEAL_DAYS = 5;
/** VC-05: the 村民选举委员会 decides an appeal within this many days of receiving it. */
export const ROLL_DECISION_DAYS = 3;

export const PLAN_STEPS: readonly PlanStepDefinition[] = [
  {
    key: 'survey',
    title: '调研摸底',
    offsetDays: -60,
    source: '地方口径：选举前约两个月完成班子运行和人选情况摸底',
    isStatutory: false,
    documents: ['村情和班子运行情况摸底表', '离任（任期）经济责任审计结果'],
    appliesTo: BOTH,
  },
  {
    key: 'schemeApproval',
    title: '方案报批',
    offsetDays: -45,
    source:
      '地方口径：换届选举工作方案报乡镇党委批准（《中国共产党基层组织选举工作条例》要求召开选举大会前报上级批准，期限未核实）',
    isStatutory: false,
    documents: ['换届选举工作方案', '关于召开党员大会进行换届选举的请示'],
    appliesTo: BOTH,
  },
  {
    key: 'nomination',
    title: '推荐候选人初步人选',
    offsetDays: -35,
    source: '地方口径：党员推荐、群众推荐（“两推”）',
    isStatutory: false,
    documents: ['党员推荐票', '群众推荐票', '推荐票统计表'],
    appliesTo: BOTH,
  },
  {
    key: 'eligibilityReview',
    title: '资格联审',
    offsetDays: -30,
    source: '地方口径：纪检、公安、法院等部门对初步人选联审（负面清单）',
    isStatutory: false,
    documents: ['候选人资格联审表', '负面清单比对结果'],
    appliesTo: BOTH,
  },
  {
    key: 'slateApproval',
    title: '确定候选人预备人选并报批',
    offsetDays: -25,
    source: '地方口径：支委会（村党组织）研究确定，报乡镇党委审查同意',
    isStatutory: false,
    documents: ['关于候选人预备人选的请示', '候选人预备人选登记表'],
    appliesTo: BOTH,
  },
  {
    key: 'publicNotice',
    title: '公示',
    offsetDays: -22,
    source: '地方口径：候选人预备人选公示不少于5个工作日',
    isStatutory: false,
    documents: ['候选人预备人选公示'],
    appliesTo: BOTH,
  },
  {
    key: 'voterRoll',
    title: '选民登记与公布',
    offsetDays: -20,
    source: '《中华人民共和国村民委员会组织法》第十四条：选民名单应当在选举日的二十日以前公布',
    isStatutory: true,
    documents: ['选民登记册', '选民名单公告'],
    appliesTo: ['村民委员会'],
  },
  {
    key: 'rollAppeals',
    title: '选民名单异议处理',
    offsetDays: -20 + ROLL_APPEAL_DAYS + ROLL_DECISION_DAYS,
    source:
      '《中华人民共和国村民委员会组织法》第十四条：对选民名单有异议的，自名单公布之日起五日内申诉，村民选举委员会自收到申诉之日起三日内作出处理决定并公布处理结果（最迟为公布日后第八日）',
    isStatutory: true,
    documents: ['选民名单异议申诉登记', '申诉处理决定公告'],
    appliesTo: ['村民委员会'],
  },
  {
    key: 'electionMeeting',
    title: '选举大会',
    offsetDays: 0,
    source: '选举日',
    isStatutory: true,
    documents: ['选举办法', '选票', '计票单', '选举结果报告单', '当选公告'],
    appliesTo: BOTH,
  },
  {
    key: 'resultApproval',
    title: '报批',
    offsetDays: 7,
    source:
      '地方口径：选举结果及书记、副书记人选报乡镇党委批准（党章第三十一条要求报批，期限未核实）',
    isStatutory: false,
    documents: ['关于选举结果的报告'],
    appliesTo: ['党组织委员会'],
  },
  {
    key: 'handover',
    title: '工作移交',
    offsetDays: 10,
    source: '《中华人民共和国村民委员会组织法》第二十条：新一届产生之日起十日内完成移交',
    isStatutory: true,
    documents: ['工作移交清单'],
    appliesTo: ['村民委员会'],
  },
];

export interface PlannedStep {
  key: PlanStepKey;
  title: string;
  /** Latest day to have the step done. */
  dueDate: IsoDate;
  source: string;
  isStatutory: boolean;
  documents: readonly string[];
}

/** Days on which steps were done (the plan's progress). */
export type PlanProgress = Partial<Record<PlanStepKey, IsoDate>>;

/**
 * The steps for `bodyKinds` (a 同步换届 covers both) counted back from `electionDate`. Once the
 * voter roll is published, the appeals step is due 8 days after that day (VC-05) instead.
 */
export function planElection(
  electionDate: IsoDate,
  bodyKinds: readonly BodyKind[],
  progress: PlanProgress = {},
): PlannedStep[] {
  const roll = progress.voterRoll;
  return PLAN_STEPS.filter((s) => s.appliesTo.some((k) => bodyKinds.includes(k))).map((s) => ({
    key: s.key,
    title: s.title,
    dueDate:
      s.key === 'rollAppeals' && roll !== undefined
        ? addDays(roll, ROLL_APPEAL_DAYS + ROLL_DECISION_DAYS)
        : addDays(electionDate, s.offsetDays),
    source: s.source,
    isStatutory: s.isStatutory,
    documents: s.documents,
  }));
}

/** What the plan checks need: 选举日, the bodies, the days steps were done and today. */
export interface PlanCheckInput {
  electionDate: IsoDate;
  bodyKinds: readonly BodyKind[];
  progress: PlanProgress;
  asOf: IsoDate;
}

/**
 * VC-05 (村民委员会组织法第十四条) on a 村民委员会 plan: the voter roll published at least 20 days
 * before 选举日 (exactly 20 passes, 19 fails), and the appeals decided within 5 + 3 days of the
 * publication and before 选举日. An on-time roll gets an info finding with its appeal dates.
 */
export function checkPlan(input: PlanCheckInput): ElectionFinding[] {
  if (!input.bodyKinds.includes('村民委员会')) {
    return [];
  }
  const { electionDate, progress, asOf } = input;
  const citation = formatElectionCitation(villageLaw(14));
  const latestRoll = addDays(electionDate, -ROLL_DAYS_BEFORE);
  const findings: ElectionFinding[] = [];
  const add = (severity: ElectionFinding['severity'], message: string, facts: object) =>
    findings.push({ rule: 'VC-05', severity, message, citation, facts: { ...facts } });
  const roll = progress.voterRoll;
  const appeals = progress.rollAppeals;
  if (roll === undefined) {
    if (asOf > latestRoll) {
      add(
        'error',
        `选民名单尚未公布：应在选举日（${electionDate}）的二十日以前公布，最迟 ${latestRoll}，已过。`,
        { electionDate, latestRoll, asOf },
      );
    }
    if (appeals !== undefined) {
      add('warning', `记录了选民名单异议处理（${appeals}），但没有记录选民名单公布日期。`, {
        rollAppeals: appeals,
      });
    }
    return findings;
  }
  const daysBefore = diffDays(roll, electionDate);
  const appealUntil = addDays(roll, ROLL_APPEAL_DAYS);
  const decideBy = addDays(appealUntil, ROLL_DECISION_DAYS);
  const facts = { electionDate, voterRoll: roll, daysBefore, latestRoll, appealUntil, decideBy };
  if (daysBefore < ROLL_DAYS_BEFORE) {
    add(
      'error',
      `选民名单于 ${roll} 公布，距选举日（${electionDate}）只有 ${daysBefore} 日，不足二十日（最迟应在 ${latestRoll} 公布）：应推迟选举日或依法重新公布。`,
      facts,
    );
  } else {
    add(
      'info',
      `选民名单于 ${roll} 公布，在选举日前 ${daysBefore} 日，符合二十日以前公布的要求；异议申诉至 ${appealUntil}，村民选举委员会自收到申诉之日起三日内处理，最迟 ${decideBy}。`,
      facts,
    );
  }
  if (appeals === undefined) {
    if (asOf > decideBy) {
      add(
        'warning',
        `申诉期和处理期已于 ${decideBy} 结束，尚未记录异议处理完毕（没有申诉的，也请记为完成）。`,
        { ...facts, asOf },
      );
    }
  } else if (appeals < roll) {
    add('error', `异议处理完毕日期 ${appeals} 早于选民名单公布日 ${roll}。`, {
      ...facts,
      rollAppeals: appeals,
    });
  } else if (appeals > decideBy || appeals >= electionDate) {
    add(
      'error',
      appeals >= electionDate
        ? `选民名单异议于 ${appeals} 才处理完毕，不在选举日（${electionDate}）之前。`
        : `选民名单异议于 ${appeals} 才处理完毕，晚于最迟 ${decideBy}（申诉期五日、处理三日）。`,
      { ...facts, rollAppeals: appeals },
    );
  }
  return findings;
}
