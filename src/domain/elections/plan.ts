/**
 * The election plan (换届工作计划) counted back from 选举日: each step's latest date, the source of
 * that date and the documents the step needs. Only the voter roll (选民名单 at least 20 days before,
 * 村民委员会组织法第十四条) and the handover (within 10 days, 第二十条) are national rules; the other
 * offsets are common township practice (地方口径) and are settings a county may change.
 */
import { addDays, type IsoDate } from '../calendar/date';
import type { BodyKind } from './term';

export type PlanStepKey =
  | 'survey'
  | 'schemeApproval'
  | 'nomination'
  | 'eligibilityReview'
  | 'slateApproval'
  | 'publicNotice'
  | 'voterRoll'
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

/** The steps for `bodyKinds` (a 同步换届 covers both) counted back from `electionDate`. */
export function planElection(electionDate: IsoDate, bodyKinds: readonly BodyKind[]): PlannedStep[] {
  return PLAN_STEPS.filter((s) => s.appliesTo.some((k) => bodyKinds.includes(k))).map((s) => ({
    key: s.key,
    title: s.title,
    dueDate: addDays(electionDate, s.offsetDays),
    source: s.source,
    isStatutory: s.isStatutory,
    documents: s.documents,
  }));
}
