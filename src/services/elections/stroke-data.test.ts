import { describe, expect, it } from 'vitest';
import { strokeClassOf } from '../../domain/elections/strokes';
import { cncharStrokes, strokeNames } from './stroke-data';

/** The 6,763 汉字 of GB 2312 (level 1: rows 16–55, level 2: rows 56–87). */
function gb2312(level: 1 | 2 | 'both'): string[] {
  const decoder = new TextDecoder('gb18030');
  const [from, to] = level === 1 ? [0xb0, 0xd7] : level === 2 ? [0xd8, 0xf7] : [0xb0, 0xf7];
  const chars: string[] = [];
  for (let hi = from; hi <= to; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const c = decoder.decode(new Uint8Array([hi, lo]));
      if (c.length === 1 && c !== '\ufffd' && /\p{Script=Han}/u.test(c)) {
        chars.push(c);
      }
    }
  }
  return chars;
}

describe('cnchar stroke data', () => {
  it('has data for every GB 2312 level-1 character, and each stroke maps to a class', () => {
    const level1 = gb2312(1);
    expect(level1.length).toBe(3755);
    expect(level1.filter((c) => cncharStrokes(c) === null)).toEqual([]);
  });

  it('maps every stroke name over GB 2312 (both levels) to one of the five classes', () => {
    const names = new Set<string>();
    for (const c of gb2312('both')) {
      for (const n of strokeNames(c) ?? []) {
        names.add(n);
      }
    }
    expect(names.size).toBeGreaterThan(20);
    expect([...names].filter((n) => strokeClassOf(n) === null)).toEqual([]);
  });

  it('reads count and classes: 王 4 横横竖横, 马 3 折折横', () => {
    expect(cncharStrokes('王')).toEqual({ count: 4, classes: ['横', '横', '竖', '横'] });
    expect(cncharStrokes('马')).toEqual({ count: 3, classes: ['折', '折', '横'] });
    expect(cncharStrokes('𠮷')).toBeNull();
    expect(cncharStrokes('王海')).toBeNull();
  });
});
