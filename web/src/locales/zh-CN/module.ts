// What each module not yet built will do, shown on its placeholder page.
export const modules = {
  'module.underConstruction': '建设中',
  'module.recruitment.summary': '发展党员：档案、流程、期限与公示文书，即将上线',
  'module.recruitment.detail':
    '从入党申请到转为正式党员的 25 个步骤逐项登记，自动推算培养考察期、公示期和预备期，临近期限提醒，并生成公示、函调和谈话记录等文书。',
  'module.members.summary': '党员队伍：花名册、组织关系与党费，即将上线',
  'module.members.detail':
    '按支部查看和维护党员花名册，办理组织关系转接，记录党费收缴，支持从 Excel 导入导出。',
  'module.meetings.summary': '组织生活：三会一课与主题党日台账，即将上线',
  'module.meetings.detail':
    '登记支部党员大会、支委会、党小组会和党课，记录主题党日、组织生活会和民主评议党员，自动统计参会情况。',
  'module.training.summary': '学习培训：培训班、学时与签到，即将上线',
  'module.training.detail': '组织培训班和专题学习，记录每位党员的学时，汇总未完成学时的人员名单。',
  'module.elections.summary': '换届选举：任期提醒、选举程序与计票，即将上线',
  'module.elections.detail':
    '跟踪村（社区）党组织和村民委员会的任期，按程序准备换届各环节材料，录入选票并自动计票。',
  'module.askAnything.summary': '问不倒：党内法规与业务口径随时查，即将上线',
  'module.askAnything.detail':
    '按问题查找党章、党内法规和本地口径的原文出处，回答常见的组织工作业务问题。',
  'module.goWorkbench': '返回工作台',
} as const;
