/**
 * 发展党员 tables: one dossier per applicant (linked to a person and a branch), one row per step
 * as entered, the annual quota per branch, and the township's backdating settings.
 */
import type { Generated } from 'kysely';

export interface RecruitmentDossierTable {
  id: Generated<number>;
  /** 档案编号, unique within the county (area_code). */
  code: string;
  personId: number;
  /** The branch (党支部) the applicant belongs to. */
  orgId: number;
  areaCode: string;
  /** Stage cached from the steps for counting (stageOf). */
  stage: string;
  /** ProbationExtension[] as JSON, or null. */
  probationExtensionsJson: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RecruitmentStepTable {
  id: Generated<number>;
  dossierId: number;
  /** One of the 25 STEP_KEYS. */
  stepKey: string;
  /** stepDateOf(record): the day the step stands for. */
  stepDate: string | null;
  /** The step record of the interchange format; people carry `personId` when from the roster. */
  fieldsJson: string;
  /** 材料 reference: file number or where the paper is kept. */
  documentRef: string | null;
  recordedAt: string;
  recordedById: number | null;
  recordedByName: string;
  /** 1 when entered more than lateEntryDays after its date (补录). */
  lateEntry: number;
  /** Why it was entered late (required when lateEntry = 1). */
  lateReason: string | null;
  /** Why it was saved despite an error-level finding (保存并标记问题); null when not flagged. */
  flagReason: string | null;
  /** The error findings the flag was saved over, as JSON. */
  flagFindingsJson: string | null;
  areaCode: string;
}

export interface RecruitmentQuotaTable {
  id: Generated<number>;
  orgId: number;
  year: number;
  quota: number;
  areaCode: string;
  updatedAt: string;
}

export interface RecruitmentSettingTable {
  /** One row per county. */
  areaCode: string;
  /** Partial Settings of the rule engine plus the backdating settings, as JSON. */
  settingsJson: string;
  updatedAt: string;
}

export interface RecruitmentTables {
  recruitmentDossier: RecruitmentDossierTable;
  recruitmentStep: RecruitmentStepTable;
  recruitmentQuota: RecruitmentQuotaTable;
  recruitmentSetting: RecruitmentSettingTable;
}
