/** A finding of the 组织生活 and 学习培训 rules, with its citation chosen by the date judged. */
import { formatCitation } from '../rules/citation';
import type { Severity } from '../rules/engine';
import { citationOn, orgLifeRule, type OrgLifeRuleId } from './rules';
import type { OrgLifeSettings } from './settings';

export interface OrgLifeFinding {
  rule: OrgLifeRuleId;
  severity: Severity;
  orgId: number;
  personId: number | null;
  period: string | null;
  message: string;
  citation: string;
  facts: Record<string, unknown>;
  /** A 待核查 entry, never an automatic verdict (EDU-11). */
  review?: boolean;
}

export interface ComplianceOptions {
  year: number;
  asOf: string;
  settings: OrgLifeSettings;
}

export function finding(
  ruleId: OrgLifeRuleId,
  severity: Severity,
  onDate: string,
  base: Pick<OrgLifeFinding, 'orgId' | 'personId' | 'period' | 'message' | 'facts'>,
): OrgLifeFinding {
  const rule = orgLifeRule(ruleId);
  const f: OrgLifeFinding = {
    rule: ruleId,
    severity,
    ...base,
    citation: formatCitation(citationOn(rule, onDate)),
  };
  if (rule.isReviewList === true) {
    f.review = true;
  }
  return f;
}
