/** Chinese labels and one-line summaries of audit entries, for people reading the trail. */
import type { AuditEntryRow } from '../db/schema';

const ACTION_LABELS: Record<string, string> = {
  'org.create': '新建组织',
  'org.rename': '重命名组织',
  'org.move': '移动组织',
  'org.dissolve': '撤销组织',
  'account.create': '新建账号',
  'account.update': '修改账号',
  'account.resetPassword': '重置密码',
  'account.changePassword': '修改密码',
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.loginFailed': '登录失败',
  'auth.locked': '账号锁定',
  'recruitment.createDossier': '建立发展党员档案',
  'recruitment.saveStep': '录入发展党员步骤',
  'recruitment.deleteStep': '删除发展党员步骤',
  'recruitment.import': '导入发展党员档案',
  'recruitment.setQuota': '设置年度发展计划',
  'recruitment.setSettings': '修改发展党员设置',
  'elections.registerTerm': '登记任期',
  'elections.approveTiming': '批准延期或提前换届',
  'elections.savePlan': '制定换届计划',
  'elections.markStep': '更新换届进度',
  'elections.recordRound': '录入计票结果',
  'elections.startTerm': '开始新一届任期',
  'elections.resizeTerm': '调整本届职数（同日另一轮）',
  'elections.negativeItem.create': '新增负面清单事项',
  'elections.negativeItem.update': '修改负面清单事项',
  'elections.negativeItem.delete': '删除负面清单事项',
  'elections.saveCandidateCheck': '保存候选人资格检查',
  'demo.seed': '生成演示数据',
  'meeting.create': '登记会议',
  'meeting.delete': '删除会议记录',
  'training.create': '新建培训班',
  'training.attendance': '登记培训考勤',
  'training.importTrainees': '导入培训班学员',
  'exemption.create': '登记免于学时要求',
  'exemption.delete': '取消免于学时要求',
  'roster.revealIdNumber': '查看完整公民身份号码',
  'roster.import': '导入党员花名册',
  'roster.export': '导出党员花名册',
  'roster.person.create': '登记非党员（群众）人员',
  'roster.post.create': '任命两委职务',
  'roster.post.end': '两委职务离任',
  'roster.reserve.add': '列为后备干部',
  'roster.reserve.remove': '移出后备干部',
  'roster.event.recorded': '党籍建档',
  'roster.event.corrected': '更正党籍信息',
  'roster.event.admitted': '接收为预备党员',
  'roster.event.confirmed': '预备党员转正',
  'roster.event.transferIn': '组织关系转入',
  'roster.event.transferOut': '组织关系转出',
  'roster.event.transferReceived': '转出回执已收到',
  'roster.event.mobileOut': '登记流动党员',
  'roster.event.mobileContact': '流动党员联系',
  'roster.event.mobileReturn': '流动党员返回',
  'roster.event.abroad': '登记出国（境）',
  'roster.event.abroadReturn': '出国（境）返回',
  'roster.event.lostContact': '登记失联党员',
  'roster.event.contactRestored': '恢复联系',
  'roster.event.suspended': '停止党籍',
  'roster.event.reinstated': '恢复党籍',
  'roster.event.left': '出党',
  'roster.event.deceased': '党员去世',
};

export function auditActionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

function parse(json: string | null): Record<string, unknown> {
  if (json === null) {
    return {};
  }
  const value: unknown = JSON.parse(json);
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

export function describeAuditEntry(entry: AuditEntryRow): string {
  const before = parse(entry.beforeJson);
  const after = parse(entry.afterJson);
  const text = (v: unknown): string =>
    typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
  switch (entry.action) {
    case 'org.create':
      return `新建“${text(after['name'])}”`;
    case 'org.rename':
      return `“${text(before['name'])}”改名为“${text(after['name'])}”`;
    case 'org.move':
      return `移动“${text(after['name'])}”`;
    case 'org.dissolve':
      return `撤销“${text(before['name'])}”`;
    case 'account.create':
      return `新建账号 ${text(after['username'])}`;
    case 'auth.loginFailed':
      return `密码错误第 ${text(after['failures'])} 次`;
    case 'auth.locked':
      return `连续 ${text(after['failures'])} 次密码错误，锁定至 ${text(after['lockedUntil'])}`;
    case 'demo.seed':
      return `组织 ${text(after['orgs'])} 个，人员 ${text(after['people'])} 名`;
    default:
      return auditActionLabel(entry.action);
  }
}
