import { describe, expect, it } from 'vitest';
import { calculateDues, farmerAmountProblem, formatYuan, parseIncome } from './calculate';

describe('parseIncome', () => {
  it.each([
    ['5000.01', 500001],
    ['5000', 500000],
    ['5000.1', 500010],
    [' 10,000.00 ', 1000000],
    ['0', 0],
  ])('reads %s as %i fen', (text, fen) => {
    expect(parseIncome(text)).toEqual({ ok: true, fen });
  });

  it.each([
    ['', '请填写月收入'],
    ['-1', '不能为负数'],
    ['abc', '应为金额数字'],
    ['5000.001', '应为金额数字'],
    ['1e5', '应为金额数字'],
    ['99999999999', '应为金额数字'],
    ['10000000.01', '超过 1000 万元'],
  ])('refuses %j with a Chinese message', (text, part) => {
    const result = parseIncome(text);

    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(part);
  });
});

describe('calculateDues', () => {
  it('names the band and the rule it used', () => {
    const result = calculateDues('在职', 500001);

    expect(result.basis).toContain('5000.00 元以上至10000.00 元（含）以下');
    expect(result.rule.id).toBe('DUES-02');
    expect(result.rule.citations[0].instrument).toBe('关于中国共产党党费收缴、使用和管理的规定');
  });

  it('refuses an employed member without an income', () => {
    expect(() => calculateDues('在职', null)).toThrow('须填写月收入');
  });

  it('accepts farmer amounts of 0.20–1.00 元 only', () => {
    expect(farmerAmountProblem(20)).toBeNull();
    expect(farmerAmountProblem(100)).toBeNull();
    expect(farmerAmountProblem(19)).toContain('0.20 元至 1.00 元');
    expect(farmerAmountProblem(101)).toContain('0.20 元至 1.00 元');
  });

  it('formats fen as 元 with two decimals', () => {
    expect(formatYuan(7500)).toBe('75.00');
    expect(formatYuan(5)).toBe('0.05');
  });
});
