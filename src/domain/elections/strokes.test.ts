import { describe, expect, it } from 'vitest';
import { cncharStrokes } from '../../services/elections/stroke-data';
import {
  compareByStrokes,
  splitName,
  strokeClassOf,
  strokeOrder,
  type StrokeLookup,
} from './strokes';

const order = (names: string[]) => strokeOrder(names, cncharStrokes).names;

describe('strokeOrder with the cnchar data', () => {
  it('puts fewer surname strokes first: 于 万 马 (3) before 王 (4)', () => {
    expect(order(['王', '马', '万', '于'])).toEqual(['于', '万', '马', '王']);
  });

  it('breaks equal counts by the strokes in writing order: 王 横横竖 < 井 横横撇 < 韦 横横折', () => {
    expect(order(['韦', '井', '王'])).toEqual(['王', '井', '韦']);
  });

  it('orders the 起笔 横 < 竖 < 撇 < 点 < 折 among 7-stroke surnames', () => {
    expect(order(['陈', '沈', '何', '吴', '李'])).toEqual(['李', '吴', '何', '沈', '陈']);
  });

  it('compares the second stroke when the first is the same class: 习 (折点) before 马 (折折)', () => {
    // As in the published 按姓氏笔画为序 list: 于伟国 于忠福 习近平 马兴瑞.
    expect(order(['马兴瑞', '习近平', '于忠福', '于伟国'])).toEqual([
      '于伟国',
      '于忠福',
      '习近平',
      '马兴瑞',
    ]);
  });

  it('orders the same surname by the given name, a shorter prefix first', () => {
    expect(order(['王小明', '王海军', '王大明', '王海'])).toEqual([
      '王大明',
      '王小明',
      '王海',
      '王海军',
    ]);
  });

  it('keeps a compound surname whole: every 欧 before 欧阳, 司马 before 司徒', () => {
    expect(order(['欧阳华', '欧明', '司徒敏', '司马光'])).toEqual([
      '司马光',
      '司徒敏',
      '欧明',
      '欧阳华',
    ]);
    expect(splitName('欧阳华')).toEqual({ surname: ['欧', '阳'], given: ['华'] });
    expect(splitName('欧阳')).toEqual({ surname: ['欧'], given: ['阳'] });
  });

  it('groups one character when two have the same strokes (土 and 士: 横竖横)', () => {
    expect(order(['士甲', '土乙', '士丙'])).toEqual(['土乙', '士丙', '士甲']);
  });

  it('orders the example slate and keeps equal names in the given order', () => {
    expect(order(['周平', '吴丽', '陈建国', '李秀英', '王海', '赵卫东'])).toEqual([
      '王海',
      '李秀英',
      '吴丽',
      '陈建国',
      '周平',
      '赵卫东',
    ]);
    const twins = strokeOrder(['张伟', '王芳', '张伟'], cncharStrokes).names;
    expect(twins).toEqual(['王芳', '张伟', '张伟']);
  });

  it('counts the surnames the old built-in table got wrong: 邝 5, 邬 6, 滕 15', () => {
    expect(cncharStrokes('邝')?.count).toBe(5);
    expect(cncharStrokes('邬')?.count).toBe(6);
    expect(cncharStrokes('滕')?.count).toBe(15);
    expect(order(['邝', '邬'])).toEqual(['邝', '邬']);
  });

  it('puts a character with no data last at its position and reports the name', () => {
    const result = strokeOrder(['𠮷强', '丁一', '王a', '王二'], cncharStrokes);

    expect(result.names).toEqual(['丁一', '王二', '王a', '𠮷强']);
    expect(result.unknown).toEqual(['王a', '𠮷强']);
  });

  it('ignores the middle dot of a transcribed name', () => {
    const result = strokeOrder(['阿依古丽·买买提', '丁一'], cncharStrokes);

    expect(result.names).toEqual(['丁一', '阿依古丽·买买提']);
    expect(result.unknown).toEqual([]);
  });
});

describe('strokeClassOf', () => {
  it('maps the variants to the five classes', () => {
    expect(strokeClassOf('提')).toBe('横');
    expect(strokeClassOf('竖钩')).toBe('竖');
    expect(strokeClassOf('撇')).toBe('撇');
    expect(strokeClassOf('捺')).toBe('点');
    expect(strokeClassOf('点2')).toBe('点');
    expect(strokeClassOf('横折钩')).toBe('折');
    expect(strokeClassOf('竖提')).toBe('折');
    expect(strokeClassOf('横撇|横钩')).toBe('折');
  });

  it('gives no class to an unknown name or to alternatives of different classes', () => {
    expect(strokeClassOf('圈')).toBeNull();
    expect(strokeClassOf('横|横折')).toBeNull();
  });
});

describe('compareByStrokes with any data', () => {
  const fake: StrokeLookup = (c) =>
    ({
      甲: { count: 1, classes: ['折'] as const },
      乙: { count: 2, classes: ['横', '横'] as const },
    })[c] ?? null;

  it('uses only the lookup it is given (pure)', () => {
    expect(compareByStrokes('甲', '乙', fake)).toBeLessThan(0);
    expect(compareByStrokes('乙', '丙', fake)).toBeLessThan(0);
    expect(compareByStrokes('甲', '甲', fake)).toBe(0);
  });
});
