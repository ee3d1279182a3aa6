/**
 * One index of every rule in every module, for the handbook (问不倒) and for documentation.
 * Each module's catalogue stays where it is; it is only listed here as `RuleInfo`, the part of a
 * rule a reader needs: id, module, level, title, explanation and citations.
 */
import { DUES_RULES } from './dues/rules';
import { ELECTION_RULES } from './elections/catalogue';
import { ORG_LIFE_RULES } from './organization-life/rules';
import { DEVELOPMENT_CATALOGUE } from './rules/catalogue';
import type { Citation } from './rules/citation';
import type { Severity } from './rules/engine';

export type RuleModule =
  'recruitment' | 'organizationLife' | 'training' | 'elections' | 'dues' | 'identity';

export const RULE_MODULE_LABELS: Readonly<Record<RuleModule, string>> = {
  recruitment: '发展党员',
  organizationLife: '组织生活',
  training: '学习培训',
  elections: '换届选举',
  dues: '党费',
  identity: '身份信息',
};

export interface RuleInfo {
  id: string;
  module: RuleModule;
  levels: readonly Severity[];
  title: string;
  explanation: string;
  citations: readonly Citation[];
  /** Marked 待核实 (e.g. the reported 2026 revision), shown as such and off by default. */
  isProvisional: boolean;
}

function fromDevelopmentCatalogue(): RuleInfo[] {
  return DEVELOPMENT_CATALOGUE.rules.map((rule) => ({
    id: rule.id,
    module: rule.id === 'ID-NUMBER' ? 'identity' : 'recruitment',
    levels: rule.levels,
    title: rule.title,
    explanation: rule.explanation,
    citations: rule.citations,
    isProvisional: rule.ruleSet === 'xize-2026',
  }));
}

function fromDuesCatalogue(): RuleInfo[] {
  return DUES_RULES.map((rule) => ({
    id: rule.id,
    module: 'dues',
    levels: rule.levels,
    title: rule.title,
    explanation: rule.explanation,
    citations: rule.citations,
    isProvisional: false,
  }));
}

function fromElectionCatalogue(): RuleInfo[] {
  return ELECTION_RULES.map((rule) => ({
    id: rule.id,
    module: 'elections',
    levels: rule.levels,
    title: rule.title,
    explanation: rule.explanation,
    citations: rule.citations,
    isProvisional: false,
  }));
}

function fromOrgLifeCatalogue(): RuleInfo[] {
  return ORG_LIFE_RULES.map((rule) => ({
    id: rule.id,
    module: rule.module,
    levels: rule.levels,
    title: rule.title,
    explanation: rule.explanation,
    citations: rule.citations,
    isProvisional: false,
  }));
}

/**
 * Every module's rules. A module adds its catalogue by appending one mapped list here
 * (organization life, training, elections and dues do so as they land).
 */
export function allRules(): RuleInfo[] {
  return [
    ...fromDevelopmentCatalogue(),
    ...fromOrgLifeCatalogue(),
    ...fromDuesCatalogue(),
    ...fromElectionCatalogue(),
  ];
}
