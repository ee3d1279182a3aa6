/**
 * Citations of the instruments the answers quote besides the 2014 细则 (citation.ts has that
 * one). Statuses follow reference.md: ✅ verified, 🟡 articleUnverified, ❌ unverified. Where
 * reference.md gives no article number the citation names only the instrument.
 */
import type { Citation, VerificationStatus } from '../rules/citation';
import { DUES_REGULATION } from '../dues/rules';

function cite(
  base: Omit<Citation, 'status' | 'article'>,
  article: number | undefined,
  status: VerificationStatus,
): Citation {
  return article === undefined ? { ...base, status } : { ...base, article, status };
}

const PARTY_CONSTITUTION = {
  instrument: '中国共产党章程',
  version: '2022',
  effectiveFrom: '2022-10-22',
  effectiveTo: null,
};
const ELECTION_RULES_2020 = {
  instrument: '中国共产党基层组织选举工作条例',
  version: '2020',
  effectiveFrom: '2020-07-13',
  effectiveTo: null,
};
const BRANCH_RULES_2018 = {
  instrument: '中国共产党支部工作条例（试行）',
  version: '2018',
  effectiveFrom: '2018-11-25',
  effectiveTo: null,
};
const EDUCATION_RULES_2019 = {
  instrument: '中国共产党党员教育管理工作条例',
  version: '2019',
  effectiveFrom: '2019-05-06',
  effectiveTo: null,
};
const RURAL_RULES_2019 = {
  instrument: '中国共产党农村基层组织工作条例',
  version: '2019',
  effectiveFrom: '2018-12-28',
  effectiveTo: null,
};
const VILLAGE_COMMITTEE_LAW = {
  instrument: '中华人民共和国村民委员会组织法',
  version: '2018修正',
  effectiveFrom: '2018-12-29',
  effectiveTo: null,
};
const CIVIL_CODE = {
  instrument: '中华人民共和国民法典',
  version: '2020',
  effectiveFrom: '2021-01-01',
  effectiveTo: null,
};

export const partyConstitution = (article: number): Citation =>
  cite(PARTY_CONSTITUTION, article, 'verified');
export const electionRules = (
  article?: number,
  status: VerificationStatus = 'verified',
): Citation => cite(ELECTION_RULES_2020, article, status);
export const branchRules = (article?: number, status: VerificationStatus = 'verified'): Citation =>
  cite(BRANCH_RULES_2018, article, status);
export const educationRules = (article: number): Citation =>
  cite(EDUCATION_RULES_2019, article, 'verified');
export const ruralRules = (article: number, status: VerificationStatus = 'verified'): Citation =>
  cite(RURAL_RULES_2019, article, status);
export const villageCommitteeLaw = (article: number): Citation =>
  cite(VILLAGE_COMMITTEE_LAW, article, 'verified');
export const civilCode = (article: number): Citation => cite(CIVIL_CODE, article, 'verified');
export const duesRegulation = (): Citation => ({ ...DUES_REGULATION, status: 'verified' });
export const holidayNotice2026 = (): Citation => ({
  instrument: '国务院办公厅关于2026年部分节假日安排的通知',
  version: '2026',
  effectiveFrom: '2026-01-01',
  effectiveTo: '2026-12-31',
  status: 'verified',
});
