/**
 * The monthly 党费 of one member from a category and a monthly income. Money is integer fen
 * throughout; incomes are parsed from their decimal text so 5000.01 is exactly 500001 fen.
 */
import { DUES_RULES, type DuesRule } from './rules';

export const DUES_CATEGORIES = ['在职', '离退休', '农民', '学生', '困难'] as const;
/** 在职 employed, 离退休 retired, 农民 farmer, 学生 student, 困难 unemployed / on relief / 低保. */
export type DuesCategory = (typeof DUES_CATEGORIES)[number];

/** Local 党费 settings (地方口径). */
export interface DuesSettings {
  /** Monthly 党费 of a farmer member in fen, 20–100 (各省区市党委规定). */
  farmerMonthlyFen: number;
}

export const DEFAULT_DUES_SETTINGS: Readonly<DuesSettings> = { farmerMonthlyFen: 20 };

export const DUES_SETTING_SOURCES: Readonly<Record<keyof DuesSettings, string>> = {
  farmerMonthlyFen:
    '《关于中国共产党党费收缴、使用和管理的规定》第六项：农民党员每月 0.2 元至 1 元，具体标准由各省（区、市）党委确定；默认取 0.2 元，请按本省标准设置（reference.md §9 DUES-06）',
};

/** One band of a percentage scale: incomes up to `upToFen` (inclusive; null = no limit) pay `permille`‰. */
export interface DuesBand {
  upToFen: number | null;
  permille: number;
}

const EMPLOYED_BANDS: readonly DuesBand[] = [
  { upToFen: 300_000, permille: 5 },
  { upToFen: 500_000, permille: 10 },
  { upToFen: 1_000_000, permille: 15 },
  { upToFen: null, permille: 20 },
];

const RETIREE_BANDS: readonly DuesBand[] = [
  { upToFen: 500_000, permille: 5 },
  { upToFen: null, permille: 10 },
];

/** Fixed monthly amount of the categories that pay one (students and members in hardship). */
const FIXED_FEN = 20;

/** The largest monthly income accepted: 10 million 元 (a typo guard, not a rule). */
export const MAX_INCOME_FEN = 1_000_000_000;

export interface DuesResult {
  category: DuesCategory;
  /** Monthly income (the base) in fen; null for fixed-amount categories with no income given. */
  incomeFen: number | null;
  /** Monthly 党费 in fen. */
  monthlyFen: number;
  /** The percentage applied (e.g. '1.5%'), or null for a fixed amount. */
  rate: string | null;
  /** Chinese: which band or amount applied and why. */
  basis: string;
  rule: DuesRule;
  /** Chinese notes the reader must see (rounding convention, local settings). */
  notes: string[];
}

export type IncomeParse = { ok: true; fen: number } | { ok: false; message: string };

/**
 * Reads a monthly income written in 元 with at most two decimals.
 * @example parseIncome('5000.01') // { ok: true, fen: 500001 }
 */
export function parseIncome(text: string): IncomeParse {
  const s = text.trim().replace(/[,，]/g, '');
  if (s === '') {
    return { ok: false, message: '请填写月收入（元）' };
  }
  if (s.startsWith('-')) {
    return { ok: false, message: `月收入不能为负数：${text}` };
  }
  const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(s);
  if (m === null) {
    return { ok: false, message: `月收入应为金额数字（最多两位小数），例如 5000.01：${text}` };
  }
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (fen > MAX_INCOME_FEN) {
    return { ok: false, message: `月收入超过 1000 万元，请检查：${text}` };
  }
  return { ok: true, fen };
}

/** 元 text with two decimals. @example formatYuan(7500) // '75.00' */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function ruleById(id: string): DuesRule {
  const rule = DUES_RULES.find((r) => r.id === id);
  if (rule === undefined) {
    throw new Error(`unknown dues rule ${id}`);
  }
  return rule;
}

function bandOf(bands: readonly DuesBand[], fen: number): DuesBand {
  for (const band of bands) {
    if (band.upToFen === null || fen <= band.upToFen) {
      return band;
    }
  }
  throw new Error('the last band has no limit');
}

function bandText(bands: readonly DuesBand[], band: DuesBand): string {
  const i = bands.indexOf(band);
  const lower = i > 0 ? bands[i - 1]?.upToFen : null;
  const from = lower === null || lower === undefined ? '' : `${formatYuan(lower)} 元以上`;
  const to = band.upToFen === null ? '' : `${formatYuan(band.upToFen)} 元（含）以下`;
  return from === '' ? to : to === '' ? from : `${from}至${to}`;
}

const ROUNDING_NOTE =
  '按 0.01 元四舍五入（取整口径为地方惯例，规定未明示，reference.md §9 标注未核实）';

/**
 * Monthly 党费 from a category and a monthly income in fen.
 * @example calculateDues('在职', 500001).monthlyFen // 7500
 */
export function calculateDues(
  category: DuesCategory,
  incomeFen: number | null,
  settings: DuesSettings = DEFAULT_DUES_SETTINGS,
): DuesResult {
  switch (category) {
    case '在职':
    case '离退休': {
      if (incomeFen === null || !Number.isInteger(incomeFen) || incomeFen < 0) {
        throw new RangeError(`${category}党员须填写月收入`);
      }
      const bands = category === '在职' ? EMPLOYED_BANDS : RETIREE_BANDS;
      const band = bandOf(bands, incomeFen);
      // Half-up rounding of incomeFen × permille / 1000, in integers.
      const monthlyFen = Math.floor((incomeFen * band.permille + 500) / 1000);
      const rate = `${band.permille / 10}%`;
      const base = category === '在职' ? '税后月工资收入' : '基本离退休费（养老金）';
      return {
        category,
        incomeFen,
        monthlyFen,
        rate,
        basis: `${base} ${formatYuan(incomeFen)} 元，属“${bandText(bands, band)}”一档，按 ${rate} 交纳`,
        rule: ruleById(category === '在职' ? 'DUES-02' : 'DUES-05'),
        notes: [ROUNDING_NOTE],
      };
    }
    case '农民':
      return {
        category,
        incomeFen,
        monthlyFen: settings.farmerMonthlyFen,
        rate: null,
        basis: `农民党员按本省标准每月 ${formatYuan(settings.farmerMonthlyFen)} 元（规定范围 0.20—1.00 元）`,
        rule: ruleById('DUES-06'),
        notes: [`地方设置：${DUES_SETTING_SOURCES.farmerMonthlyFen}`],
      };
    case '学生':
    case '困难':
      return {
        category,
        incomeFen,
        monthlyFen: FIXED_FEN,
        rate: null,
        basis:
          category === '学生'
            ? '学生党员每月交纳 0.20 元'
            : '下岗失业、依靠抚恤或救济生活、领取最低生活保障金的党员每月交纳 0.20 元',
        rule: ruleById('DUES-06'),
        notes: ['交纳确有困难的，经党支部研究、报上一级党委批准，可以少交或免交'],
      };
  }
}

/** Checks a local farmer amount: 20–100 fen. Returns a Chinese message or null. */
export function farmerAmountProblem(fen: number): string | null {
  return Number.isInteger(fen) && fen >= 20 && fen <= 100
    ? null
    : `农民党员每月党费应在 0.20 元至 1.00 元之间：${formatYuan(fen)}`;
}
