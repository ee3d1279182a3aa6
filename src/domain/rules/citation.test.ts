import { describe, expect, it } from 'vitest';
import { chineseNumeral, formatCitation, xize2014, xize2026 } from './citation';

describe('chineseNumeral', () => {
  it.each([
    [1, '一'],
    [7, '七'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [37, '三十七'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
  ])('writes %i as %s', (n, text) => {
    expect(chineseNumeral(n)).toBe(text);
  });
});

describe('formatCitation', () => {
  it('renders a verified article plainly', () => {
    expect(formatCitation(xize2014(7, 'verified'))).toBe('《中国共产党发展党员工作细则》第七条');
  });

  it('renders paragraph and item', () => {
    expect(formatCitation(xize2014(12, 'verified', { paragraph: 2, item: 3 }))).toBe(
      '《中国共产党发展党员工作细则》第十二条第二款第（三）项',
    );
  });

  it('marks an article number that still needs checking', () => {
    expect(formatCitation(xize2014(22, 'articleUnverified'))).toBe(
      '《中国共产党发展党员工作细则》第二十二条（条号待核实）',
    );
  });

  it('marks the reported 2026 revision as unverified', () => {
    expect(formatCitation(xize2026(19))).toBe('《中国共产党发展党员工作细则》第十九条（未核实）');
  });
});
