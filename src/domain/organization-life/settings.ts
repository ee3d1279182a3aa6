/**
 * Local settings (地方口径) for 组织生活 and 学习培训: frequencies and hour requirements that differ
 * by province or unit, each with a default and the source of that default.
 */
import { z } from 'zod';

export type LecturePeriod = 'quarter' | 'halfYear' | 'year';

export const LECTURE_PERIOD_LABELS: Readonly<Record<LecturePeriod, string>> = {
  quarter: '每季度',
  halfYear: '每半年',
  year: '每年',
};

export interface OrgLifeSettings {
  /** Period over which 党课 are counted (BR-09). */
  lecturePeriod: LecturePeriod;
  /** 党课 required in each such period. */
  lecturesPerPeriod: number;
  /** 集中学习培训 hours a member needs in a year (EDU-05). */
  memberStudyHours: number;
  /** Hours a branch secretary or committee member needs in a year (EDU-14). */
  officerStudyHours: number;
  /** Check EDU-14 at all (its source is a 规划 whose current figures are unverified). */
  officerStudyCheck: boolean;
  /** Consecutive months that make a 自行脱党 candidate (EDU-11). */
  lapseMonths: number;
}

export const DEFAULT_ORG_LIFE_SETTINGS: Readonly<OrgLifeSettings> = {
  lecturePeriod: 'quarter',
  lecturesPerPeriod: 1,
  memberStudyHours: 32,
  officerStudyHours: 56,
  officerStudyCheck: true,
  lapseMonths: 6,
};

/** Where each default comes from. */
export const ORG_LIFE_SETTING_SOURCES: Readonly<Record<keyof OrgLifeSettings, string>> = {
  lecturePeriod:
    '支部工作条例未规定党课频次，“每季度至少1次”为常见做法，未能追溯到中央文件（reference.md §0 第7点、§12），按本地规定设置',
  lecturesPerPeriod: '同上：默认每个周期1次',
  memberStudyHours:
    '《中国共产党党员教育管理工作条例》第二十条：党员每年集中学习培训一般不少于32学时（已核实）',
  officerStudyHours:
    '《2019—2023年全国党员教育培训工作规划》：基层党组织书记和班子成员每年不少于56学时、至少1次集中培训；2024—2028年规划是否沿用未核实（reference.md §0 第4点）',
  officerStudyCheck: '因56学时出自规划且现行规划未核实，可由管理员关闭',
  lapseMonths:
    '《中国共产党党员教育管理工作条例》第三十一条：无正当理由连续6个月不参加组织生活或不交纳党费（已核实）',
};

const patchSchema = z.strictObject({
  lecturePeriod: z.enum(['quarter', 'halfYear', 'year']).optional(),
  lecturesPerPeriod: z.number().int().min(1).max(12).optional(),
  memberStudyHours: z.number().min(0).max(200).optional(),
  officerStudyHours: z.number().min(0).max(200).optional(),
  officerStudyCheck: z.boolean().optional(),
  lapseMonths: z.number().int().min(1).max(24).optional(),
});

export class OrgLifeSettingsError extends Error {
  readonly code = 'ERR_SETTINGS_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'OrgLifeSettingsError';
  }
}

/**
 * Layers a partial settings object over the defaults.
 * @example resolveOrgLifeSettings({ lecturePeriod: 'halfYear' }).lecturesPerPeriod // 1
 */
export function resolveOrgLifeSettings(patch: unknown = {}): OrgLifeSettings {
  const parsed = patchSchema.safeParse(patch);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const reason =
      issue?.code === 'unrecognized_keys'
        ? `未知设置项：${issue.keys.join('、')}`
        : `${issue?.path.join('.') ?? ''} 取值无效`;
    throw new OrgLifeSettingsError(`组织生活设置无效：${reason}`);
  }
  const result: OrgLifeSettings = { ...DEFAULT_ORG_LIFE_SETTINGS };
  for (const [key, value] of Object.entries(parsed.data)) {
    if (value !== undefined) {
      (result as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return result;
}
