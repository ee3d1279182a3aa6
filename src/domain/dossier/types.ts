/**
 * 发展党员档案 (dossier) as the interchange format defines it (dossier-format.md §1–2).
 * A step that has not happened is absent. Unknown extra fields are kept and ignored.
 */
import type { IsoDate } from '../calendar/date';

/** The 25 steps of 中组部《发展党员工作流程图》, in order. */
export const STEP_KEYS = [
  'application',
  'applicationTalk',
  'activistSelection',
  'activistFiling',
  'mentors',
  'activistReviews',
  'candidateSelection',
  'candidateFiling',
  'sponsors',
  'politicalReview',
  'training',
  'committeeReview',
  'preReview',
  'applicationForm',
  'admissionMeeting',
  'approvalTalk',
  'approval',
  'approvalFiling',
  'groupAssignment',
  'oath',
  'probationReviews',
  'fullMembershipApplication',
  'fullMembershipMeeting',
  'fullMembershipApproval',
  'archiving',
] as const;

export type StepKey = (typeof STEP_KEYS)[number];

/** Chinese name of each step (步骤名称), for messages and reports. */
export const STEP_TITLES: Readonly<Record<StepKey, string>> = {
  application: '递交入党申请书',
  applicationTalk: '党组织派人谈话',
  activistSelection: '推荐和确定入党积极分子',
  activistFiling: '上级党委备案（积极分子）',
  mentors: '指定培养联系人',
  activistReviews: '培养教育考察',
  candidateSelection: '确定发展对象',
  candidateFiling: '报上级党委备案（发展对象）',
  sponsors: '确定入党介绍人',
  politicalReview: '进行政治审查',
  training: '开展集中培训',
  committeeReview: '支部委员会审查',
  preReview: '上级党委预审',
  applicationForm: '填写入党志愿书',
  admissionMeeting: '支部大会讨论',
  approvalTalk: '上级党委派人谈话',
  approval: '上级党委审批',
  approvalFiling: '再上一级党委组织部门备案',
  groupAssignment: '编入党支部和党小组',
  oath: '入党宣誓',
  probationReviews: '继续教育考察',
  fullMembershipApplication: '提出转正申请',
  fullMembershipMeeting: '支部大会讨论（转正）',
  fullMembershipApproval: '上级党委审批（转正）',
  archiving: '材料归档',
};

export const RECOMMENDATION_METHODS = ['党员推荐', '群团组织推优', '其他'] as const;
export type RecommendationMethod = (typeof RECOMMENDATION_METHODS)[number];

export const ACTIVIST_DECIDERS = ['支部委员会', '支部大会'] as const;
export type ActivistDecider = (typeof ACTIVIST_DECIDERS)[number];

export const REVIEW_RESULTS = ['合格', '不合格'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];

export const TALK_ROLES = ['党委委员', '组织员'] as const;
export type TalkRole = (typeof TALK_ROLES)[number];

export const APPROVER_LEVELS = [
  '乡镇党委',
  '街道党工委',
  '基层党委',
  '村党委',
  '社区党委',
  '党总支',
] as const;
export type ApproverLevel = (typeof APPROVER_LEVELS)[number];

export const MEETING_OUTCOMES = ['转为正式党员', '延长预备期', '取消预备党员资格'] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];

export const GENDERS = ['男', '女'] as const;
export type Gender = (typeof GENDERS)[number];

/** The five documents every archive must hold (细则 第三十七条). */
export const REQUIRED_DOCUMENTS = [
  '入党志愿书',
  '入党申请书',
  '政治审查材料',
  '转正申请书',
  '培养教育考察材料',
] as const;

/** A 培养联系人 or 入党介绍人. */
export interface Person {
  name: string;
  /** Day the person became a 正式党员; absent = unknown. */
  fullMemberSince?: IsoDate;
  /** Under 留党察看 on the step date. */
  disciplinaryProbation?: boolean;
}

