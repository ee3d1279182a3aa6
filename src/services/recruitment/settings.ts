/**
 * The county's 发展党员 settings: the rule engine's local settings (地方口径) and the backdating
 * thresholds, stored as one JSON row per area_code and layered over the defaults.
 */
import { z } from 'zod';
import {
  DEFAULT_BACKDATING_SETTINGS,
  type BackdatingSettings,
} from '../../domain/recruitment/backdating';
import { createWorkdayCalendar, type WorkdayCalendar } from '../../domain/calendar/workdays';
import { resolveSettings, type Settings } from '../../domain/rules/settings';
import type { ServiceContext } from '../context';

export interface RecruitmentSettings {
  rules: Settings;
  backdating: BackdatingSettings;
}

const storedSchema = z.object({
  rules: z.record(z.string(), z.unknown()).optional(),
  backdating: z
    .object({
      lateEntryDays: z.number().int().min(1).max(365).optional(),
      batchMinSteps: z.number().int().min(2).max(25).optional(),
      batchWindowMinutes: z.number().int().min(1).max(1440).optional(),
    })
    .optional(),
});

let sharedCalendar: WorkdayCalendar | null = null;

/** The working-day calendar of the pinned holiday tables (one per process). */
export function workdayCalendar(): WorkdayCalendar {
  sharedCalendar ??= createWorkdayCalendar();
  return sharedCalendar;
}

export async function loadRecruitmentSettings(
  ctx: ServiceContext,
  areaCode: string,
): Promise<RecruitmentSettings> {
  const row = await ctx.db
    .selectFrom('recruitmentSetting')
    .select('settingsJson')
    .where('areaCode', '=', areaCode)
    .executeTakeFirst();
  const stored = row === undefined ? {} : storedSchema.parse(JSON.parse(row.settingsJson));
  return {
    rules: resolveSettings(stored.rules ?? {}),
    backdating: { ...DEFAULT_BACKDATING_SETTINGS, ...stored.backdating },
  };
}
