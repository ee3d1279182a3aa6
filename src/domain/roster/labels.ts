/** Chinese labels for the roster's codes, shared by services, exports and the CLI. */
import type {
  AwayKind,
  CadreBody,
  CadreTitle,
  MembershipEventKind,
  ReserveReadiness,
} from './types';

/** 人员类别 / 党籍状态, keyed like the foundation's MembershipStatus. */
export const MEMBERSHIP_STATUS_LABELS = {
  applicant: '入党申请人',
  activist: '入党积极分子',
  candidate: '发展对象',
  probationary: '预备党员',
  full: '正式党员',
  suspended: '停止党籍',
  left: '出党',
  deceased: '死亡',
} as const;

export type MembershipStatusCode = keyof typeof MEMBERSHIP_STATUS_LABELS;

export const MEMBERSHIP_STATUS_CODES = Object.keys(
  MEMBERSHIP_STATUS_LABELS,
) as MembershipStatusCode[];

export const MEMBERSHIP_EVENT_LABELS: Readonly<Record<MembershipEventKind, string>> = {
  recorded: '建档',
  corrected: '更正',
  admitted: '接收为预备党员',
  confirmed: '预备党员转正',
  transferIn: '组织关系转入',
  transferOut: '组织关系转出',
  transferReceived: '转出回执已收到',
  mobileOut: '外出流动',
  mobileContact: '流动党员联系',
  mobileReturn: '流动返回',
  abroad: '出国（境）',
  abroadReturn: '出国（境）返回',
  lostContact: '失去联系',
  contactRestored: '恢复联系',
  suspended: '停止党籍',
  reinstated: '恢复党籍',
  left: '出党',
  deceased: '死亡',
};

export const AWAY_KIND_LABELS: Readonly<Record<AwayKind, string>> = {
  mobile: '流动党员',
  abroad: '出国（境）',
  lostContact: '失联',
  transferredOut: '已转出',
};

export const CADRE_BODY_LABELS: Readonly<Record<CadreBody, string>> = {
  partyOrg: '村党组织',
  villagersCommittee: '村民委员会',
  supervisoryCommittee: '村务监督委员会',
};

export const CADRE_TITLE_LABELS: Readonly<Record<CadreTitle, string>> = {
  secretary: '书记',
  deputySecretary: '副书记',
  director: '主任',
  deputyDirector: '副主任',
  member: '委员',
};

/** Which titles each body has. */
export const CADRE_TITLES_BY_BODY: Readonly<Record<CadreBody, readonly CadreTitle[]>> = {
  partyOrg: ['secretary', 'deputySecretary', 'member'],
  villagersCommittee: ['director', 'deputyDirector', 'member'],
  supervisoryCommittee: ['director', 'member'],
};

export const RESERVE_READINESS_LABELS: Readonly<Record<ReserveReadiness, string>> = {
  ready: '成熟',
  developing: '培养中',
};

/** 学历 values offered in forms and the import template, lowest first. */
export const EDUCATION_LEVELS = [
  '小学',
  '初中',
  '高中',
  '中专',
  '大专',
  '本科',
  '硕士研究生',
  '博士研究生',
] as const;
