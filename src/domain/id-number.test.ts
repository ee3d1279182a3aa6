import { describe, expect, it } from 'vitest';
import { idCheckChar, maskIdNumber, readIdNumber } from './id-number';

describe('readIdNumber', () => {
  it('accepts a valid number with an X check character and reads birth date and gender', () => {
    const result = readIdNumber('11010519491231002X');

    expect(result).toEqual({
      ok: true,
      info: { birthDate: '1949-12-31', gender: '女', areaCode: '110105' },
    });
  });

  it('rejects a wrong check digit, an impossible birth date and a bad format', () => {
    expect(readIdNumber('110105194912310021')).toEqual({ ok: false, problem: 'checkDigit' });
    const feb30 = `32010220240230001`;
    expect(readIdNumber(feb30 + idCheckChar(feb30))).toEqual({ ok: false, problem: 'birthDate' });
    expect(readIdNumber('1101051949123100')).toEqual({ ok: false, problem: 'format' });
  });
});

describe('maskIdNumber', () => {
  it('keeps the first and last four characters', () => {
    expect(maskIdNumber('320102199001011234')).toBe('3201**********1234');
  });
});
