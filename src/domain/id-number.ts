/**
 * 公民身份号码 (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence
 * (odd = male), and an ISO 7064 MOD 11-2 check character.
 */
import { parseIsoDate, type IsoDate } from './calendar/date';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits. @example idCheckChar('11010519491231002') // 'X' */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  }
  return CHECK_CHARS[sum % 11] ?? '';
}

export type IdNumberProblem = 'format' | 'birthDate' | 'checkDigit';

export interface IdNumberInfo {
  birthDate: IsoDate;
  gender: '男' | '女';
  areaCode: string;
}

/** Reads an 18-character ID number; returns the problem when it is not valid. */
export function readIdNumber(
  raw: string,
): { ok: true; info: IdNumberInfo } | { ok: false; problem: IdNumberProblem } {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { ok: false, problem: 'format' };
  }
  const birthDate = parseIsoDate(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`);
  if (birthDate === null || birthDate < '1900-01-01') {
    return { ok: false, problem: 'birthDate' };
  }
  if (idCheckChar(id.slice(0, 17)) !== id[17]) {
    return { ok: false, problem: 'checkDigit' };
  }
  const sequence = Number(id.slice(14, 17));
  return {
    ok: true,
    info: { birthDate, gender: sequence % 2 === 1 ? '男' : '女', areaCode: id.slice(0, 6) },
  };
}

/** Masks an ID number for display: `3201**********1234`. */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) {
    return '*'.repeat(id.length);
  }
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}
