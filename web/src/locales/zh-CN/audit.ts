export const audit = {
  'audit.page.title': '审计日志',
  'audit.page.description':
    '每一次新增、修改、撤销和登录都按顺序记入审计日志，日志只能追加，不能修改。',
  'audit.field.seq': '序号',
  'audit.field.at': '时间',
  'audit.field.actor': '操作人',
  'audit.field.action': '操作',
  'audit.field.entity': '对象',
  'audit.field.summary': '摘要',
  'audit.total': '共 {count} 条',
  'audit.entityType.org': '组织',
  'audit.entityType.account': '账号',
  'audit.entityType.session': '登录',
} as const;
