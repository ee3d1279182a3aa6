/**
 * Application error codes: each has an HTTP status and a default Chinese message; the thrown
 * error carries a specific message naming the field and value. docs/errors.md lists them all
 * (kept in step by a test).
 */

export const ERROR_CATALOGUE = {
  ERR_VALIDATION: { status: 400, message: '请求内容不符合要求' },
  ERR_NOT_FOUND: { status: 404, message: '要找的内容不存在' },
  ERR_AUTH_REQUIRED: { status: 401, message: '请先登录' },
  ERR_AUTH_INVALID: { status: 401, message: '用户名或密码错误' },
  ERR_AUTH_DISABLED: { status: 403, message: '账号已停用，请联系管理员' },
  ERR_AUTH_LOCKED: { status: 429, message: '密码错误次数过多，账号暂时锁定' },
  ERR_AUTH_PASSWORD_CHANGE_REQUIRED: { status: 403, message: '首次登录请先修改密码' },
  ERR_AUTH_WRONG_PASSWORD: { status: 400, message: '原密码不正确' },
  ERR_PASSWORD_WEAK: { status: 400, message: '密码强度不足' },
  ERR_RATE_LIMITED: { status: 429, message: '尝试过于频繁，请稍后再试' },
  ERR_CSRF: { status: 403, message: '请求缺少有效的防伪令牌，请刷新页面后重试' },
  ERR_FORBIDDEN_ROLE: { status: 403, message: '当前角色无权进行此操作' },
  ERR_FORBIDDEN_SCOPE: { status: 403, message: '该内容不在您的管辖范围内' },
  ERR_ORG_NAME_INVALID: { status: 400, message: '组织名称不符合要求' },
  ERR_ORG_NAME_TAKEN: { status: 409, message: '同一上级组织下已有同名组织' },
  ERR_ORG_KIND_NOT_ALLOWED: { status: 400, message: '该类型的组织不能设在此上级组织下' },
  ERR_ORG_MOVE_INTO_SUBTREE: { status: 400, message: '不能把组织移到它自己或它的下级组织之下' },
  ERR_ORG_MOVE_ACROSS_COUNTY: { status: 400, message: '不能把组织移到其他县（市、区）' },
  ERR_ORG_ROOT_LOCKED: { status: 400, message: '不能移动或撤销您管辖范围的根组织' },
  ERR_ORG_NOT_EMPTY: { status: 409, message: '组织不为空，不能撤销' },
  ERR_ACCOUNT_USERNAME_TAKEN: { status: 409, message: '用户名已被使用' },
  ERR_ACCOUNT_USERNAME_INVALID: { status: 400, message: '用户名不符合要求' },
  ERR_ACCOUNT_ROLE_NOT_ALLOWED: { status: 403, message: '不能授予高于自身的角色' },
  ERR_ACCOUNT_SELF_CHANGE: { status: 400, message: '不能停用自己或降低自己的角色' },
  ERR_ROSTER_EVENT_NOT_ALLOWED: { status: 409, message: '党员当前的状态不能登记这项变动' },
  ERR_ROSTER_EVENT_INVALID: { status: 400, message: '党籍变动登记内容不完整或日期不正确' },
  ERR_ROSTER_ID_NUMBER_INVALID: {
    status: 400,
    message: '公民身份号码不正确或与出生日期、性别不一致',
  },
  ERR_ROSTER_NOT_VILLAGE: { status: 400, message: '所选组织不是村（社区）党组织' },
  ERR_ROSTER_PERSON_EXISTS: { status: 409, message: '该公民身份号码的人员已在名册中' },
  ERR_ROSTER_POST_INVALID: { status: 400, message: '两委职务不符合要求' },
  ERR_ROSTER_IMPORT_FILE: { status: 400, message: '导入文件不是有效的 .xlsx 花名册' },
  ERR_ROSTER_IMPORT_TOO_LARGE: { status: 413, message: '导入文件超过大小上限' },
  ERR_ROSTER_IMPORT_INVALID: { status: 422, message: '花名册有错误，未导入任何人员' },
  ERR_ROSTER_IMPORT_EXPIRED: { status: 410, message: '预览的文件已过期或不存在，请重新选择文件' },
  ERR_ELECTION_ORG_NOT_VILLAGE: { status: 400, message: '换届按村（社区）党组织登记' },
  ERR_ELECTION_TERM_INVALID: { status: 400, message: '任期信息不符合要求' },
  ERR_ELECTION_PLAN_INVALID: { status: 400, message: '换届计划信息不符合要求' },
  ERR_ELECTION_CANDIDATE_INVALID: { status: 400, message: '候选人不符合要求' },
  ERR_ELECTION_ROUND_INVALID: { status: 400, message: '选举轮次数字不能使用，本轮未记录' },
  ERR_ELECTION_POST_INVALID: { status: 400, message: '轮次所选职务不符合要求，本轮未记录' },
  ERR_ELECTION_NEGATIVE_ITEM_INVALID: { status: 400, message: '负面清单事项不符合要求' },
  ERR_ELECTION_NEGATIVE_ITEM_IN_USE: {
    status: 409,
    message: '负面清单事项已被保存的资格检查引用，只能停用，不能删除',
  },
  ERR_MEETING_NOT_BRANCH: { status: 400, message: '会议应记在党支部名下' },
  ERR_MEETING_DATE_FUTURE: { status: 400, message: '不能登记尚未召开的会议' },
  ERR_MEETING_GROUP_INVALID: { status: 400, message: '党小组不属于该党支部或会议类型不需要党小组' },
  ERR_MEETING_ATTENDEE_OUTSIDE: { status: 400, message: '到会或缺席人员不是该党支部的党员' },
  ERR_MEETING_ATTENDEE_DUPLICATE: { status: 400, message: '同一人在一次会议或一节课中登记了两次' },
  ERR_STUDY_HOURS_INVALID: { status: 400, message: '学时为负数或超过会议、课程时长' },
  ERR_TRAINING_DATES_INVALID: { status: 400, message: '培训班或课程日期不正确' },
  ERR_TRAINING_TRAINEE_INVALID: { status: 400, message: '学员不在管辖范围内或不是该班学员' },
  ERR_TRAINING_IMPORT_FILE: { status: 400, message: '导入文件不是有效的 .xlsx 学员名单' },
  ERR_TRAINING_IMPORT_INVALID: { status: 422, message: '学员名单有错误，未导入任何学员' },
  ERR_RECRUITMENT_ORG_NOT_BRANCH: { status: 400, message: '发展党员档案应建在党支部' },
  ERR_RECRUITMENT_PERSON_BUSY: { status: 409, message: '此人已有未办结的发展党员档案' },
  ERR_RECRUITMENT_CODE_TAKEN: { status: 409, message: '档案编号已被使用' },
  ERR_RECRUITMENT_TOWNSHIP_STEP: { status: 403, message: '该步骤由乡镇党委或县委组织部录入' },
  ERR_RECRUITMENT_STEP_INVALID: { status: 400, message: '步骤内容不符合档案格式' },
  ERR_RECRUITMENT_DATE_FUTURE: { status: 400, message: '不能录入尚未发生的步骤' },
  ERR_RECRUITMENT_LATE_REASON_REQUIRED: { status: 400, message: '补录的步骤须填写补录原因' },
  ERR_RECRUITMENT_FINDING_UNFLAGGED: {
    status: 409,
    message: '存在错误级问题，须选择“保存并标记问题”并说明原因',
  },
  ERR_RECRUITMENT_IMPORT_INVALID: { status: 400, message: '导入文件有错误，未导入任何档案' },
  ERR_HANDBOOK_QUERY_INVALID: { status: 400, message: '查询内容为空、过长或只有标点符号' },
  ERR_CALCULATOR_INPUT_INVALID: { status: 400, message: '计算器输入不正确' },
  ERR_EXEMPTION_PERSON_INVALID: { status: 400, message: '该人员不是党员，不能登记免于要求' },
  ERR_INTERNAL: { status: 500, message: '服务器内部错误，请联系管理员' },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message?: string, field?: string) {
    super(message ?? ERROR_CATALOGUE[code].message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
    this.field = field;
  }
}
