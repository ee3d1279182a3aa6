/**
 * Words cadres use for the same thing. A query containing one member of a group also searches
 * for the others (at a lower weight). Groups follow the glossary's terms; the first member is
 * the term the regulations use.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['转为正式党员', '转正', '预备党员转正'],
  ['入党介绍人', '介绍人'],
  ['入党积极分子', '积极分子'],
  ['培养联系人', '联系人', '培养人'],
  ['发展对象', '发展对像'],
  ['政治审查', '政审', '函调'],
  ['支部大会', '党员大会', '支部党员大会'],
  ['支部委员会', '支委会', '支委'],
  ['延长预备期', '延期转正', '推迟转正'],
  ['预备期', '考察期', '预备期满'],
  ['党龄', '入党时间', '党员年限'],
  ['交纳党费', '缴纳党费', '交党费', '缴党费', '党费'],
  ['离退休', '退休', '养老金'],
  ['最低生活保障', '低保'],
  ['审批', '批准'],
  ['书面意见', '书面表决', '书面投票'],
  ['入党宣誓', '宣誓'],
  ['入党申请书', '申请书', '申请入党'],
  ['入党志愿书', '志愿书'],
  ['集中培训', '培训班', '短期培训'],
  ['公示', '公告'],
  ['换届', '换届选举', '届满'],
  ['村党组织', '村党委', '村党支部', '村支部'],
  ['乡镇党委', '镇党委', '乡党委'],
  ['应到会', '应到', '应到人数'],
  ['实到会', '实到', '到会人数'],
  ['工作日', '工作天'],
  ['身份证号', '身份证', '公民身份号码'],
];

/**
 * The term rewritten with the other members of every group it contains.
 * @example synonymVariants('介绍人') // ['入党介绍人']
 */
export function synonymVariants(term: string): string[] {
  const out = new Set<string>();
  for (const group of SYNONYM_GROUPS) {
    // The longest member found, so 入党介绍人 is not read as 入党 + 介绍人.
    let found: string | null = null;
    for (const member of group) {
      if (term.includes(member) && (found === null || member.length > found.length)) {
        found = member;
      }
    }
    if (found === null) {
      continue;
    }
    for (const other of group) {
      if (other !== found) {
        out.add(term.replace(found, other));
      }
    }
  }
  out.delete(term);
  return [...out];
}