/** A 支部大会 表决 record. */
export interface Vote {
  date: IsoDate;
  /** 应到会有表决权的正式党员人数 */
  expectedVoters: number;
  /** 实到会有表决权人数 */
  presentVoters: number;
  /** 到会赞成票 */
  votesFor: number;
  /** 会前正式提出的书面赞成意见 (default 0) */
  writtenVotesFor?: number;
  /** 发展对象 decided by this one vote (default 1; more breaks 逐个表决) */
  candidatesInVote?: number;
}

export interface DatedStep {
  date: IsoDate;
}

export interface ApplicationStep extends DatedStep {
  /** 党组织收到日期; defaults to `date`. */
  receivedDate?: IsoDate;
}

export interface ActivistSelectionStep extends DatedStep {
  method?: RecommendationMethod;
  decidedBy?: ActivistDecider;
}

export interface PeopleStep extends DatedStep {
  people: Person[];
}

/** A step made of several 考察 dates. */
export interface ReviewsStep {
  dates: IsoDate[];
}

export interface PoliticalReviewStep extends DatedStep {
  result: ReviewResult;
  inquiryReplyDates?: IsoDate[];
}

export interface TrainingStep {
  startDate: IsoDate;
  endDate: IsoDate;
  hours?: number;
}

/** 公示 period, both days inclusive. */
export interface PublicNotice {
  startDate: IsoDate;
  endDate: IsoDate;
}

export interface PreReviewStep extends DatedStep {
  publicNotice?: PublicNotice;
}

export interface ApprovalTalkStep extends DatedStep {
  byRole?: TalkRole;
}

export interface ApprovalStep extends DatedStep {
  approverLevel?: ApproverLevel;
  specialCircumstance?: string;
}

export interface FullMembershipMeetingStep extends Vote {
  outcome: MeetingOutcome;
}

export interface FullMembershipApprovalStep extends DatedStep {
  fullMemberSince?: IsoDate;
}

export interface ArchivingStep extends DatedStep {
  documents: string[];
}

export interface Steps {
  application?: ApplicationStep;
  applicationTalk?: DatedStep;
  activistSelection?: ActivistSelectionStep;
  activistFiling?: DatedStep;
  mentors?: PeopleStep;
  activistReviews?: ReviewsStep;
  candidateSelection?: DatedStep;
  candidateFiling?: DatedStep;
  sponsors?: PeopleStep;
  politicalReview?: PoliticalReviewStep;
  training?: TrainingStep;
  committeeReview?: DatedStep;
  preReview?: PreReviewStep;
  applicationForm?: DatedStep;
  admissionMeeting?: Vote;
  approvalTalk?: ApprovalTalkStep;
  approval?: ApprovalStep;
  approvalFiling?: DatedStep;
  groupAssignment?: DatedStep;
  oath?: DatedStep;
  probationReviews?: ReviewsStep;
  fullMembershipApplication?: DatedStep;
  fullMembershipMeeting?: FullMembershipMeetingStep;
  fullMembershipApproval?: FullMembershipApprovalStep;
  archiving?: ArchivingStep;
}

/** One 延长预备期 decision. */
export interface ProbationExtension {
  decidedOn?: IsoDate;
  months: number;
}

export interface Dossier {
  id: string;
  name: string;
  gender?: Gender;
  birthDate?: IsoDate;
  idNumber?: string;
  branch: string;
  steps: Steps;
  probationExtensions?: ProbationExtension[];
}

/** Error codes for a dossier that cannot be read (dossier-format.md §4). */
export type InputErrorCode =
  | 'ERR_INPUT_JSON'
  | 'ERR_INPUT_FIELD'
  | 'ERR_INPUT_DATE'
  | 'ERR_INPUT_STEP'
  | 'ERR_INPUT_COUNT'
  | 'ERR_INPUT_VOTE';

/** Why one input line is unreadable: a code and a Chinese message naming line, path and value. */
export interface InputError {
  code: InputErrorCode;
  message: string;
}
