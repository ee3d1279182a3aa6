/**
 * 材料清单: the papers each of the 25 steps usually leaves in the dossier. A practice list for the
 * checklist document (以本地规定为准), not a rule: the rule engine checks only the five documents
 * of 材料归档 (REQUIRED_DOCUMENTS).
 */
import type { StepKey } from '../dossier/types';

export const STEP_MATERIALS: Readonly<Record<StepKey, readonly string[]>> = {
  application: ['入党申请书（本人手写、签名并注明日期）'],
  applicationTalk: ['谈话记录（谈话人、时间、主要内容）'],
  activistSelection: ['党员推荐或群团组织推优材料', '支部委员会（支部大会）会议记录'],
  activistFiling: ['确定入党积极分子备案报告及上级党委备案意见'],
  mentors: ['指定培养联系人记录'],
  activistReviews: ['入党积极分子培养教育考察登记表（每半年一次考察意见）'],
  candidateSelection: ['党小组、培养联系人、党员和群众意见', '支部委员会会议记录'],
  candidateFiling: ['确定发展对象备案报告及上级党委备案意见'],
  sponsors: ['确定入党介绍人记录（两名正式党员）'],
  politicalReview: ['政治审查综合报告（结论性材料）', '函调、外调材料'],
  training: ['集中培训结业证书或培训记录（不少于三天或二十四学时）'],
  committeeReview: ['支部委员会审查意见及会议记录'],
  preReview: ['预审请示', '上级党委预审意见', '发展对象公示材料及公示结果'],
  applicationForm: ['入党志愿书（本人填写）'],
  admissionMeeting: ['支部大会会议记录', '支部大会决议（表决结果）'],
  approvalTalk: ['上级党委谈话记录（填入入党志愿书）'],
  approval: ['上级党委审批意见（批复）'],
  approvalFiling: ['报再上一级党委组织部门备案材料'],
  groupAssignment: ['编入党支部和党小组通知'],
  oath: ['入党宣誓记录'],
  probationReviews: ['预备党员考察登记表'],
  fullMembershipApplication: ['转正申请书'],
  fullMembershipMeeting: ['支部大会会议记录', '转正决议（表决结果）'],
  fullMembershipApproval: ['上级党委转正审批意见'],
  archiving: ['归档材料目录（入党志愿书、入党申请书、政治审查材料、转正申请书、培养教育考察材料）'],
};
