/**
 * 党费 rules (《关于中国共产党党费收缴、使用和管理的规定》, 中组发〔2008〕3号): the rates as dated
 * data with their citations. The regulation is divided into numbered items (一、二…) rather than
 * 条, so citations name the instrument and the explanation names the item.
 */
import type { Citation } from '../rules/citation';
import type { Severity } from '../rules/engine';

/** The 2008 党费 regulation, in force from 2008-04-01. */
export const DUES_REGULATION = {
  instrument: '关于中国共产党党费收缴、使用和管理的规定',
  version: '2008（中组发〔2008〕3号）',
  effectiveFrom: '2008-04-01',
  effectiveTo: null,
} as const;

function duesCitation(): Citation {
  return { ...DUES_REGULATION, status: 'verified' };
}

/** One 党费 rule as the handbook shows it. */
export interface DuesRule {
  id: string;
  levels: readonly Severity[];
  title: string;
  explanation: string;
  citations: readonly [Citation, ...Citation[]];
}

export const DUES_RULES: readonly DuesRule[] = [
  {
    id: 'DUES-01',
    levels: ['error'],
    title: '按月领工资的党员以税后经常性工资收入为党费基数',
    explanation:
      '规定第一项：按月取得工资收入的党员，以每月工资总额中相对固定的、经常性的工资收入（扣除个人所得税后）为计算基数；各类津贴补贴、奖金等不固定收入一般不计入。工资变化的，从按新标准领取工资的当月起按新基数交纳。',
    citations: [duesCitation()],
  },
  {
    id: 'DUES-02',
    levels: ['error'],
    title: '在职党员按税后月收入分四档交纳党费',
    explanation:
      '规定第二项：税后月工资收入 3000 元以下（含）的，交纳 0.5%；3000 元以上至 5000 元（含）的，交纳 1%；5000 元以上至 10000 元（含）的，交纳 1.5%；10000 元以上的，交纳 2%。整个基数按所在档的比例计算（不分段累进），例如 5000.01 元交 75.00 元。',
    citations: [duesCitation()],
  },
  {
    id: 'DUES-05',
    levels: ['error'],
    title: '离退休党员按基本离退休费分两档交纳党费',
    explanation:
      '规定第五项：离退休干部、职工以实际领取的离退休费（养老金）为基数，5000 元以下（含）的交纳 0.5%，5000 元以上的交纳 1%。2018 年中组部办公厅答复：基数指基本离退休费或基本养老金，不含各类津贴补贴。',
    citations: [duesCitation()],
  },
  {
    id: 'DUES-06',
    levels: ['error'],
    title: '农民、学生和生活困难党员按固定数额交纳党费',
    explanation:
      '规定第六项：农民党员每月交纳 0.2 元至 1 元，具体标准由各省（区、市）党委确定（本系统为地方设置，默认 0.2 元）；学生党员、下岗失业党员、依靠抚恤或救济生活的党员、领取当地最低生活保障金的党员，每月交纳 0.2 元。交纳确有困难的，经党支部研究、报上一级党委批准，可以少交或免交。',
    citations: [duesCitation()],
  },
];
