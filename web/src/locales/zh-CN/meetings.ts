// 组织生活 and 学习培训 pages. Looked up with `mt`.
export const meetings = {
  'meetings.title': '组织生活',
  'meetings.description':
    '三会一课、主题党日、组织生活会和民主评议的记录，以及每个党支部按月、季度、年度的落实情况',
  'meetings.tab.compliance': '落实情况',
  'meetings.tab.records': '会议记录',
  'meetings.tab.review': '待核查',
  'meetings.year': '年度',
  'meetings.org': '范围',
  'meetings.org.all': '全部党支部',
  'meetings.asOf': '截至 {date}',
  'meetings.export': '导出 Excel',
  'meetings.plan': '年度三会一课计划',
  'meetings.state.met': '已开展',
  'meetings.state.missing': '缺少',
  'meetings.state.notDue': '未到期',
  'meetings.state.notRequired': '不作要求',
  'meetings.legend':
    '只显示是否开展：已开展、缺少（期限已过仍无记录）、未到期（期限未到）、不作要求。点击单元格查看对应的会议记录。',
  'meetings.rollup.title': '汇总',
  'meetings.rollup.missing': '{missing} / {total} 个支部有缺少',
  'meetings.rollup.study':
    '学时：{met} 人已达到，{behind} 人尚差，{missing} 人未达到，{exempt} 人免于要求',
  'meetings.settings.title': '本地设置与出处',
  'meetings.rules.title': '规则与依据',
  'meetings.drill.title': '{branch} · {rule} · {period}',
  'meetings.drill.none': '这个周期没有记录',
  'meetings.record.new': '登记会议',
  'meetings.record.save': '保存（Ctrl+Enter）',
  'meetings.record.saved': '已登记：{kind} {date}',
  'meetings.record.branch': '党支部',
  'meetings.record.kind': '会议类型',
  'meetings.record.date': '日期',
  'meetings.record.group': '党小组',
  'meetings.record.topic': '主题',
  'meetings.record.presenter': '主持人/讲课人',
  'meetings.record.hours': '学时',
  'meetings.record.attendees': '到会人员（取消勾选即为缺席）',
  'meetings.record.allPresent': '全部到会',
  'meetings.record.absentees': '缺席人员及理由',
  'meetings.record.reason': '请假理由（未填为无故缺席）',
  'meetings.record.minutes': '会议记录',
  'meetings.record.decisions': '决定事项',
  'meetings.record.docx': '会议记录 .docx',
  'meetings.record.delete': '删除',
  'meetings.record.deleteConfirm': '删除这条会议记录？到会人员的学时会相应减少。',
  'meetings.record.count': '到会 {present} 人，缺席 {absent} 人',
  'meetings.review.lapse':
    '连续未参加组织生活或未交党费（EDU-11）：只是待核查名单，是否属于自行脱党须由党组织核实认定',
  'meetings.review.committee': '支部委员会设置（BR-04）',
  'meetings.review.none': '没有需要核查的情况',
  'training.title': '学习培训',
  'training.description':
    '轮训班的课程、学员和每节课的考勤，以及每名党员、书记和委员的年度学时（32 学时；书记和委员 56 学时且至少 1 次集中培训）',
  'training.tab.classes': '培训班',
  'training.tab.hours': '学时',
  'training.class.new': '新建培训班',
  'training.class.name': '名称',
  'training.class.organizer': '主办单位',
  'training.class.dates': '日期',
  'training.class.centralized': '集中培训',
  'training.class.sessions': '课程',
  'training.class.trainees': '学员',
  'training.class.completed': '结业 {done} / {total} 人',
  'training.class.certificate': '结业证书',
  'training.class.saveAttendance': '保存考勤',
  'training.class.attendanceSaved': '已保存 {date} 的考勤',
  'training.class.notYet': '课程日期未到',
  'training.hours.onlyBehind': '只看未达到或尚差的',
  'training.hours.requirement': '要求',
  'training.hours.meeting': '会议学时',
  'training.hours.training': '培训学时',
  'training.hours.total': '合计',
  'training.hours.state': '情况',
  'training.hours.behind': '尚差 {hours} 学时，剩 {months} 个月',
  'training.hours.missing': '差 {hours} 学时',
  'training.hours.noCentralized': '未参加集中培训',
  'training.hours.branchSummary': '按支部',
} as const;

export type MeetingsKey = keyof typeof meetings;

export function mt(key: MeetingsKey, values?: Record<string, string | number>): string {
  const template: string = meetings[key];
  return values === undefined
    ? template
    : template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}
