/**
 * Local settings (地方口径): parameters that differ by province or unit. Each has a default and
 * the source of that default; a partial JSON object (read by the CLI) is layered over them.
 */
import { z } from 'zod';

export interface Settings {
  /** DEV-NOTICE is checked at all (公示 is a local rule in the 2014 细则). */
  publicNoticeCheck: boolean;
  /** Minimum 公示 length in working days. */
  publicNoticeWorkdays: number;
  /** Also count 公示 with the start day excluded (民法典 第二百零一条) and warn when short. */
  strictNoticeCounting: boolean;
  /** Minimum months from 递交入党申请书 to 确定入党积极分子 (0 = no minimum). */
  applicationToActivistMinMonths: number;
  /** Apply the reported 2026 revision's deltas (待核实) to steps dated on or after its effective day. */
  enable2026Revision: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  publicNoticeCheck: true,
  publicNoticeWorkdays: 5,
  strictNoticeCounting: false,
  applicationToActivistMinMonths: 6,
  enable2026Revision: false,
};

/** Where each default comes from (reference.md §0, §10, §12). */
export const SETTING_SOURCES: Readonly<Record<keyof Settings, string>> = {
  publicNoticeCheck:
    '2014 年细则无公示要求；多数省级实施细则要求发展对象公示，故默认开启（reference.md §0 第2点、§12）',
  publicNoticeWorkdays:
    '省级及单位实施细则通行“不少于5个工作日”（reference.md §12，L1）；部分旧规定为7天',
  strictNoticeCounting:
    '默认首尾两日均计入；按《民法典》第二百零一条“开始当日不计入”的严格口径为可选项（reference.md §10）',
  applicationToActivistMinMonths:
    '地方口径：递交申请书后一般经过6个月以上方可确定为积极分子，部分单位为2或3—6个月（reference.md §12，L1）',
  enable2026Revision:
    '报道中的2026年修订版细则正文尚未核实（reference.md §3），默认关闭，取得正式文本后由管理员开启',
};

const settingsPatchSchema = z.strictObject({
  publicNoticeCheck: z.boolean().optional(),
  publicNoticeWorkdays: z.number().int().min(1).max(30).optional(),
  strictNoticeCounting: z.boolean().optional(),
  applicationToActivistMinMonths: z.number().int().min(0).max(24).optional(),
  enable2026Revision: z.boolean().optional(),
});

/** A settings object that cannot be used; the message is Chinese and names the field. */
export class SettingsError extends Error {
  readonly code = 'ERR_SETTINGS_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

/**
 * Layers a partial settings object (parsed JSON) over the defaults.
 * @example resolveSettings({ publicNoticeWorkdays: 7 }).publicNoticeWorkdays // 7
 */
export function resolveSettings(patch: unknown = {}): Settings {
  const parsed = settingsPatchSchema.safeParse(patch);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    const reason =
      issue?.code === 'unrecognized_keys'
        ? `未知设置项：${issue.keys.join('、')}`
        : `${path} 取值无效`;
    throw new SettingsError(`本地设置无效：${reason}`);
  }
  const result: Settings = { ...DEFAULT_SETTINGS };
  for (const [key, value] of Object.entries(parsed.data)) {
    if (value !== undefined) {
      (result as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return result;
}
