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
import {
  resolveSettings,
  SETTING_SOURCES,
  SettingsError,
  type Settings,
} from '../../domain/rules/settings';
import { appendAudit } from '../audit.service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { AppError } from '../errors';

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

export interface SettingsPatch {
  rules?: Record<string, unknown> | undefined;
  backdating?: Partial<BackdatingSettings> | undefined;
}

/** The county's settings with each rule setting's source note. */
export async function getRecruitmentSettings(
  ctx: ServiceContext,
  actor: Actor,
): Promise<RecruitmentSettings & { sources: Record<string, string> }> {
  const settings = await loadRecruitmentSettings(ctx, actor.areaCode);
  return { ...settings, sources: { ...SETTING_SOURCES } };
}

/** Changes the county's settings (县级管理员 only); every change is audited. */
export async function updateRecruitmentSettings(
  ctx: ServiceContext,
  actor: Actor,
  patch: SettingsPatch,
): Promise<RecruitmentSettings> {
  if (actor.role !== 'system' && actor.role !== 'countyAdmin') {
    throw new AppError('ERR_FORBIDDEN_ROLE');
  }
  const before = await loadRecruitmentSettings(ctx, actor.areaCode);
  const row = await ctx.db
    .selectFrom('recruitmentSetting')
    .select('settingsJson')
    .where('areaCode', '=', actor.areaCode)
    .executeTakeFirst();
  const stored = row === undefined ? {} : storedSchema.parse(JSON.parse(row.settingsJson));
  const next = {
    rules: { ...stored.rules, ...patch.rules },
    backdating: { ...stored.backdating, ...patch.backdating },
  };
  try {
    resolveSettings(next.rules);
  } catch (error) {
    if (error instanceof SettingsError) {
      throw new AppError('ERR_VALIDATION', error.message, 'rules');
    }
    throw error;
  }
  const parsed = storedSchema.safeParse(next);
  if (!parsed.success) {
    throw new AppError(
      'ERR_VALIDATION',
      `补录设置不符合要求：${parsed.error.issues[0]?.path.join('.') ?? ''}`,
      'backdating',
    );
  }
  const at = isoNow(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    if (row === undefined) {
      await trx
        .insertInto('recruitmentSetting')
        .values({ areaCode: actor.areaCode, settingsJson: JSON.stringify(next), updatedAt: at })
        .execute();
    } else {
      await trx
        .updateTable('recruitmentSetting')
        .set({ settingsJson: JSON.stringify(next), updatedAt: at })
        .where('areaCode', '=', actor.areaCode)
        .execute();
    }
    await appendAudit(trx, actor, at, {
      action: 'recruitment.setSettings',
      entityType: 'recruitmentSetting',
      entityId: actor.areaCode,
      areaCode: actor.areaCode,
      orgPath: actor.scopePath,
      before,
      after: next,
    });
  });
  return loadRecruitmentSettings(ctx, actor.areaCode);
}
