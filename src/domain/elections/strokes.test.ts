import { describe, expect, it } from 'vitest';
import { strokeOrder, surnameStrokes } from './strokes';

describe('strokeOrder', () => {
  it('orders the example slate by surname strokes, keeping the given order on equal counts', () => {
    const result = strokeOrder(['周平', '吴丽', '陈建国', '李秀英', '王海', '赵卫东']);

    expect(result.names).toEqual(['王海', '吴丽', '陈建国', '李秀英', '周平', '赵卫东']);
    expect(result.unknown).toEqual([]);
  });

  it('puts a surname missing from the table last and says so', () => {
    const result = strokeOrder(['𠮷强', '丁一']);

    expect(result.names).toEqual(['丁一', '𠮷强']);
    expect(result.unknown).toEqual(['𠮷强']);
  });

  it('counts common surnames', () => {
    expect(surnameStrokes('黄')).toBe(11);
    expect(surnameStrokes('魏明')).toBe(17);
    expect(surnameStrokes('')).toBeNull();
  });
});
